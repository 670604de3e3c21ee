"""Exports from the UI, through the one registry of export formats (`claimtrack.reports.registry`):
the formats the desk offers, and writing one to a file, returning its path for the notification."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from claimtrack.errors import ClaimtrackError
from claimtrack.reports.files import replace_file
from claimtrack.reports.registry import EXPORT_FORMATS as ALL_FORMATS
from claimtrack.reports.registry import ExportFormat, export
from claimtrack.store.database import session_scope

# What the command palette offers, in the registry's order: "export: <label>".
EXPORT_FORMATS = tuple(fmt for fmt in ALL_FORMATS if fmt.in_desk)


def default_path(fmt: ExportFormat, folder: Path | None = None) -> Path:
    return (folder or Path.cwd()) / f"claimtrack-report{fmt.suffix}"


def export_report(engine: Engine, fmt: ExportFormat, path: Path, *, database: str,
                  now: datetime | None = None) -> tuple[Path, list[str]]:
    """Write the whole store in *fmt* to *path*; returns the path and any warnings to show."""
    with session_scope(engine, write=False) as session:
        exported = export(session, fmt, database=database, generated_at=now or datetime.now(UTC))
    path = Path(path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, exported.text, newline=None)  # all or nothing: a failed export leaves the previous file
    except OSError as exc:
        raise ClaimtrackError(f"{path}: cannot write the export ({exc.strerror})") from None
    return path, exported.warnings
