"""Opening a claimtrack database: URL or path in, a migrated SQLAlchemy engine out.

Every connection gets foreign keys and WAL (SQLite); the schema is brought up to the newest
Alembic revision on open, so a database made by an older release upgrades in place. An SQLite store
whose file or folder cannot be written is opened only to read (see `_read_only_url`). Opening also
installs, once per process, the session listeners of the edit checks (claimtrack.store.versions).

Transactions on SQLite mean what they mean on PostgreSQL. pysqlite on its own begins a transaction
only at the first INSERT, UPDATE or DELETE, so the reads that decide a write (is this claim edited by
a person? which claims does this speaker have?) would run outside it and a colleague's change could
land between them and the write, to be overwritten or deleted. So claimtrack begins every transaction
itself, with SQLAlchemy's pysqlite recipe:
- a session that may write (`session_scope(engine)`, the default, or any connection with the
  execution option `WRITES`) begins with `BEGIN IMMEDIATE`: SQLite's one write lock, taken before
  its first read, so what it reads stays true until it commits. It stands in for the row locks
  (`SELECT ... FOR UPDATE`) the same code takes on PostgreSQL, where the option changes nothing;
- every other transaction (`session_scope(engine, write=False)`, a plain `Session` or connection)
  begins with a plain `BEGIN`: one consistent snapshot that never waits for writers (listings, the
  TUI's pages, reports);
- a writer waits up to `BUSY_TIMEOUT_MS` for the lock, then fails with "database is locked".
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session, create_engine

from claimtrack.errors import ClaimtrackError
from claimtrack.store.versions import track_taken_rows

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


# PostgreSQL URLs without a driver name mean psycopg 3 (SQLAlchemy alone would pick psycopg2).
POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg2://")


def database_url(target: str) -> str:
    """A URL as given (PostgreSQL ones on psycopg 3), or a file path turned into an SQLite URL."""
    if "://" in target:
        for scheme in POSTGRES_SCHEMES:
            if target.startswith(scheme):
                return "postgresql+psycopg://" + target[len(scheme):]
        return target
    return f"sqlite:///{Path(target).expanduser().absolute()}"


# Query keys whose values are secrets (libpq and psycopg take a password in the query too), and a
# pattern for any other key that looks like one: their values are never shown.
SECRET_KEYS = frozenset({"password", "passfile", "sslpassword"})
SECRET_LOOKING = re.compile(r"pass|secret|token|key|cred|auth", re.IGNORECASE)
HIDDEN = "***"


def _is_secret(key: str) -> bool:
    return key.lower() in SECRET_KEYS or bool(SECRET_LOOKING.search(key))


# SQLAlchemy's own reading of "user[:password]@" (make_url's pattern): the URL is read the same way
# here as when it connects, so what is taken for the password is what is hidden.
USER_INFO = re.compile(r"[^:/]*(?::[^@]*)?@")


def _split(target: str) -> tuple[str, str | None, str, str, bool]:
    """A URL's scheme, user information (None when none), host-and-database, query, and whether
    another "@" follows the user information (an unencoded "@" in a password: its tail would be
    read as the host, so where the password ends cannot be told)."""
    scheme, rest = target.split("://", 1)
    user_info = USER_INFO.match(rest)
    if user_info is None:
        where, _, query = rest.partition("?")
        return scheme, None, where, query, False
    rest = rest[user_info.end():]
    where, _, query = rest.partition("?")
    return scheme, user_info.group()[:-1], where, query, "@" in rest


def _has_unencoded_at(target: str) -> bool:
    """An "@" after the user information and before the query: the password's tail would be the host."""
    if "://" not in target:
        return False
    _, user_info, where, _, _ = _split(target)
    return user_info is not None and "@" in where


def shown_url(target: str) -> str:
    """*target* as it may be shown to people (errors, `db info`, the TUI): never a password.

    The one place a database location is rendered for people. A file path is shown as given. In a
    URL the password (from the user information, or a query key such as password, passfile,
    sslpassword, or anything else secret-looking) becomes ***; after user information followed by
    another "@" nothing is shown (it may be a password's tail)."""
    if "://" not in target:
        return target
    scheme, user_info, where, query, tangled = _split(target)
    user = ""
    if user_info is not None:
        name, colon, _ = user_info.partition(":")
        user = f"{name}:{HIDDEN}@" if colon else f"{name}@"
    if tangled:
        return f"{scheme}://{user}…"
    pairs = parse_qsl(query, keep_blank_values=True)
    shown_query = "&".join(f"{key}={HIDDEN if _is_secret(key) else value}" for key, value in pairs)
    return f"{scheme}://{user}{where}" + (f"?{shown_query}" if shown_query else "")


def short_name(target: str) -> str:
    """A database in a few words for a title bar: a file's name, or "claims on dbserver (PostgreSQL)"."""
    if "://" not in target:
        return Path(target).name
    scheme, _, where, _, tangled = _split(target)
    backend = scheme.split("+", 1)[0].lower()
    if backend == "sqlite":
        return Path(where.lstrip("/") or ":memory:").name
    if tangled:
        return shown_url(target)
    hostport, _, database = where.partition("/")
    try:
        host = hostport if "," in hostport else urlsplit(f"//{hostport}").hostname
    except ValueError:  # a bracket left open: not a host anyone can read
        host = "?"
    backend = {"postgresql": "PostgreSQL", "postgres": "PostgreSQL"}.get(backend, backend)
    return f"{unquote(database) or '?'} on {host or 'localhost'} ({backend})"


