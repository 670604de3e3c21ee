"""A claim marked by hand in the reader: the selected words, who said them, stance and kind."""
from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select

from claimtrack.display import for_terminal
from claimtrack.vocabulary import ClaimKind, Stance


@dataclass(frozen=True)
class ManualClaimDraft:
    speaker: str | None  # an existing name or alias, or a new speaker's name; None: unattributed
    is_new_speaker: bool
    stance: str
    kind: str


class NewClaimScreen(ModalScreen[ManualClaimDraft | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without adding a claim"),
        Binding("ctrl+s", "save", "Add", tooltip="Add the claim"),
    ]

    def __init__(self, words: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.words = words
        self.choices = choices

    def compose(self) -> ComposeResult:
        names = sorted({key for key, _ in self.choices})
        with Vertical(classes="dialog wide"):
            yield Label("New claim", classes="dialog-title")
            yield Label(for_terminal(" ".join(self.words.split())[:300]), classes="dialog-quote", markup=False)
            yield Label("speaker (a name or alias; a new name makes a new speaker; empty: unattributed)")
            yield Input(placeholder="speaker", suggester=SuggestFromList(names, case_sensitive=False), id="speaker")
            yield Label("stance")
            yield Select([(s.value, s.value) for s in Stance], value=Stance.ASSERTS.value, allow_blank=False,
                         id="stance")
            yield Label("kind")
            kind = ClaimKind.DIRECT.value if self.words.strip()[:1] in "\"“'‘" else ClaimKind.INDIRECT.value
            yield Select([(k.value, k.value) for k in ClaimKind], value=kind, allow_blank=False, id="kind")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Label("Enter or ctrl+s to add · Esc to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        speaker = self.query_one("#speaker", Input).value.strip() or None
        known = {key.lower() for key, _ in self.choices}
        self.dismiss(ManualClaimDraft(speaker, speaker is not None and speaker.lower() not in known,
                                      str(self.query_one("#stance", Select).value),
                                      str(self.query_one("#kind", Select).value)))

    def action_cancel(self) -> None:
        self.dismiss(None)
