"""The `claimtrack` command line: a thin layer over the library (click for parsing, rich for output).

Everything printed for people goes through claimtrack.display: the consoles are TerminalConsoles,
errors and stored or typed words pass `for_terminal`, machine formats stay faithful (see claimtrack.output).
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlmodel import Session, select

from claimtrack import __version__
from claimtrack.display import TerminalConsole, for_terminal
from claimtrack.deadline import ARTICLE_SECONDS, valid_seconds
from claimtrack.errors import ClaimtrackError
from claimtrack.human_input import MAX_ROW_ID
from claimtrack.vocabulary import Stance

# The PostgreSQL driver logs what it could not clean up after a lost connection ("error ignored
# terminating <psycopg.Pipeline [BAD]>: the connection is lost"); with no logging set up Python would
# print that beside the command's one-line error, which already says so. Logging set up by whoever
# embeds claimtrack still receives it.
logging.getLogger("psycopg").addHandler(logging.NullHandler())

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORMATS = click.Choice(["table", "json", "csv"])

# Numbers as the store can hold them, so that a mistyped one is a one-line usage error and never the
# driver's overflow: ids and versions as its integer columns take them (32 bits on PostgreSQL, which a
# store must be able to move to), counts as SQL's LIMIT takes them.
ROW_ID = click.IntRange(1, MAX_ROW_ID)
VERSION = click.IntRange(1, MAX_ROW_ID)
COUNT = click.IntRange(0, 2**63 - 1)


class ClaimtrackGroup(click.Group):
    """Turns a `ClaimtrackError` from any command, and output that standard output cannot take (a full
    disk, /dev/full), into a one-line error and exit status 1."""

    def invoke(self, ctx):
        from sqlalchemy.exc import SQLAlchemyError

        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # what is still buffered: a full disk shows here, not as Python exits
            return result
        except OSError as exc:
            if not _standard_output_failed(exc):
                raise
            raise click.ClickException(f"standard output: cannot write ({exc.strerror or exc})") from None
        except ClaimtrackError as exc:  # its message may name a file or hold stored words: made harmless
            raise click.ClickException(for_terminal(exc)) from None
        except click.ClickException as exc:
            exc.message = for_terminal(exc.message)
            raise
        except SQLAlchemyError as exc:  # a database that went away, filled its disk, was locked too long...
            from claimtrack.store.database import shown_url

            db = shown_url(ctx.obj.db) if isinstance(ctx.obj, App) else "database"
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            if "readonly database" in reason:  # SQLite's word for a store opened only to read
                raise click.ClickException(for_terminal(f"{db}: read-only (its file or folder cannot be written); "
                                           "nothing was changed")) from None
            raise click.ClickException(for_terminal(f"{db}: database error ({reason})")) from None


def _standard_output_failed(error: OSError) -> bool:
    """Whether *error* is standard output refusing what a command printed: a write error on an open stream
    (a file's errors name the file), for want of room. Then what is left for it goes nowhere, so that
    Python's own flush as it exits adds no second error. (A closed pipe, `| head`, is click's to end
    quietly.)"""
    import errno
    import os

    if error.filename is not None or error.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return False
    try:
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, sys.stdout.fileno())
        os.close(nowhere)
    except (OSError, ValueError):  # not a real file (a test's capture): nothing is flushed at exit
        pass
    return True


class App:
    """What every command shares: the database target (opened on first use) and the consoles."""

    def __init__(self, db: str):
        self.db = db
        self._engine = None
        self.out = TerminalConsole(soft_wrap=False)
        if not self.out.is_terminal:  # piped to a file or a pager: room for the words
            self.out = TerminalConsole(soft_wrap=False, width=120)
        self.err = TerminalConsole(stderr=True, soft_wrap=True)  # one error, one line: never wrapped

    @property
    def engine(self):
        if self._engine is None:
            from claimtrack.store.database import open_database

            self._engine = open_database(self.db)
        return self._engine

    def session(self, *, write: bool = False):
        """One transaction that only reads; *write* for a command that reads in order to write (it then
        holds the write lock from its first read: see claimtrack.store.database)."""
        from claimtrack.store.database import session_scope

        return session_scope(self.engine, write=write)


pass_app = click.make_pass_decorator(App)


@click.group(cls=ClaimtrackGroup, context_settings=CONTEXT)
@click.option("--db", envvar="CLAIMTRACK_DB", default="claimtrack.db", show_default=True, metavar="PATH-or-URL",
              help="Database file or SQLAlchemy URL (environment: CLAIMTRACK_DB).")
@click.version_option(__version__, "-V", "--version", prog_name="claimtrack")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """claimtrack: who asserted what, with what stance, and where their claims collide."""
    ctx.obj = App(db)


def main() -> None:
    cli(prog_name="claimtrack")


# ----------------------------------------------------------------------------- ingestion

def _article_seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    try:
        return valid_seconds(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


article_seconds_option = click.option(
    "--article-seconds", type=float, default=ARTICLE_SECONDS, show_default=True, callback=_article_seconds,
    help="Longest time the engine may take over one article; one that runs over fails alone.")


def _ingest(app: App, paths: tuple[str, ...], max_mb: float,
            article_seconds: float = ARTICLE_SECONDS) -> "IngestReport":  # noqa: F821
    from claimtrack.ingest import ingest_documents
    from claimtrack.readers import count_inputs, read_inputs

    engine = app.engine
    documents = read_inputs(paths, max_bytes=int(max_mb * 1024 * 1024))
    with Progress(TextColumn("[bold]Ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=app.err, disable=not app.err.is_terminal,
                  transient=True) as progress:
        task = progress.add_task("", total=count_inputs(p for p in paths if p != "-") + paths.count("-"))
        report = ingest_documents(engine, documents, on_document=lambda where: progress.update(
            task, advance=1, description=escape(for_terminal(Path(where).name[:40]))),
            article_seconds=article_seconds)
    return report


def _print_ingest_report(app: App, report) -> None:
    for where, source_id in report.skipped:
        app.err.print(for_terminal(f"skipped {where}: already stored as source {source_id} (same text)"),
                      markup=False, highlight=False)
    for failure in report.failed:
        app.err.print(Text.assemble(("failed", "red"), for_terminal(f" {failure}")), highlight=False)
    for note in report.notes:
        app.err.print(Text.assemble(("note", "yellow"), for_terminal(f" {note}")), highlight=False)
    app.out.print(f"Sources added: {len(report.added)}, skipped: {len(report.skipped)}, "
                  f"failed: {len(report.failed)}; claims stored: {report.claims_stored}.", highlight=False, soft_wrap=True)


MAX_MB_LIMIT = 1024.0  # reads are bounded by --max-mb, so it must itself be bounded


def _max_mb(ctx, param, value: float) -> float:
    """--max-mb: a number of MB above 0 and at most MAX_MB_LIMIT (nan slips through click's ranges)."""
    import math

    if not math.isfinite(value) or not 0 < value <= MAX_MB_LIMIT:
        raise click.BadParameter(f"{value} is not a size: give a number above 0 and at most {MAX_MB_LIMIT:g}")
    return value


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--max-mb", type=float, default=10.0, show_default=True, callback=_max_mb,
              help="Largest article accepted, in MB (a JSONL batch may be larger; each record may not).")
