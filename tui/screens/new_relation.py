"""Relate the current claim to another one: the kind of relation, the other claim and a note.

The other claim is found by what the person types: its number, or a speaker's name or words of the
claim, whose matches are listed below the box (↓ to the list, Enter picks one)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from claimtrack.display import clip, for_terminal
from claimtrack.queries.claims import ClaimRow
from claimtrack.review.human_input import row_number
from claimtrack.store.models import stored_id
from claimtrack.vocabulary import RelationKind

MIN_LETTERS = 3  # a search starts from this many letters


@dataclass(frozen=True)
class RelationDraft:
    other_claim_id: int
    kind: str
    note: str | None


class NewRelationScreen(ModalScreen[RelationDraft | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without adding a relation"),
        Binding("down", "to_matches", "Matches", show=False, tooltip="From the claim box to its matches"),
    ]

    @dataclass
    class Found(Message):
        """The claims found for what was typed."""

        words: str
        rows: list[ClaimRow]

    def __init__(self, claim_id: int, find: Callable[[str], list[ClaimRow]] | None = None) -> None:
        """*find*: the claims matching what is typed (`Desk.find_claims`); without it, only a number."""
        super().__init__()
        self.claim_id = claim_id
        self.find = find
        self.found: list[ClaimRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Relate claim {self.claim_id} to…", classes="dialog-title")
            yield Label("kind")
            yield Select([(k.value, k.value) for k in RelationKind], value=RelationKind.CONTRADICTS.value,
                         allow_blank=False, id="kind")
            yield Label("the other claim: its number, or a speaker or words")
            yield Input(placeholder="claim number, speaker or words", id="other")
            yield OptionList(id="other-matches")
            yield Label("note")
            yield Input(placeholder="optional", id="note")
            yield Label("Enter to add · ↓ to the matches · Esc to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#other-matches", OptionList).display = False

    @on(Input.Changed, "#other")
    def other_changed(self, event: Input.Changed) -> None:
        words = event.value.strip()
        if self.find is None or row_number(words) is not None or len(words) < MIN_LETTERS:
            self.show_matches(words, [])
            return
        self.search(words)

    @work(thread=True, exclusive=True, group="find-claims", exit_on_error=False)
    def search(self, words: str) -> None:
        assert self.find is not None  # only asked for with a finder
        self.post_message(self.Found(words, [row for row in self.find(words) if stored_id(row.claim) != self.claim_id]))

    def on_new_relation_screen_found(self, message: Found) -> None:
        if message.words == self.query_one("#other", Input).value.strip():  # not what was typed before
            self.show_matches(message.words, message.rows)

    def show_matches(self, words: str, rows: list[ClaimRow]) -> None:
        self.found = rows
        matches = self.query_one("#other-matches", OptionList)
        matches.clear_options()
        matches.add_options([Option(Text(for_terminal(
            f"#{stored_id(row.claim)} · {row.speaker or 'unattributed'}: {clip(' '.join(row.claim.text.split()), 60)}"
            f" · {row.source_title or 'source ' + str(row.claim.source_id)}"))) for row in rows])
        matches.display = bool(rows)

    def action_to_matches(self) -> None:
        if self.found and self.focused is self.query_one("#other", Input):
            self.focus_matches()
        else:
            self.focus_next()

    def focus_matches(self) -> None:
        matches = self.query_one("#other-matches", OptionList)
        if matches.highlighted is None:
            matches.highlighted = 0  # Enter picks at once
        matches.focus()

    @on(OptionList.OptionSelected, "#other-matches")
    def match_picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.found[event.option_index]
        other = self.query_one("#other", Input)
        other.value = str(stored_id(row.claim))  # a number: the matches close
        self.query_one("#note", Input).focus()
        self.notify(for_terminal(f"the other claim: #{stored_id(row.claim)} · {row.speaker or 'unattributed'}"),
                    markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        other = row_number(self.query_one("#other", Input).value)
        if other is None:
            if self.found:
                self.focus_matches()
                self.notify("pick the other claim from the matches (Enter)", severity="warning")
            else:
                self.notify("give the number of the other claim, or a speaker or words to find it",
                            severity="warning")
                self.query_one("#other", Input).focus()
            return
        self.dismiss(RelationDraft(other, str(self.query_one("#kind", Select).value),
                                   self.query_one("#note", Input).value.strip() or None))

    def action_cancel(self) -> None:
        self.dismiss(None)
