"""`claimtrack watch FOLDER`: a desk's drop folder. What is in it is ingested at once, then every file that
arrives or changes, one line per article. The store's same-text rule makes a restart safe: a file
already stored is reported as skipped, never stored twice. Ctrl+C stops it cleanly with a summary.

Files are seen through watchfiles (the OS's notifications, with a short quiet period so that a file
still being written is read once it is complete)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.text import Text

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import article_seconds_option, checked_max_mb
from claimtrack.display import for_terminal
from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from watchfiles import Change

    from claimtrack.ingest.batch import IngestReport


class _Tally:
    """What the watch did since it started, for the closing line."""

    def __init__(self) -> None:
        self.added = self.skipped = self.failed = self.claims = 0

    def count(self, report: IngestReport) -> None:
        self.added += len(report.added)
        self.skipped += len(report.skipped)
        self.failed += len(report.failed)
        self.claims += report.claims_stored


def _report_lines(app: CommandContext, report: IngestReport) -> None:
    for where, source_id in report.added:
        app.out.print(for_terminal(f"added {where} as source {source_id}"), markup=False, highlight=False)
    for where, source_id in report.skipped:
        app.out.print(for_terminal(f"skipped {where}: already stored as source {source_id}"), markup=False,
                      highlight=False)
    for failure in report.failed:
        app.err.print(Text.assemble(("failed", "red"), for_terminal(f" {failure}")), highlight=False)
    for note in report.notes:
        app.err.print(Text.assemble(("note", "yellow"), for_terminal(f" {note}")), highlight=False)


def _arrived(changes: set[tuple[Change, str]], folder: Path) -> list[str]:
    """The files that arrived or changed (not those removed), in name order; hidden and partial
    download files (".name", "name.part", "name.crdownload", "name.tmp") are left until renamed."""
    from watchfiles import Change

    paths = {Path(p) for change, p in changes if change in (Change.added, Change.modified)}
    return sorted(str(p) for p in paths if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() not in {".part", ".crdownload", ".tmp", ".swp"} and folder in p.parents)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--max-mb", type=float, default=10.0, show_default=True, callback=checked_max_mb,
              help="Largest article accepted, in MB.")
@article_seconds_option
@pass_app
def watch(app: CommandContext, folder: Path, max_mb: float, article_seconds: float) -> None:
    """Ingest what is in FOLDER, then every file dropped into it, until Ctrl+C (a desk's drop folder).

    One line per article: added, skipped (the same text is already stored: a restart ingests nothing
    twice) or failed (the watch goes on)."""
    from watchfiles import watch as watch_changes

    from claimtrack.ingest.batch import ingest_documents
    from claimtrack.ingest.readers import read_inputs

    if not folder.is_dir():
        raise ClaimtrackError(f"{for_terminal(str(folder))}: no such folder")
    folder = folder.resolve()
    engine = app.engine
    tally = _Tally()

    def take(paths: list[str]) -> None:
        report = ingest_documents(engine, read_inputs(paths, max_bytes=int(max_mb * 1024 * 1024)),
                                  article_seconds=article_seconds)
        tally.count(report)
        _report_lines(app, report)

    try:
        take([str(folder)])
        app.err.print(for_terminal(f"watching {folder} (Ctrl+C stops)"), markup=False, highlight=False)
        for changes in watch_changes(folder, recursive=True, raise_interrupt=True):
            arrived = _arrived(changes, folder)
            if arrived:
                take(arrived)
    except KeyboardInterrupt:
        pass
    app.out.print(f"Stopped. Sources added: {tally.added}, skipped: {tally.skipped}, failed: {tally.failed}; "
                  f"claims stored: {tally.claims}.", highlight=False, soft_wrap=True)
    if tally.failed:
        sys.exit(1)