@article_seconds_option
@pass_app
def ingest(app: App, paths: tuple[str, ...], max_mb: float, article_seconds: float) -> None:
    """Store articles and their claims: files, folders, JSONL batches, or - for standard input.

    Text, Markdown, saved HTML pages and JSONL records ({doc_id|id, text, title, url, published}) are
    read. The same text twice is stored once. A bad file is reported and the batch goes on; the exit
    status is 1 when anything failed.
    """
    report = _ingest(app, paths, max_mb, article_seconds)
    _print_ingest_report(app, report)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("source_ids", nargs=-1, type=ROW_ID, metavar="[SOURCE_ID...]")
@article_seconds_option
@pass_app
def reextract(app: App, source_ids: tuple[int, ...], article_seconds: float) -> None:
    """Re-run the engine over stored sources (all when none given), keeping all human work.

    Automatic claims nobody touched are replaced; manual claims, edited claims (their edited fields
    unchanged) and claims in relations a person confirmed or dismissed are kept and re-anchored.
    """
    from claimtrack.reextract import reextract as run

    reports = run(app.engine, list(source_ids) or None, article_seconds)
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


# ----------------------------------------------------------------------------- listing

@cli.command()
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--limit", type=COUNT, default=None, help="At most this many sources.")
@pass_app
def sources(app: App, fmt: str, limit: int | None) -> None:
    """List stored sources with their claim and contradiction counts."""
    from claimtrack.output import emit
    from claimtrack.queries import list_sources

    with app.session() as session:
        rows = [{"id": r.source.id, "title": r.source.title, "outlet": r.source.outlet,
                 "published": r.source.published, "location": r.source.location, "doc_id": r.source.doc_id,
                 "format": r.source.format, "claims": r.claims, "contradictions": r.contradictions,
                 "ingested_at": r.source.ingested_at.isoformat(timespec="seconds")}
                for r in list_sources(session, limit=limit)]
    emit(app.out, rows, ["id", "title", "outlet", "published", "claims", "contradictions", "location"], fmt,
         title="Sources", wide=("title",))


