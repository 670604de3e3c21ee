"""The annotation form for one claim: stance, review status, verdict, explanation and a note."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from claimtrack.display import clip, for_terminal
from claimtrack.store.models import Claim
from claimtrack.vocabulary import ReviewStatus, Stance


@dataclass(frozen=True)
class ClaimEdit:
    """What the person changed; None means left as it was."""

    stance: str | None = None
    status: str | None = None
    verdict: str | None = None
    explanation: str | None = None
    note: str | None = None

    def changes(self) -> dict[str, str]:
        return {name: value for name, value in asdict(self).items() if value is not None}


class AnnotateClaimScreen(ModalScreen[ClaimEdit | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the claim"),
        Binding("ctrl+s", "save", "Save", tooltip="Record the changes (one revision per field)"),
    ]

    def __init__(self, claim: Claim) -> None:
        super().__init__()
        self.claim = claim

    def compose(self) -> ComposeResult:
        claim = self.claim
        with Vertical(classes="dialog wide"):
            yield Label(f"Annotate claim {claim.id}", classes="dialog-title")
            yield Label(clip(claim.text, 200, escaped=True), classes="dialog-quote", markup=False)
            yield Label("stance")
            yield Select([(s.value, s.value) for s in Stance], value=claim.stance, allow_blank=False, id="stance")
            yield Label("review status")
            yield Select([(s.value, s.value) for s in ReviewStatus], value=claim.status, allow_blank=False,
                         id="status")
            yield Label("verdict")
            yield Input(for_terminal(claim.verdict), placeholder="e.g. False, Misleading, Accurate", id="verdict")
            yield Label("explanation")
            yield Input(for_terminal(claim.explanation), placeholder="why the verdict", id="explanation")
            yield Label("note (kept with the change in the revision log)")
            yield Input(placeholder="optional", id="note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def edit(self) -> ClaimEdit:
        claim = self.claim

        def changed(value: str, current: str | None) -> str | None:
            value = value.strip()  # the field showed the stored words through for_terminal: unchanged is None
            return None if value in ((current or ""), for_terminal(current).strip()) else value

        stance = str(self.query_one("#stance", Select).value)  # never blank (allow_blank=False)
        status = str(self.query_one("#status", Select).value)
        return ClaimEdit(
            stance=stance if stance != claim.stance else None,
            status=status if status != claim.status else None,
            verdict=changed(self.query_one("#verdict", Input).value, claim.verdict),
            explanation=changed(self.query_one("#explanation", Input).value, claim.explanation),
            note=self.query_one("#note", Input).value.strip() or None,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        edit = self.edit()
        self.dismiss(edit if edit.changes() else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
