"""Copying a whole store from one database to another: a desk's laptop onto the shared server, or back.

Every table of the store (`SQLModel.metadata`: its tables and columns, so a column added by a later
migration is copied too) moves with its ids, so the revision log, which points at rows by table
name and id, stays true. The rules:

* the target must hold no claimtrack data, and must not be the source itself;
* the source is only read, in one snapshot (opening it may bring its schema up to date);
* the target is written in one transaction: rows in batches, in foreign-key order, a row's link to
  a row of its own table (a claim's parent) set once all that table's rows are in; the id sequences
  (PostgreSQL) and AUTOINCREMENT counters (SQLite) are moved past the copied ids and past the ids of
  removed rows that revisions name;
  then the rows of every table are counted on both sides (with the largest id and the revisions
  per author) and only a copy that matches is committed;
* the full-text indexes (SQLite's FTS5 kept by triggers, PostgreSQL's GIN index) fill themselves.

Times are copied as UTC (their column type, SQLModel's `UTCDateTime`, reads SQLite's zone-less times as
UTC and writes UTC: see claimtrack.store.models); JSON columns are copied as their text,
so a stored JSON `null` stays distinct from SQL NULL. Text is copied as it is, control characters
included; a NUL, which PostgreSQL cannot store (an SQLite store from before the readers refused it
may hold one), fails the copy naming its row and column.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Row, Select, Table, Text, TextClause, bindparam, cast, func, select, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import sqltypes
from sqlmodel import SQLModel

from claimtrack.errors import ClaimtrackError
from claimtrack.store.database import WRITES, database_url, first_line, open_database, shown_url
from claimtrack.store.models import TABLES, TableName, row_name, store_table  # importing them registers the tables

BATCH_SIZE = 2000

def store_tables() -> list[Table]:
    """The store's tables, each after the tables its foreign keys point at."""
    return list(SQLModel.metadata.sorted_tables)


def backend_name(engine: Engine) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(engine.dialect.name, engine.dialect.name)


def shown_order(names: Iterable[str]) -> list[str]:
    """Table names in the order people think of them (the registry's): sources, speakers, ..., revisions."""
    order = {str(name): place for place, name in enumerate(TABLES)}
    return sorted(names, key=lambda name: (order.get(name, len(order)), name))


def rows_phrase(counts: dict[str, int]) -> str:
    """{"source": 12, "claim": 340} -> "12 sources and 340 claims" (tables with no rows left out)."""
    parts = []
    for table in shown_order(counts):
        count = counts[table]
        if count:
            known = store_table(table)
            one, many = (known.one, known.many) if known is not None else (f"{table} row", f"{table} rows")
            parts.append(f"{count:,} {one if count == 1 else many}")
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else "nothing"


# ----------------------------------------------------------------------------- what a store holds

@dataclass(frozen=True)
class TableFacts:
    """A table's row count and largest id: what a copy is checked by."""

    rows: int
    max_id: int | None