def claim_dict(row) -> dict:
    c = row.claim
    return {"id": c.id, "source_id": c.source_id, "source": row.source_title, "speaker": row.speaker,
            "stance": c.stance, "kind": c.kind, "text": c.text, "start": c.start, "end": c.end, "cue": c.cue,
            "confidence": round(c.confidence, 3), "rule": c.rule, "origin": c.origin, "status": c.status,
            "verdict": c.verdict, "explanation": c.explanation, "parent_id": c.parent_id}


@cli.command()
@click.option("--speaker", help="Speaker name or alias (part of it is enough).")
@click.option("--stance", type=click.Choice([s.value for s in Stance]))
@click.option("--source", "source_id", type=ROW_ID, help="Source id.")
@click.option("--status", type=click.Choice(["unreviewed", "confirmed", "rejected"]))
@click.option("--search", help="Words that must all appear in the claim (full-text, stemmed).")
@click.option("--limit", type=COUNT, default=None)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def claims(app: App, speaker, stance, source_id, status, search, limit, fmt) -> None:
    """List claims, filtered by speaker, stance, source, review status or words."""
    from claimtrack.output import emit
    from claimtrack.queries import ClaimFilter, list_claims
    from claimtrack.text_search import has_words

    if search is not None and not has_words(search):
        raise ClaimtrackError(f"--search {search!r}: the search has no words to look for")
    flt = ClaimFilter(speaker=speaker, stance=stance, source_id=source_id, status=status, search=search)
    with app.session() as session:
        rows = [claim_dict(r) for r in list_claims(session, flt, limit=limit)]
    columns = ["id", "speaker", "stance", "kind", "text"] if fmt == "table" else list(
        rows[0].keys() if rows else ["id", "source_id", "source", "speaker", "stance", "kind", "text", "start", "end",
                                     "cue", "confidence", "rule", "origin", "status", "verdict", "explanation",
                                     "parent_id"])
    emit(app.out, rows, columns, fmt, title="Claims", wide=("text",))


