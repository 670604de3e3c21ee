"""`ingest`, `reextract`, `extract` and `demo`: articles into the store (or through the engine alone)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text
from sqlmodel import Session

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import ROW_ID, article_seconds_option, checked_max_mb, format_option
from claimtrack.config import default_jobs
from claimtrack.display import for_terminal
from claimtrack.errors import ClaimtrackError
from claimtrack.ingest.deadline import ARTICLE_SECONDS

if TYPE_CHECKING:
    from claimtrack.ingest.batch import IngestReport


def _ingest(app: CommandContext, paths: tuple[str, ...], max_mb: float,
            article_seconds: float = ARTICLE_SECONDS, jobs: int = 1) -> IngestReport:
    from claimtrack.ingest.batch import ingest_documents
    from claimtrack.ingest.readers import count_inputs, read_inputs

    engine = app.engine
    documents = read_inputs(paths, max_bytes=int(max_mb * 1024 * 1024))
    with Progress(TextColumn("[bold]Ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=app.err, disable=not app.err.is_terminal,
                  transient=True) as progress:
        task = progress.add_task("", total=count_inputs(p for p in paths if p != "-") + paths.count("-"))
        report = ingest_documents(engine, documents, on_document=lambda where: progress.update(
            task, advance=1, description=escape(for_terminal(Path(where).name[:40]))),
            article_seconds=article_seconds, jobs=jobs)
    return report


def _stopped(app: CommandContext, command: str, rest: str) -> NoReturn:
    """Ctrl+C: what was committed stays (each batch is a transaction); say so, and how to go on."""
    app.err.print(f"{command} stopped (Ctrl+C): every batch already written is kept; run the same command "
                  f"again to {rest}.", markup=False, highlight=False)
    sys.exit(130)


def _print_ingest_report(app: CommandContext, report: IngestReport) -> None:
    for where, source_id in report.skipped:
        app.err.print(for_terminal(f"skipped {where}: already stored as source {source_id} (same text)"),
                      markup=False, highlight=False)
    for failure in report.failed:
        app.err.print(Text.assemble(("failed", "red"), for_terminal(f" {failure}")), highlight=False)
    for note in report.notes:
        app.err.print(Text.assemble(("note", "yellow"), for_terminal(f" {note}")), highlight=False)
    app.out.print(f"Sources added: {len(report.added)}, skipped: {len(report.skipped)}, "
                  f"failed: {len(report.failed)}; claims stored: {report.claims_stored}.", highlight=False,
                  soft_wrap=True)



@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--max-mb", type=float, default=10.0, show_default=True, callback=checked_max_mb,
              help="Largest article accepted, in MB (a JSONL batch may be larger; each record may not).")
@article_seconds_option
@click.option("--jobs", type=click.IntRange(min=1), default=default_jobs, show_default="the machine's cores",
              help="Processes that extract claims (one more stores them); a short input uses one.")
@pass_app
def ingest(app: CommandContext, paths: tuple[str, ...], max_mb: float, article_seconds: float, jobs: int) -> None:
    """Store articles and their claims: files, folders, JSONL batches, or - for standard input.

    Text, Markdown, saved HTML pages and JSONL records ({doc_id|id, text, title, url, published}) are
    read. The same text twice is stored once. A bad file is reported and the batch goes on; the exit
    status is 1 when anything failed. Articles are stored in batches of up to 100 (a transaction holds
    the store at most about half a second), each article alone: Ctrl+C keeps what was committed.
    """
    try:
        report = _ingest(app, paths, max_mb, article_seconds, jobs)
    except KeyboardInterrupt:
        _stopped(app, "ingest", "store the rest (texts already stored are skipped)")
    _print_ingest_report(app, report)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("source_ids", nargs=-1, type=ROW_ID, metavar="[SOURCE_ID...]")
@article_seconds_option
@click.option("--jobs", type=click.IntRange(min=1), default=default_jobs, show_default="the machine's cores",
              help="Processes that extract claims (one more stores them); a few sources use one.")
@pass_app
def reextract(app: CommandContext, source_ids: tuple[int, ...], article_seconds: float, jobs: int) -> None:
    """Re-run the engine over stored sources (all when none given), keeping all human work.

    Automatic claims nobody touched are replaced; manual claims, edited claims (their edited fields
    unchanged) and claims in relations a person confirmed or dismissed are kept and re-anchored.
    Sources are written in batches, as ingest writes them (the store is held about half a second at
    most); a source the engine fails on keeps its claims and the others go on.
    """
    from claimtrack.ingest.reextract import reextract as run

    try:
        reports = run(app.engine, list(source_ids) or None, article_seconds, jobs=jobs)
    except KeyboardInterrupt:
        _stopped(app, "reextract", "finish (the sources already done are done again, to the same result)")
    table = Table("source", "removed", "added", "kept (human work)", "re-anchored", header_style="bold")
    for r in reports:
        if r.failed is None:
            table.add_row(str(r.source_id), str(r.removed), str(r.added), str(r.kept), str(r.reanchored))
    app.out.print(table)
    failed = [r.failed for r in reports if r.failed is not None]
    for failure in failed:
        app.err.print(Text.assemble(("failed", "red"), f" {failure}"), highlight=False)
    if failed:
        sys.exit(1)


# ----------------------------------------------------------------------------- engine without a database

@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@format_option("jsonl", "table", default="jsonl")
@article_seconds_option
@pass_app
def extract(app: CommandContext, paths: tuple[str, ...], fmt: str, article_seconds: float) -> None:
    """Run the attribution engine on files (no database); JSONL keeps each record's doc_id."""
    from claimtrack.engine import extract as run_engine
    from claimtrack.evaluation import quotes_record
    from claimtrack.ingest.deadline import ArticleDeadline
    from claimtrack.ingest.prepare import extraction_failure
    from claimtrack.ingest.readers import ReadFailure, read_inputs
    from claimtrack.reports.writers import JSON_ESCAPES

    failed = 0
    for item in read_inputs(paths):
        if isinstance(item, ReadFailure):
            app.err.print(Text.assemble(("failed", "red"), for_terminal(f" {item}")), highlight=False)
            failed += 1
            continue
        doc_id = item.doc_id or item.location
        try:
            extraction = run_engine(item.text, budget=ArticleDeadline(article_seconds))
        except Exception as exc:  # over its time budget, or a bug: this file's line, never a traceback
            shown = f"{item.location} ({item.doc_id})" if item.doc_id else item.location
            app.err.print(Text.assemble(("failed", "red"), for_terminal(f" {extraction_failure(shown, exc)}")),
                          highlight=False)
            failed += 1
            continue
        if extraction.truncated_at is not None:
            app.err.print(f"note {doc_id}: too many attributions; only the first "
                          f"{extraction.truncated_at:,} characters were analysed", markup=False, highlight=False)
        record = quotes_record(doc_id, extraction)
        if fmt == "jsonl":
            # faithful, and harmless on a terminal
            sys.stdout.write(json.dumps(record, ensure_ascii=False).translate(JSON_ESCAPES) + "\n")
        else:
            table = Table("start", "end", "speaker", "stance", "kind", "cue", "rule", "text",
                          title=Text(for_terminal(doc_id)), header_style="bold")
            for q in record["quotes"]:
                table.add_row(*(Text(for_terminal(q[key]))
                                for key in ("start", "end", "speaker", "stance", "kind", "cue", "rule", "text")))
            app.out.print(table)
    if failed:
        sys.exit(1)


# ----------------------------------------------------------------------------- demo

@cli.command()
@click.argument("seeds", default="seeds", type=click.Path())
@click.option("--summary", is_flag=True, help="Print the summary even on a terminal (no TUI).")
@pass_app
def demo(app: CommandContext, seeds: str, summary: bool) -> None:
    """Load the seed articles into the database and show what claimtrack found.

    On a terminal the result opens in the terminal UI; otherwise (or with --summary) a summary of
    sources, claims and contradictions is printed.
    """
    from claimtrack.cli.summary import print_summary

    if not Path(seeds).exists():
        raise ClaimtrackError(f"{seeds}: no such folder (run the demo from the claimtrack checkout)")
    report = _ingest(app, (seeds,), 10.0)
    _print_ingest_report(app, report)
    if sys.stdout.isatty() and sys.stdin.isatty() and not summary:
        from tui.app import (
            run_app,  # only here: the core never imports the UI at import time
        )

        run_app(app.db)
    else:
        with Session(app.engine) as session:
            print_summary(app.out, session)
    if not report.ok:
        sys.exit(1)
