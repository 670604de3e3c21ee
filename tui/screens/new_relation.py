"""Relate the current claim to another one: its id, the kind of relation and a note."""
from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select

from claimtrack.review.human_input import row_number
from claimtrack.vocabulary import RelationKind


@dataclass(frozen=True)
class RelationDraft:
    other_claim_id: int
    kind: str
    note: str | None


class NewRelationScreen(ModalScreen[RelationDraft | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without adding a relation")]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Relate claim {self.claim_id} to…", classes="dialog-title")
            yield Label("kind")
            yield Select([(k.value, k.value) for k in RelationKind], value=RelationKind.CONTRADICTS.value,
                         allow_blank=False, id="kind")
            yield Label("the other claim's number")
            yield Input(placeholder="claim id", type="integer", id="other")
            yield Label("note")
            yield Input(placeholder="optional", id="note")
            yield Label("Enter to add · Esc to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        other = row_number(self.query_one("#other", Input).value)
        if other is None:
            self.notify("give the number of the other claim", severity="warning")
            self.query_one("#other", Input).focus()
            return
        self.dismiss(RelationDraft(other, str(self.query_one("#kind", Select).value),
                                   self.query_one("#note", Input).value.strip() or None))

    def action_cancel(self) -> None:
        self.dismiss(None)
