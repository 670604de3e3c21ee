"""Exports from the UI, through the reports package (`claimtrack.reports`): one function per format,
each writing a file and returning its path for the notification."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import Engine

from claimtrack.errors import ClaimtrackError
from claimtrack.reports.files import replace_file
from claimtrack.store.database import session_scope


@dataclass(frozen=True)
class ExportFormat:
    key: str  # markdown, html, json, csv, claimreview
    label: str  # as the command palette shows it: "export: <label>"
    suffix: str


EXPORT_FORMATS = (
    ExportFormat("markdown", "Markdown report", ".md"),
    ExportFormat("html", "HTML report", ".html"),
    ExportFormat("json", "JSON (claims, relations, revisions)", ".json"),
    ExportFormat("csv", "CSV of claims", ".csv"),
    ExportFormat("claimreview", "ClaimReview JSON-LD", ".claimreview.json"),
)


def default_path(fmt: ExportFormat, folder: Path | None = None) -> Path:
    return (folder or Path.cwd()) / f"claimtrack-report{fmt.suffix}"


def export_report(engine: Engine, fmt: ExportFormat, path: Path, *, database: str,
                  now: datetime | None = None) -> tuple[Path, list[str]]:
    """Write the whole store in *fmt* to *path*; returns the path and any warnings to show."""
    from claimtrack.config import load_settings
    from claimtrack.reports.gather import gather_report

    warnings: list[str] = []
    with session_scope(engine, write=False) as session:
        report = gather_report(session, database=database, generated_at=now or datetime.now(timezone.utc))
    if fmt.key == "markdown":
        from claimtrack.reports.markdown import render_markdown

        text = render_markdown(report)
    elif fmt.key == "html":
        from claimtrack.reports.html import render_html

        text = render_html(report)
    elif fmt.key == "json":
        from claimtrack.reports.structured import render_json

        text = render_json(report)
    elif fmt.key == "csv":
        from claimtrack.reports.structured import render_csv

        text = render_csv(report)
    elif fmt.key == "claimreview":
        from claimtrack.reports.claimreview import claim_reviews

        export = claim_reviews(report, load_settings().organization)
        text, warnings = export.render(), list(export.warnings)
    else:
        raise ClaimtrackError(f"export {fmt.key!r}: no such format")
    path = Path(path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, text, newline=None)  # all or nothing: a failed export leaves the previous file
    except OSError as exc:
        raise ClaimtrackError(f"{path}: cannot write the export ({exc.strerror})") from None
    return path, warnings
