"""Pick a speaker by a few letters of any name or alias (fuzzy), or name a new one."""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from claimtrack.display import for_terminal


@dataclass(frozen=True)
class SpeakerChoice:
    name: str  # the canonical name of an existing speaker, or the name of a new one
    is_new: bool = False


class SpeakerPickScreen(ModalScreen[SpeakerChoice | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the speaker"),
        Binding("down", "focus_list", "Down", show=False),
    ]

    def __init__(self, choices: list[tuple[str, str]], *, title: str = "Speaker", limit: int = 12,
                 allow_new: bool = True) -> None:
        """*choices*: (name or alias to match, canonical name), as `Desk.speaker_choices` gives them;
        with *allow_new*, the typed name is offered as a new speaker when no speaker has it."""
        super().__init__()
        self.allow_new = allow_new
        self.choices = choices
        self.pick_title = title
        self.limit = limit
        self.shown: list[SpeakerChoice] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(for_terminal(self.pick_title), classes="dialog-title", markup=False)
            yield Input(placeholder="type a few letters of a name or alias", id="speaker-query")
            yield OptionList(id="speaker-options")
            yield Label("Enter to pick · ↓ to the list · Esc to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.show_matches("")

    def matches(self, query: str) -> list[SpeakerChoice]:
        query = query.strip()
        if not query:
            names = sorted({name for _, name in self.choices})[: self.limit]
            return [SpeakerChoice(name) for name in names]
        found: list[str] = []
        keys = [key for key, _ in self.choices]
        for _, score, index in process.extract(query, keys, scorer=fuzz.WRatio, limit=self.limit * 3):
            name = self.choices[index][1]
            if score >= 50 and name not in found:
                found.append(name)
        picks = [SpeakerChoice(name) for name in found[: self.limit]]
        if self.allow_new and not any(key.lower() == query.lower() for key, _ in self.choices):
            picks.append(SpeakerChoice(query, is_new=True))
        return picks

    def show_matches(self, query: str) -> None:
        self.shown = self.matches(query)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(Text(for_terminal(f"+ new speaker “{c.name}”" if c.is_new else c.name)))
                             for c in self.shown])
        if self.shown:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if self.shown:
            self.dismiss(self.shown[options.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.shown[event.option_index])

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