@cli.command()
@click.option("--name", help="Only speakers whose name contains this.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def speakers(app: App, name: str | None, fmt: str) -> None:
    """List speakers with their claim counts, roles and aliases."""
    from claimtrack.output import emit
    from claimtrack.queries import list_speakers

    with app.session() as session:
        rows = [{"id": r.speaker.id, "name": r.speaker.name, "kind": r.speaker.kind, "role": r.speaker.role,
                 "affiliation": r.speaker.affiliation, "claims": r.claims,
                 "aliases": r.aliases if fmt == "json" else "; ".join(r.aliases)}
                for r in list_speakers(session, name=name)]
    emit(app.out, rows, ["id", "name", "kind", "role", "affiliation", "claims", "aliases"], fmt,
         title="Speakers", wide=("aliases",))


@cli.command()
@click.argument("claim_id", type=ROW_ID)
@pass_app
def show(app: App, claim_id: int) -> None:
    """Show one claim: its words in context, speaker, stance, cue, rule, review and relations."""
    from claimtrack.annotations import get_claim
    from claimtrack.queries import sentence_around
    from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker

    with app.session() as session:
        claim = get_claim(session, claim_id)
        source = session.get(Source, claim.source_id)
        speaker = session.get(Speaker, claim.speaker_id) if claim.speaker_id else None
        left, right = sentence_around(source.text, claim.start, claim.end)
        context = Text(for_terminal(source.text[left:claim.start]), style="dim")
        context.append(for_terminal(source.text[claim.start:claim.end]), style="bold yellow")
        context.append(for_terminal(source.text[claim.end:right]), style="dim")
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold")
        facts.add_column()
        who = speaker.name if speaker else "unattributed"
        if speaker and (speaker.role or speaker.affiliation):
            who += f" ({', '.join(x for x in (speaker.role, speaker.affiliation) if x)})"
        for label, value in (
            ("speaker", who), ("mention", source.text[claim.speaker_start:claim.speaker_end]
                               if claim.speaker_start is not None else "—"),
            ("stance", claim.stance), ("cue", claim.cue or "—"), ("kind", claim.kind),
            ("rule", f"{claim.rule or '—'} (confidence {claim.confidence:.2f})"), ("origin", claim.origin),
            ("status", claim.status), ("verdict", claim.verdict or "—"), ("explanation", claim.explanation or "—"),
            ("offsets", f"{claim.start}-{claim.end}"), ("version", claim.version),
            ("source", f"#{source.id} {source.title or ''} [{source.location or ''}]"),
        ):
            facts.add_row(label, Text(for_terminal(value)))
        if claim.parent_id:
            parent = session.get(Claim, claim.parent_id)
            facts.add_row("nested in", Text(for_terminal(f"claim {parent.id}: {parent.text[:100]}")))
        children = session.exec(select(Claim).where(Claim.parent_id == claim.id)).all()
        for child in children:
            facts.add_row("contains", Text(for_terminal(f"claim {child.id}: {child.text[:100]}")))
        relations = session.exec(select(ClaimRelation).where(
            (ClaimRelation.claim_a_id == claim.id) | (ClaimRelation.claim_b_id == claim.id))).all()
        for rel in relations:
            other = rel.claim_b_id if rel.claim_a_id == claim.id else rel.claim_a_id
            facts.add_row("relation", Text(for_terminal(f"#{rel.id} {rel.kind} claim {other} ({rel.status}, "
                                                        f"{rel.score:.2f}): {rel.reason or ''}")))
        app.out.print(Panel(context, title=f"Claim {claim.id}", subtitle=Text(for_terminal(who))))
        app.out.print(facts)


# ----------------------------------------------------------------------------- annotation

@cli.command()
@click.argument("claim_id", type=ROW_ID)
@click.option("--speaker", help="The claim's speaker: an existing name or alias.")
@click.option("--new-speaker", is_flag=True, help="Create the --speaker if no speaker has that name.")
@click.option("--stance", help="One of the twelve stances (asserts, denies, ...).")
@click.option("--status", help="unreviewed, confirmed or rejected.")
@click.option("--verdict", help='The fact-check verdict, e.g. "False", "Misleading".')
@click.option("--explanation", help="Why the verdict.")
@click.option("--note", help="A note kept with the change in the revision log.")
@click.option("--author", envvar="CLAIMTRACK_AUTHOR", help="Who is annotating (default: login name).")
@click.option("--if-version", "if_version", type=VERSION, metavar="N",
              help="Save only if the claim is still at version N (as `show` printed it); else say who changed what.")
@pass_app
def annotate(app: App, claim_id, speaker, new_speaker, stance, status, verdict, explanation, note, author,
             if_version) -> None:
    """Change a claim by hand; every change is recorded as a revision.

    On a shared database, a change made by someone else since you looked (--if-version) or in the
    instant between reading and writing is never overwritten: the command refuses and shows it."""
    from claimtrack.annotations import annotate_claim, current_author

    if not any(v is not None for v in (speaker, stance, status, verdict, explanation, note)):
        raise click.UsageError("nothing to change: give --speaker, --stance, --status, --verdict, --explanation or --note")
    with app.session(write=True) as session:
        revisions = annotate_claim(session, claim_id, author=current_author(author), note=note, speaker=speaker,
                                   new_speaker=new_speaker, stance=stance, status=status, verdict=verdict,
                                   explanation=explanation, expected_version=if_version)
        lines = [f"claim {claim_id}: {r.field}: {r.old_value!s} -> {r.new_value!s}" for r in revisions]
    app.out.print(for_terminal("\n".join(lines)) if lines else f"claim {claim_id}: nothing changed", markup=False,
                  highlight=False, soft_wrap=True)


@cli.command()
@click.argument("claim_id", type=ROW_ID)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_app
def history(app: App, claim_id: int, fmt: str) -> None:
    """Show every human change to a claim (the append-only revision log)."""
    from claimtrack.annotations import claim_history
    from claimtrack.output import emit

    with app.session() as session:
        rows = [{"id": r.id, "time": r.created_at.strftime("%Y-%m-%d %H:%M:%S UTC") if fmt == "table"
                 else r.created_at.isoformat(timespec="seconds"), "author": r.author,
                 "field": r.field, "old": r.old_value, "new": r.new_value, "note": r.note}
                for r in claim_history(session, claim_id)]
    if not rows and fmt == "table":
        app.out.print(f"claim {claim_id}: no human changes yet")
        return
    emit(app.out, rows, ["time", "author", "field", "old", "new", "note"], fmt, title=f"History of claim {claim_id}")


# ----------------------------------------------------------------------------- engine without a database

@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@article_seconds_option
@pass_app
def extract(app: App, paths: tuple[str, ...], fmt: str, article_seconds: float) -> None:
    """Run the attribution engine on files (no database); JSONL keeps each record's doc_id."""
    from claimtrack.deadline import ArticleDeadline
    from claimtrack.ingest import extraction_failure
    from claimtrack.engine import extract as run_engine
    from claimtrack.evaluation import quotes_record
    from claimtrack.output import JSON_ESCAPES
    from claimtrack.readers import ReadFailure, read_inputs

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
            sys.stdout.write(json.dumps(record, ensure_ascii=False).translate(JSON_ESCAPES) + "\n")  # faithful, harmless
        else:
            table = Table("start", "end", "speaker", "stance", "kind", "cue", "rule", "text",
                          title=Text(for_terminal(doc_id)), header_style="bold")
            for q in record["quotes"]:
                table.add_row(*(Text(for_terminal(q[key]))
                                for key in ("start", "end", "speaker", "stance", "kind", "cue", "rule", "text")))
            app.out.print(table)
    if failed:
        sys.exit(1)


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--thr", type=float, multiple=True, default=(0.5, 0.9), show_default=True,
              help="Character-Jaccard thresholds for a content match (repeatable).")
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True),
              help="Also write the engine's predictions (JSONL) here.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_app
