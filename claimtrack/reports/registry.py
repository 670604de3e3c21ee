"""Every export format, once: its key (what `claimtrack export --format` takes), its label (what the
TUI's command palette shows: "export: <label>"), its file suffix and its renderer; and the one
`export()` that the CLI and the TUI both call.

`export()` gathers what the selection covers (see claimtrack.reports.gather) and renders it; where it
is written (standard output, a file replaced all or nothing) is the caller's to decide. A renderer's
module is imported when it runs (the CLI loads only what its command needs), and the renderer is looked
up in it then (`markdown.render_markdown`, not a copy taken earlier), so a test can stand in for one.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from claimtrack.errors import ClaimtrackError
from claimtrack.report_model import EVERYTHING, Report, ReportFilter


@dataclass(frozen=True)
class Gathered:
    """What a renderer works from: the report, the session it was read in (the annotations file reads
    more), and whether a CSV is wanted one row per relation instead of per claim."""

    session: Session
    report: Report
    relations: bool = False


@dataclass(frozen=True)
class Exported:
    text: str
    warnings: list[str] = field(default_factory=list)  # for the person exporting, not for the file


@dataclass(frozen=True)
class ExportFormat:
    key: str  # as `claimtrack export --format` takes it
    label: str  # as the TUI's command palette shows it: "export: <label>"
    suffix: str  # the end of the file's name: claimtrack-report<suffix>
    render: Callable[[Gathered], Exported]
    in_desk: bool = True  # offered by the TUI (the annotations file is for moving work between databases)


def _markdown(gathered: Gathered) -> Exported:
    from claimtrack.reports import markdown

    return Exported(markdown.render_markdown(gathered.report))


def _html(gathered: Gathered) -> Exported:
    from claimtrack.reports import html

    return Exported(html.render_html(gathered.report))


def _json(gathered: Gathered) -> Exported:
    from claimtrack.reports import structured

    return Exported(structured.render_json(gathered.report))


def _csv(gathered: Gathered) -> Exported:
    from claimtrack.reports import structured

    return Exported(structured.render_csv(gathered.report, relations=gathered.relations))


def _claimreview(gathered: Gathered) -> Exported:
    from claimtrack.config import load_settings
    from claimtrack.reports import claimreview

    reviews = claimreview.claim_reviews(gathered.report, load_settings().organization)
    return Exported(reviews.render(), list(reviews.warnings))


def _annotations(gathered: Gathered) -> Exported:
    from claimtrack.review import acts_file

    annotations = acts_file.export_annotations(gathered.session, gathered.report)
    return Exported(annotations.render(), annotations.warnings())


EXPORT_FORMATS = (
    ExportFormat("md", "Markdown report", ".md", _markdown),
    ExportFormat("html", "HTML report", ".html", _html),
    ExportFormat("json", "JSON (claims, relations, revisions)", ".json", _json),
    ExportFormat("csv", "CSV of claims", ".csv", _csv),
    ExportFormat("claimreview", "ClaimReview JSON-LD", ".claimreview.json", _claimreview),
    ExportFormat("annotations", "Annotations (JSONL)", ".annotations.jsonl", _annotations, in_desk=False),
)


def export_format(key: str) -> ExportFormat:
    for fmt in EXPORT_FORMATS:
        if fmt.key == key:
            return fmt
    raise ClaimtrackError(f"export {key!r}: no such format")


def export(session: Session, fmt: ExportFormat, selection: ReportFilter = EVERYTHING, *, database: str,
           generated_at: datetime, relations: bool = False) -> Exported:
    """What *selection* covers, read in *session* and rendered in *fmt*: the text and any warnings."""
    from claimtrack.reports.gather import gather_report

    report = gather_report(session, selection, database=database, generated_at=generated_at)
    return fmt.render(Gathered(session, report, relations))