def _id_column(table: Table) -> Column[Any] | None:
    """The table's single integer primary key column, or None."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(keys[0].type, sqltypes.Integer):
        return keys[0]
    return None


def table_facts(connection: Connection, table: Table) -> TableFacts:
    key = _id_column(table)
    if key is None:
        return TableFacts(connection.execute(select(func.count()).select_from(table)).scalar_one(), None)
    rows, max_id = connection.execute(select(func.count(), func.max(key)).select_from(table)).one()
    return TableFacts(rows, max_id)


def store_facts(connection: Connection) -> dict[str, TableFacts]:
    return {table.name: table_facts(connection, table) for table in store_tables()}


def revisions_per_author(connection: Connection) -> dict[str, int]:
    revision = TABLES[TableName.REVISION].table
    rows = connection.execute(select(revision.c.author, func.count()).group_by(revision.c.author))
    return {author: count for author, count in rows}


# ----------------------------------------------------------------------------- the copy

@dataclass
class TableCheck:
    """One table after a copy: its rows and largest id on each side."""

    table: str
    source: TableFacts
    target: TableFacts

    @property
    def ok(self) -> bool:
        return self.source == self.target

    def problem(self) -> str | None:
        if self.source.rows != self.target.rows:
            return f"{self.table}: {self.source.rows:,} rows in the source, {self.target.rows:,} in the target"
        if self.source.max_id != self.target.max_id:
            return f"{self.table}: largest id {self.source.max_id} in the source, {self.target.max_id} in the target"
        return None


@dataclass
class CopyReport:
    """What `copy_store` did: both databases as they may be shown, and the per-table checks."""

    source: str
    target: str
    source_backend: str
    target_backend: str
    checks: list[TableCheck] = field(default_factory=list)
    authors_source: dict[str, int] = field(default_factory=dict)
    authors_target: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(check.target.rows for check in self.checks)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks) and self.authors_source == self.authors_target

    def problem(self) -> str | None:
        for check in self.checks:
            if check.problem():
                return check.problem()
        if self.authors_source != self.authors_target:
            differing = sorted(a for a in set(self.authors_source) | set(self.authors_target)
                               if self.authors_source.get(a) != self.authors_target.get(a))
            return f"revision: the revisions per author differ ({', '.join(differing[:3])})"
        return None


class CopyNotVerified(ClaimtrackError):
    """The target's counts did not match the source's; the copy was rolled back."""

    def __init__(self, report: CopyReport):
        self.report = report
        super().__init__(f"{report.target}: copy not verified ({report.problem()}); nothing was copied")


def _sqlite_file(target: str) -> Path | None:
    """The file behind an SQLite target, or None for another backend or an in-memory database."""
    try:
        url = make_url(database_url(target))
    except Exception:
        return None
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def same_database(a: str, b: str) -> bool:
    """Whether two --db targets name one database (one file, or one server's database)."""
    try:
        url_a, url_b = make_url(database_url(a)), make_url(database_url(b))
    except Exception:
        return False
    file_a, file_b = _sqlite_file(a), _sqlite_file(b)
    if file_a is not None and file_b is not None:
        if file_a.exists() and file_b.exists():
            return os.path.samefile(file_a, file_b)
        return file_a.resolve() == file_b.resolve()
    if url_a.get_backend_name() != url_b.get_backend_name() or file_a is not None or file_b is not None:
        return False
    local = {None, "", "localhost", "127.0.0.1", "::1"}

    def where(url: URL) -> tuple[str, int, str | None]:
        host = (url.host or "").lower()
        return ("localhost" if host in local else host, url.port or 5432, url.database)

    return where(url_a) == where(url_b)


def _begin(connection: Connection, *, write: bool) -> None:
    """Start the transaction now, so a read is one snapshot and, on SQLite, the target's write lock is
    held from the start (`BEGIN IMMEDIATE`, through the `WRITES` option: see claimtrack.store.database)."""
    if connection.dialect.name == "sqlite":
        connection.execution_options(**{WRITES: write}).begin()
    elif not write:
        connection.execution_options(isolation_level="REPEATABLE READ")


class _Unstorable(Exception):
    """A value the target cannot store, named by its row."""


class _TableCopier:
    """How one table's rows are read from the source and written to the target."""

    def __init__(self, table: Table, target: Connection):
        self.table = table
        columns = list(table.columns)
        # A link to a row of the same table (claim.parent_id) is set after all the rows are in.
        self.deferred = [c for c in columns if c.nullable and any(fk.column.table is table for fk in c.foreign_keys)]
        self.params = [f"v_{c.name}" for c in columns]
        self.unlinked = [f"v_{c.name}" for c in self.deferred]
        # Numbers, times and flags hold no NUL (which PostgreSQL refuses): only the other columns are looked at.
        plain = (sqltypes.Integer, sqltypes.Numeric, sqltypes.DateTime, sqltypes.Boolean)
        self.nul_checked = ([(f"v_{c.name}", c.name) for c in columns if not isinstance(c.type, plain)]
                            if target.dialect.name == "postgresql" else [])
        reads: list[Any] = []
        values: dict[Column[Any], Any] = {}
        for column in columns:
            param = f"v_{column.name}"
            if isinstance(column.type, sqltypes.JSON):  # as text both ways: JSON null and SQL NULL stay apart
                reads.append(cast(column, Text).label(column.name))
                values[column] = (cast(bindparam(param, type_=Text), column.type)
                                  if target.dialect.name == "postgresql" else bindparam(param, type_=Text))
            else:
                reads.append(column)
                values[column] = bindparam(param, type_=column.type)
        key = _id_column(table)
        self.read = select(*reads).order_by(*(table.primary_key.columns if key is None else [key]))
        self.insert = table.insert().values(values)
        self.key = key

    def rows(self, batch: Sequence[Row[Any]]) -> list[dict[str, Any]]:
        """A batch read from the source as parameters for the insert."""
        out = []
        for row in batch:
            values = dict(zip(self.params, row, strict=True))
            for name in self.unlinked:
                values[name] = None
            for name, column in self.nul_checked:
                if isinstance(values[name], str) and "\x00" in values[name]:
                    which = values.get(f"v_{self.key.name}") if self.key is not None else "row"
                    raise _Unstorable(f"{row_name(self.table.name)} {which}: its {column} holds a NUL character, "
                                      f"which PostgreSQL cannot store")
            out.append(values)
        return out

    def link_statements(self, target: Connection) -> Iterator[tuple[Select[Any], TextClause]]:
        """(read from the source, UPDATE for the target) for each deferred column."""
        quote = target.dialect.identifier_preparer.quote
        if self.key is None:  # a link is set by the row's id: a table without one has none deferred
            return
        for column in self.deferred:
            read = select(self.key, column).where(column.is_not(None)).order_by(self.key)
            update = text(f"UPDATE {quote(self.table.name)} SET {quote(column.name)} = :link "
                          f"WHERE {quote(self.key.name)} = :row_id")
            yield read, update


def _move_sequences(target: Connection) -> None:
    """Each id sequence (PostgreSQL) or AUTOINCREMENT counter (SQLite) past the largest copied id, so new
    rows do not collide, and past every id the revision log names (a removed row's), so a new row never
    takes a removed row's history."""
    if target.dialect.name == "sqlite":
        _move_sqlite_counters(target)
    elif target.dialect.name == "postgresql":
        _move_postgres_sequences(target)


def _move_sqlite_counters(target: Connection) -> None:
    quote = target.dialect.identifier_preparer.quote
    revision = TABLES[TableName.REVISION].table
    for table in store_tables():
        if not table.dialect_options["sqlite"]["autoincrement"]:
            continue  # the copied rows moved the counter past the largest id already
        target.execute(text(f"UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(row_id) FROM "
                            f"{quote(revision.name)} WHERE table_name = :name), 0)) WHERE name = :name"),
                       {"name": table.name})
        target.execute(text(f"INSERT INTO sqlite_sequence (name, seq) SELECT :name, MAX(row_id) FROM "
                            f"{quote(revision.name)} WHERE table_name = :name AND NOT EXISTS "
                            f"(SELECT 1 FROM sqlite_sequence WHERE name = :name) HAVING MAX(row_id) IS NOT NULL"),
                       {"name": table.name})


def _move_postgres_sequences(target: Connection) -> None:
    quote = target.dialect.identifier_preparer.quote
    revision = TABLES[TableName.REVISION].table
    for table in store_tables():
        key = _id_column(table)
        if key is None:
            continue
        largest = f"COALESCE((SELECT MAX({quote(key.name)}) FROM {quote(table.name)}), 0)"
        if table is not revision:
            largest = (f"GREATEST({largest}, COALESCE((SELECT MAX(row_id) FROM {quote(revision.name)} "
                       f"WHERE table_name = :name), 0))")
        target.execute(text(f"SELECT setval(pg_get_serial_sequence(:table, :column), {largest} + 1, false)"),
                       {"table": quote(table.name), "column": key.name, "name": table.name})


def _lock_target(target: Connection) -> None:
    """PostgreSQL: no one else writes the tables while they are filled (readers may go on)."""
    if target.dialect.name == "postgresql":
        quote = target.dialect.identifier_preparer.quote
        names = ", ".join(quote(table.name) for table in store_tables())
        target.exec_driver_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")


def copy_store(source_engine: Engine, target_engine: Engine, *, source_shown: str, target_shown: str,
               batch_size: int = BATCH_SIZE, on_counted: Callable[[dict[str, int]], None] | None = None,
               on_rows: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy every row of the store at *source_engine* into the empty store at *target_engine*.

    *on_counted* gets the source's row count per table before the copy starts, *on_rows* each batch
    as it is written (table, rows). Raises `ClaimtrackError` when the target holds data (nothing is
    written) and `CopyNotVerified` when the counts do not match (nothing is kept).
    """
    started = time.monotonic()
    report = CopyReport(source_shown, target_shown, backend_name(source_engine), backend_name(target_engine))
    with source_engine.connect() as source, target_engine.connect() as target:
        _begin(source, write=False)
        _begin(target, write=True)
        _lock_target(target)
        held = {name: facts.rows for name, facts in store_facts(target).items()}
        if any(held.values()):
            raise ClaimtrackError(f"{target_shown}: already holds {rows_phrase(held)}; "
                                  f"copy only into an empty database")
        facts = store_facts(source)
        report.authors_source = revisions_per_author(source)
        if on_counted is not None:
            on_counted({name: f.rows for name, f in facts.items()})
        streaming = source.execution_options(yield_per=batch_size)
        for table in store_tables():
            copier = _TableCopier(table, target)
            for batch in streaming.execute(copier.read).partitions(batch_size):
                try:
                    rows = copier.rows(batch)
                except _Unstorable as exc:
                    raise ClaimtrackError(f"{target_shown}: copy from {source_shown} failed, nothing was copied "
                                          f"({exc})") from None
                target.execute(copier.insert, rows)
                if on_rows is not None:
                    on_rows(table.name, len(batch))
            for read, update in copier.link_statements(target):
                for batch in streaming.execute(read).partitions(batch_size):
                    target.execute(update, [{"row_id": row_id, "link": link} for row_id, link in batch])
        _move_sequences(target)
        copied = store_facts(target)
        report.checks = [TableCheck(name, facts[name], copied[name]) for name in shown_order(facts)]
        report.authors_target = revisions_per_author(target)
        if not report.ok:
            target.rollback()
            report.seconds = time.monotonic() - started
            raise CopyNotVerified(report)
        target.commit()
    report.seconds = time.monotonic() - started
    return report


def copy_database(source: str, target: str, *, batch_size: int = BATCH_SIZE,
                  on_counted: Callable[[dict[str, int]], None] | None = None,
                  on_rows: Callable[[str, int], None] | None = None) -> CopyReport:
    """Open the two databases (file paths or URLs, as --db takes them) and copy *source* into *target*.

    Every refusal and failure is a `ClaimtrackError` naming the database; a target file this call
    created is removed again when the copy does not happen.
    """
    source_shown, target_shown = shown_url(source), shown_url(target)
    if same_database(source, target):
        raise ClaimtrackError(f"{target_shown}: is the source database itself; copy into another database")
    source_file = _sqlite_file(source)
    if source_file is not None and not source_file.exists():
        raise ClaimtrackError(f"{source_shown}: no such database file")
    target_file = _sqlite_file(target)
    created = target_file is not None and not target_file.exists()
    source_engine = open_database(source)
    target_engine = None
    done = False
    try:
        target_engine = open_database(target)
        report = copy_store(source_engine, target_engine, source_shown=source_shown, target_shown=target_shown,
                            batch_size=batch_size, on_counted=on_counted, on_rows=on_rows)
        done = True
        return report
    except SQLAlchemyError as exc:
        reason = first_line(getattr(exc, "orig", None) or exc)
        raise ClaimtrackError(f"{target_shown}: copy from {source_shown} failed, nothing was copied "
                              f"({reason})") from None
    finally:
        source_engine.dispose()
        if target_engine is not None:
            target_engine.dispose()
        if created and not done and target_file is not None:
            for leftover in (target_file, Path(f"{target_file}-wal"), Path(f"{target_file}-shm")):
                leftover.unlink(missing_ok=True)


# ----------------------------------------------------------------------------- db info

@dataclass
class StoreInfo:
    database: str
    backend: str
    server_version: str
    revision: str | None
    newest_revision: str | None
    tables: dict[str, TableFacts]


def store_info(engine: Engine, shown: str) -> StoreInfo:
    """The database's backend, schema revision and each table's rows and largest id."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from claimtrack.store.database import migration_config

    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        facts = store_facts(connection)
        tables = {name: facts[name] for name in shown_order(facts)}
        if connection.dialect.name == "sqlite":
            version = connection.exec_driver_sql("SELECT sqlite_version()").scalar_one()
        else:
            version = ".".join(str(part) for part in (engine.dialect.server_version_info or ()))
    newest = ScriptDirectory.from_config(migration_config()).get_current_head()
    return StoreInfo(shown, backend_name(engine), version, revision, newest, tables)
