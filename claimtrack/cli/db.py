"""The `db` commands: `db copy` moves a whole store to another database, `db info` shows what one holds.

See claimtrack.store.copy for how a copy is made and checked.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click
from rich.table import Table
from rich.text import Text

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import format_option
from claimtrack.display import for_terminal
from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.store.copy import CopyReport


def _checks_table(report: CopyReport) -> Table:
    from claimtrack.store.models import row_name

    table = Table(header_style="bold")
    table.add_column("table")
    table.add_column("rows in source", justify="right")
    table.add_column("rows in target", justify="right")
    table.add_column("ok")
    for check in report.checks:
        shown = row_name(check.table)
        table.add_row(Text(f"{check.table} ({shown})" if shown != check.table else check.table),
                      f"{check.source.rows:,}", f"{check.target.rows:,}",
                      Text("ok", style="green") if check.ok else Text("MISMATCH", style="bold red"))
    return table


@cli.group("db")
def db() -> None:
    """Move a whole store to another database (db copy) or show what one holds (db info)."""

@db.command("copy")
@click.option("--from", "source", required=True, metavar="PATH-or-URL",
              help="The database to copy: a file or a URL, as --db takes it (only read).")
@click.option("--to", "target", required=True, metavar="PATH-or-URL",
              help="The database to fill: a new file, or an empty PostgreSQL database.")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=2000, show_default=True,
              help="Rows written per statement batch.")
@pass_app
def copy(app: CommandContext, source: str, target: str, batch_size: int) -> None:
    """Copy every source, speaker, claim, relation and revision to another database, ids kept.

    Moves a desk's SQLite file onto a shared PostgreSQL server, or backs the server up into a
    file. The target must be empty; it is written in one transaction, so a failed copy leaves
    nothing behind. Afterwards the rows of every table are counted on both sides; the exit
    status is 1 when they differ (and then nothing is kept).

    \b
    claimtrack db copy --from desk.db --to postgresql://desk@server/claimtrack
    claimtrack db copy --from postgresql://desk@server/claimtrack --to backup.db
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from claimtrack.store.copy import CopyNotVerified, copy_database

    show_bar = app.out.is_terminal and app.err.is_terminal
    with Progress(TextColumn("[bold]Copying"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=app.err, disable=not show_bar,
                  transient=True) as progress:
        task = progress.add_task("", total=None)
        try:
            report = copy_database(
                source, target, batch_size=batch_size,
                on_counted=lambda counts: progress.update(task, total=sum(counts.values())),
                on_rows=lambda table, rows: progress.update(task, advance=rows, description=table))
        except CopyNotVerified as failed:
            progress.stop()
            app.out.print(_checks_table(failed.report))
            raise
    rate = f", {report.rows / report.seconds:,.0f} rows/s" if report.seconds > 0 and report.rows else ""
    app.out.print(f"Copied {report.source} ({report.source_backend}) to {report.target} "
                  f"({report.target_backend}): {report.rows:,} rows in {report.seconds:.1f} s{rate}.",
                  markup=False, highlight=False, soft_wrap=True)
    app.out.print(_checks_table(report))
    revisions, authors = sum(report.authors_target.values()), len(report.authors_target)
    log = (f"{revisions:,} revision{'s' if revisions != 1 else ''} by {authors} "
           f"author{'s' if authors != 1 else ''}, as in the source" if revisions else "no revisions")
    app.out.print(f"Verified: every table holds as many rows in the target as in the source, with the same "
                  f"largest id; {log}.", markup=False, highlight=False, soft_wrap=True)

@db.command("info")
@click.argument("database", required=False, metavar="[PATH-or-URL]")
@format_option("table", "json")
@pass_app
def info(app: CommandContext, database: str | None, fmt: str) -> None:
    """Show a database (default: --db): its backend, schema revision and the rows of each table.

    Passwords in URLs are never shown. Handy to check a `db copy` by hand.
    """
    from claimtrack.store.copy import _sqlite_file, store_info
    from claimtrack.store.database import open_database, shown_url
    from claimtrack.store.models import row_name

    where = database or app.db
    shown = shown_url(where)
    path = _sqlite_file(where)
    if path is not None and not path.exists():
        raise ClaimtrackError(f"{shown}: no such database file")
    engine = app.engine if database is None else open_database(database)
    try:
        facts = store_info(engine, shown)
    finally:
        if database is not None:
            engine.dispose()
    if fmt == "json":
        app.out.file.write(json.dumps({
            "database": facts.database, "backend": facts.backend, "server_version": facts.server_version,
            "schema_revision": facts.revision, "newest_schema_revision": facts.newest_revision,
            "tables": {name: {"rows": t.rows, "max_id": t.max_id} for name, t in facts.tables.items()},
        }, indent=2) + "\n")
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    newest = "newest" if facts.revision == facts.newest_revision else f"newest is {facts.newest_revision}"
    grid.add_row("database", Text(for_terminal(facts.database)))
    grid.add_row("backend", Text(f"{facts.backend} {facts.server_version}".strip()))
    grid.add_row("schema", Text(f"{facts.revision or 'none'} ({newest})"))
    app.out.print(grid)
    table = Table(header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("largest id", justify="right")
    for name, t in facts.tables.items():
        shown_name = row_name(name)
        table.add_row(Text(f"{name} ({shown_name})" if shown_name != name else name), f"{t.rows:,}",
                      "" if t.max_id is None else str(t.max_id))
    app.out.print(table)
