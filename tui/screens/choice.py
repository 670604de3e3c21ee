"""Pick one of a few things (a relation, an alias, an export format): Enter picks, Esc cancels."""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from claimtrack.display import for_terminal


class ChoiceScreen(ModalScreen[Any]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without choosing"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, title: str, options: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.choice_title = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(for_terminal(self.choice_title), classes="dialog-title", markup=False)
            yield OptionList(*[Option(Text(for_terminal(label)), id=str(number))
                               for number, (label, _) in enumerate(self.options)], id="choices")
            yield Label("Enter to choose · Esc to cancel", classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.options[event.option_index][1])

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
