"""Exports from the UI, through the one registry of export formats (`claimtrack.reports.registry`):
the formats the desk offers, a new file name for each (the store's name and the time), and writing
what a selection covers (the screen's filters, or the confirmed contradictions) to a file."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from claimtrack.errors import ClaimtrackError
from claimtrack.report_model import EVERYTHING, ReportFilter
from claimtrack.reports.files import replace_file
from claimtrack.reports.registry import EXPORT_FORMATS as ALL_FORMATS
from claimtrack.reports.registry import ExportFormat, export
from claimtrack.store.database import session_scope
from claimtrack.vocabulary import RelationStatus

# What the command palette offers, in the registry's order: "export: <label>".
EXPORT_FORMATS = tuple(fmt for fmt in ALL_FORMATS if fmt.in_desk)


CONFIRMED_ONLY = ReportFilter(status=RelationStatus.CONFIRMED.value)


def default_path(fmt: ExportFormat, folder: Path | None = None, *, store: str = "claimtrack",
                 now: datetime | None = None) -> Path:
    """A new name for each export: the store's name and the time (UTC), e.g. desk-20261203-2104.md."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(store).stem if "://" not in store else store).strip("-.")
    when = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return (folder or Path.cwd()) / f"{stem or 'claimtrack'}-{when}{fmt.suffix}"


def export_report(engine: Engine, fmt: ExportFormat, path: Path, *, database: str,
                  selection: ReportFilter = EVERYTHING, now: datetime | None = None) -> tuple[Path, list[str]]:
    """Write what *selection* covers in *fmt* to *path*; returns the path and any warnings to show."""
    with session_scope(engine, write=False) as session:
        exported = export(session, fmt, selection, database=database, generated_at=now or datetime.now(UTC))
    path = Path(path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, exported.text, newline=None)  # all or nothing: a failed export leaves the previous file
    except OSError as exc:
        raise ClaimtrackError(f"{path}: cannot write the export ({exc.strerror})") from None
    return path, exported.warnings
