"""What the last ingest from this desk did, document by document: failed, stored in part, skipped."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from claimtrack.display import for_terminal
from claimtrack.ingest.batch import IngestReport


def log_text(report: IngestReport) -> Text:
    """Each failure, note and skip on a line of its own, grouped, stored words shown through for_terminal."""
    shown = Text()
    for heading, style, lines in (
            ("failed", "bold red", report.failed),
            ("stored in part", "bold yellow", report.notes),
            ("skipped (already stored)", "bold", [f"{where}: source {number}" for where, number in report.skipped]),
            ("added", "bold green", [f"{where}: source {number}" for where, number in report.added])):
        if lines:
            shown.append(f"{heading} ({len(lines):,})\n", style=style)
            for line in lines:
                shown.append(f"  {for_terminal(line)}\n")
    return shown if shown.plain else Text("nothing was read", style="dim")


class IngestLogScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,l,q", "close", "Close", tooltip="Back to the sources")]

    def __init__(self, path: str, report: IngestReport) -> None:
        super().__init__()
        self.path = path
        self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(for_terminal(f"Ingest of {self.path}"), classes="dialog-title", markup=False)
            with VerticalScroll(id="ingest-log"):
                yield Static(log_text(self.report))
            yield Label("Esc to close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