def report_name(target: str) -> str:
    """The database as a report names it (reports are files made to be shared): a file path as
    given; for a server, its host and database only (no user, no query) - short_name's words."""
    return target if "://" not in target else short_name(target)


def _check_sqlite_path(path: Path, shown: str) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise ClaimtrackError(f"{shown}: cannot open database: folder {folder} does not exist")
    if path.exists():
        if path.is_dir():
            raise ClaimtrackError(f"{shown}: cannot open database: it is a folder")
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
        if head and head != SQLITE_MAGIC:
            raise ClaimtrackError(f"{shown}: not an SQLite database (the file holds something else)")
    elif not _writable(folder):
        raise ClaimtrackError(f"{shown}: cannot create database: folder {folder} is read-only")


def _read_only_url(path: Path) -> URL | None:
    """An SQLite URL that opens *path* only to read it, when its file or folder cannot be written; else None.

    WAL needs the -shm and -wal files beside the database: in a folder that cannot be written they
    cannot be made, so a store whose writer left none is opened immutable (read as the file stands; a
    writer with more rights, working at the same moment, is not seen). Writes are then refused by
    SQLite ("readonly")."""
    import os
    from urllib.parse import quote

    if not path.is_file() or (_writable(path.parent) and os.access(path, os.W_OK)):
        return None
    query = {"mode": "ro", "uri": "true"}
    if not _writable(path.parent) and not Path(f"{path}-wal").exists():
        query["immutable"] = "1"
    return URL.create("sqlite", database="file:" + quote(str(path)), query=query)


def first_line(error: BaseException) -> str:
    """A driver's message on one line (psycopg's run over several)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return "; ".join(lines[:2]) if lines else type(error).__name__


def _writable(folder: Path) -> bool:
    import os

    return os.access(folder, os.W_OK)


WRITES = "claimtrack_writes"  # execution option: this connection's transactions write (see the module's doc)
BUSY_TIMEOUT_MS = 10_000  # how long an SQLite writer waits for another one's lock before giving up


def writing(engine: Engine) -> Engine:
    """*engine* for transactions that write: on SQLite each one takes the write lock at its BEGIN."""
    return engine.execution_options(**{WRITES: True})


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # pysqlite begins nothing by itself: `_on_sqlite_begin` does
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_read_only_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # as in `_on_sqlite_connect`
    cursor = dbapi_connection.cursor()  # no journal_mode: the file says WAL, and setting it would write
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get(WRITES) else "BEGIN")


def migration_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


# The full-text search structures the migrations make by hand (0002 on SQLite, 0003 on PostgreSQL):
# not in the models, so autogenerate must not offer to drop them.
HAND_MADE = {"claim_fts", "claim_fts_data", "claim_fts_idx", "claim_fts_docsize", "claim_fts_config",
             "search_vector", "ix_claim_text_search", "ix_speaker_name_lower", "ix_speakeralias_alias_lower"}


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (reflected and compare_to is None and name in HAND_MADE)


MIGRATION_LOCK_KEY = 0x636C61696D  # any fixed number: claimtrack's advisory lock for migrating a shared database


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to *revision* (a no-op when the database is already there)."""
    config = migration_config()
    script = ScriptDirectory.from_config(config)
    with engine.connect() as connection:  # a look first, without the write lock: usually all is up to date
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            shown = shown_url(engine.url.render_as_string(hide_password=False))
            raise ClaimtrackError(f"{shown}: made by a newer claimtrack (schema revision {current}); "
                                  "upgrade claimtrack")
        target = script.get_current_head() if revision == "head" else revision
        if current == target:
            return
    # Several people (or processes) opening a new or older database at once: one migrates, the
    # others wait for it here and then find the schema up to date. On SQLite the write lock is taken
    # at BEGIN (the `WRITES` option); PostgreSQL takes claimtrack's advisory lock.
    with writing(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        if MigrationContext.configure(connection).get_current_revision() == target:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_database(target: str, *, migrate_to: str = "head") -> Engine:
    """Open (creating if needed) the database at *target* and bring its schema up to date."""
    try:
        url = make_url(database_url(target))
    except Exception:
        raise ClaimtrackError(f"{shown_url(target)}: not a database URL or file path") from None
    shown = shown_url(target)
    if _has_unencoded_at(target):  # the driver would read the password's tail as the host, and print it
        raise ClaimtrackError(f'{shown}: the user name or password holds an unencoded "@"; write it as %40')
    read_only = None
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        _check_sqlite_path(Path(url.database), shown)
        read_only = _read_only_url(Path(url.database))
    try:
        engine = create_engine(read_only or url)
    except (SQLAlchemyError, ImportError) as exc:
        raise ClaimtrackError(f"{shown}: cannot open database: {exc}") from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_read_only_sqlite_connect if read_only else _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    track_taken_rows()  # the edit checks' bookkeeping ends with each transaction (claimtrack.store.versions)
    try:
        upgrade(engine, migrate_to)
    except DBAPIError as exc:
        engine.dispose()
        if read_only is not None:
            raise ClaimtrackError(f"{shown}: read-only (its file or folder cannot be written) and made by an "
                                  "older claimtrack: open it once where it can be written") from None
        raise ClaimtrackError(f"{shown}: cannot open database: {first_line(exc.orig or exc)}") from None
    return engine


@contextmanager
def session_scope(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on any error.

    By default the session may write: on SQLite it holds the write lock from its first statement, so
    nobody's change lands between its reads and its writes. `write=False` is for a session that only
    reads (a listing, a page, a report): it never waits for writers, and cannot write safely (on
    SQLite a write after a colleague's commit fails as "database is locked")."""
    with Session(writing(engine) if write else engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