def evaluate(app: App, gold: str, thr: tuple[float, ...], predictions: str | None, fmt: str) -> None:
    """Score the engine against a gold JSONL file of the PolNeAR form."""
    from claimtrack.engine import extract as run_engine
    from claimtrack.evaluation import load_gold, quotes_record, score_documents

    gold_docs = load_gold(gold)
    pred = {doc_id: quotes_record(doc_id, run_engine(doc["text"])) for doc_id, doc in gold_docs.items()}
    if predictions:
        with open(predictions, "w", encoding="utf-8") as out:
            for record in pred.values():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    results = [score_documents(gold_docs, pred, t) for t in thr]
    if fmt == "json":
        app.out.file.write(json.dumps(results, indent=1) + "\n")
        return
    table = Table("threshold", "precision", "recall", "F1", "quoted recall", "speaker acc", "cue acc", "end-to-end F1",
                  title=Text(for_terminal(f"{gold}: {len(gold_docs)} documents")), header_style="bold")
    for r in results:
        table.add_row(*(str(r.get(k)) for k in ("threshold", "precision", "recall", "f1", "recall_quoted",
                                                 "speaker_acc", "cue_acc", "e2e_f1")))
    app.out.print(table)


# ----------------------------------------------------------------------------- demo

@cli.command()
@click.argument("seeds", default="seeds", type=click.Path())
@click.option("--summary", is_flag=True, help="Print the summary even on a terminal (no TUI).")
@pass_app
def demo(app: App, seeds: str, summary: bool) -> None:
    """Load the seed articles into the database and show what claimtrack found.

    On a terminal the result opens in the terminal UI; otherwise (or with --summary) a summary of
    sources, claims and contradictions is printed.
    """
    from claimtrack.summary import print_summary

    if not Path(seeds).exists():
        raise ClaimtrackError(f"{seeds}: no such folder (run the demo from the claimtrack checkout)")
    report = _ingest(app, (seeds,), 10.0)
    _print_ingest_report(app, report)
    if sys.stdout.isatty() and sys.stdin.isatty() and not summary:
        from tui.app import run_app  # only here: the core never imports the UI at import time

        run_app(app.db)
    else:
        with Session(app.engine) as session:
            print_summary(app.out, session)
    if not report.ok:
        sys.exit(1)



# Commands that live in their own modules (each module's register() adds its commands to the group).
from claimtrack import cli_contradictions, cli_db, cli_reports, cli_tui  # noqa: E402  (they import App from here)

for _module in (cli_contradictions, cli_reports, cli_tui, cli_db):
    _module.register(cli)
