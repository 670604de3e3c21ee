"""Speakers that are likely one person or body stored twice (`queries.speaker_merges`), each pair with
its reason; Enter merges the highlighted pair (the smaller into the one with more claims) and the list
stays open for the next; Esc closes it. A merge is one change: Ctrl+Z takes it back."""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from claimtrack.display import for_terminal
from claimtrack.queries.speaker_merges import MergeSuggestion
from claimtrack.store.models import stored_id


def suggestion_label(s: MergeSuggestion) -> Text:
    label = Text.assemble((for_terminal(s.keep.name), "bold"), f" ({s.keep_claims}) ← ",
                          (for_terminal(s.other.name), "bold"), f" ({s.other_claims})  ")
    label.append(for_terminal(f"{s.reason}: {s.detail}"), style="dim")
    return label


class LikelySameScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", tooltip="Close the list"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, suggestions: list[MergeSuggestion], merge: Callable[[MergeSuggestion], None]) -> None:
        """*merge*: makes the change (the Speakers screen's, through the desk, in turn)."""
        super().__init__()
        self.suggestions = suggestions
        self.merge = merge

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Likely the same speaker: Enter merges the right one into the left", classes="dialog-title")
            yield OptionList(id="likely-same")
            yield Label("", id="likely-same-count", classes="dialog-hint")
            yield Label("Enter to merge · j/k or ↑/↓ to move · Esc to close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.show_list()

    def show_list(self) -> None:
        options = self.query_one(OptionList)
        at = options.highlighted or 0
        options.clear_options()
        options.add_options([Option(suggestion_label(s)) for s in self.suggestions])
        if self.suggestions:
            options.highlighted = min(at, len(self.suggestions) - 1)
        self.query_one("#likely-same-count", Label).update(
            f"{len(self.suggestions)} pair(s) to check" if self.suggestions else "nothing left to check")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.suggestions[event.option_index]
        self.merge(chosen)
        gone = {stored_id(chosen.other)}  # merged away: its other pairs are moot
        self.suggestions = [s for s in self.suggestions
                            if s is not chosen and not {stored_id(s.keep), stored_id(s.other)} & gone]
        self.show_list()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
