"""Prebuilt Core statements run on a session's connection: the hot queries of ingest.

Ingest asks the store the same few questions for every article (the word weights of its terms, the
stories holding them, the facts of its story's claims). Built anew and run through the ORM each time,
a small query cost ~0.3 ms of Python around ~0.03 ms of SQLite: building the statement, its cache key,
the ORM's compile step and result rows. A statement built once (module level, with `ids()` for a list
of values) and run here skips all of that, on SQLite and PostgreSQL alike.

These run on the session's own connection and transaction (its savepoint included), without the ORM's
autoflush: only for tables the caller writes as plain rows or has flushed.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import BindParameter, Executable, bindparam
from sqlmodel import Session

CHUNK = 500  # values per IN (...) list


def ids(name: str) -> BindParameter[Any]:
    """A parameter for a list of values, for `column.in_(ids("name"))`."""
    return bindparam(name, expanding=True)


def fetch(session: Session, statement: Executable, **params: Any) -> list[Any]:
    """The rows of a prebuilt statement (tuples that also name their columns: `row.terms`)."""
    return list(session.connection().execute(statement, params).all())


def fetch_in(session: Session, statement: Executable, name: str, values: Iterable[Any],
             **params: Any) -> list[Any]:
    """The rows of a prebuilt statement whose IN list *name* takes *values*, `CHUNK` at a time."""
    wanted = sorted(set(values))
    connection = session.connection()
    return [row for start in range(0, len(wanted), CHUNK)
            for row in connection.execute(statement, {**params, name: wanted[start:start + CHUNK]}).all()]


def execute(session: Session, statement: Executable, rows: list[dict[str, Any]] | dict[str, Any]) -> None:
    """A prebuilt insert, update or delete, for one row or many (executemany)."""
    session.connection().execute(statement, rows)
