"""The `export` and `import` commands: reports and exports out, annotations in (see claimtrack.reports)."""
from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import ROW_ID, format_option
from claimtrack.display import for_terminal, one_line
from claimtrack.errors import ClaimtrackError
from claimtrack.reports.registry import EXPORT_FORMATS
from claimtrack.store.database import report_name
from claimtrack.vocabulary import RelationStatus


def _moment(value: str | None) -> datetime:
    """The report's generation time: now, or the given ISO time (for reproducible files and tests)."""
    if value is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r}: not an ISO 8601 time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _write(text: str, output: str | None) -> None:
    if output is None or output == "-":  # faithful, except on a terminal, where a person reads it
        click.echo(for_terminal(text) if sys.stdout.isatty() else text, nl=False)
        return
    from claimtrack.reports.files import replace_file

    try:
        replace_file(output, text)  # all or nothing: a failed export leaves the previous file as it was
    except OSError as exc:
        raise ClaimtrackError(f"{output}: cannot write ({exc.strerror})") from None


@cli.command("export")
@format_option(*(f.key for f in EXPORT_FORMATS), default="md",
               help="md/html: the contradiction report; json: all data; csv: claims (or --relations); "
                    "claimreview: schema.org JSON-LD; annotations: the human work, JSONL.")
@click.option("--speaker", help="Only claims of this speaker (name or alias, part of it is enough).")
@click.option("--status", type=click.Choice([s.value for s in RelationStatus]),
              help="Only relations in this review status.")
@click.option("--source", "source_id", type=ROW_ID, help="Only claims of this source id.")
@click.option("--relations", is_flag=True, help="CSV: one row per relation instead of per claim.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default: standard output).")
@click.option("--generated-at", hidden=True, help="Fixed generation time (ISO 8601), for reproducible files.")
@pass_app
def export(app: CommandContext, fmt: str, speaker: str | None, status: str | None, source_id: int | None,
           relations: bool, output: str | None, generated_at: str | None) -> None:
    """Write the contradiction report (md, html) or export the data (json, csv, claimreview, annotations)."""
    from claimtrack.report_model import ReportFilter
    from claimtrack.reports.registry import export, export_format

    if relations and fmt != "csv":
        raise click.UsageError("--relations goes with --format csv")
    selection = ReportFilter(speaker=speaker, status=status, source_id=source_id)
    with app.session() as session:
        exported = export(session, export_format(fmt), selection, database=report_name(app.db),
                          generated_at=_moment(generated_at), relations=relations)
    for warning in exported.warnings:
        app.err.print(f"warning: {warning}", markup=False, highlight=False)
    _write(exported.text, output)

@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def import_(app: CommandContext, file: Path) -> None:
    """Import an annotations file (from `export --format annotations`) into this database.

    Acts are matched to sources by content hash and to claims by offsets; what was already
    imported is skipped. A bad line changes nothing (every one is named); acts on sources this
    database lacks, dated in the future or relating a claim to itself are reported (exit status 1)
    and the rest is imported.
    """
    from claimtrack.review.acts_file import DamagedFile, import_annotations, read_acts

    if not file.is_file():
        raise ClaimtrackError(f"{file}: no such file")
    try:
        acts = read_acts(file)
    except DamagedFile as damaged:
        for line in damaged.lines:
            click.echo(f"Error: {one_line(line)}", err=True)  # a line may quote the file's words
        sys.exit(1)
    with app.session(write=True) as session:  # one transaction for the file: see claimtrack.review.acts_file
        report = import_annotations(session, file, acts)
    for content_hash, (name, count) in report.missing_sources.items():
        app.err.print(f"not imported: {count} act(s) on source {name or '?'} [{content_hash[:12]}]: "
                      "not in this database (ingest it first)", markup=False, highlight=False, soft_wrap=True)
    for line in [*report.future, *report.refused, *report.superseded]:
        app.err.print(f"not imported: {line}", markup=False, highlight=False, soft_wrap=True)
    app.out.print(f"Acts imported: {report.imported}, already present: {report.already_present}, "
                  f"on missing sources: {sum(n for _, n in report.missing_sources.values())}"
                  + (f", left out for newer work here: {len(report.superseded)}" if report.superseded else "")
                  + (f", dated in the future: {len(report.future)}" if report.future else "")
                  + (f", refused: {len(report.refused)}" if report.refused else "")
                  + ".",
                  markup=False, highlight=False, soft_wrap=True)
    if not report.ok:
        sys.exit(1)
