"""Pick a speaker by a few letters of any name or alias (fuzzy), or name a new one.

The list puts a speaker whose name or alias is exactly what was typed first, then the typed name as a
new speaker, then the near matches (with role, affiliation and claim count): Enter on a new name never
gives the claim the closest existing speaker."""
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
from claimtrack.queries.pages import SpeakerFacts
from tui.desk_calls import Answered


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
                 allow_new: bool = True, facts: dict[str, SpeakerFacts] | None = None) -> None:
        """*choices*: (name or alias to match, canonical name), as `Desk.speaker_choices` gives them;
        with *allow_new*, the typed name is offered as a new speaker when no speaker has it; *facts*
        (`Desk.speaker_facts`) adds role, affiliation and claim count to each name shown."""
        super().__init__()
        self.facts = facts or {}
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
        folded = query.casefold()
        exact = list(dict.fromkeys(name for key, name in self.choices if key.casefold() == folded))
        found = list(exact)
        keys = [key for key, _ in self.choices]
        for _, score, index in process.extract(query, keys, scorer=fuzz.WRatio, limit=self.limit * 3):
            name = self.choices[index][1]
            if score >= 50 and name not in found:
                found.append(name)
        picks = [SpeakerChoice(name) for name in exact]
        if self.allow_new and not exact:
            picks.append(SpeakerChoice(query, is_new=True))
        return picks + [SpeakerChoice(name) for name in found[len(exact):self.limit]]

    def label(self, choice: SpeakerChoice) -> Text:
        if choice.is_new:
            return Text(for_terminal(f"+ new speaker “{choice.name}”"), style="bold")
        shown = Text(for_terminal(choice.name))
        facts = self.facts.get(choice.name)
        if facts is not None:
            about = ", ".join(x for x in (facts.role, facts.affiliation) if x)
            noun = "claim" if facts.claims == 1 else "claims"
            shown.append(for_terminal(f" — {about}" if about else ""), style="italic")
            shown.append(f" · {facts.claims:,} {noun}", style="dim")
        return shown

    def show_matches(self, query: str) -> None:
        self.shown = self.matches(query)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self.label(choice)) for choice in self.shown])
        if self.shown:
            options.highlighted = 0

    def show_facts(self, facts: dict[str, SpeakerFacts]) -> None:
        """Role, affiliation and claim count beside each name, once read (the list stays where it is)."""
        self.facts = facts
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        self.show_matches(self.query_one(Input).value)
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted

    def on_answered(self, message: Answered) -> None:
        message.then(message.answer)

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
        """↓ from the name: into the list, onto the entry below the first (the first is Enter's)."""
        options = self.query_one(OptionList)
        options.focus()
        options.action_cursor_down()

    def action_cancel(self) -> None:
        self.dismiss(None)
