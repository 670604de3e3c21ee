"""No lost edits when several people work on one store: an optimistic version check per row.

Claims, relations and speakers carry a `version` that every human change raises by one, in the
same transaction as the change, with `UPDATE ... SET version = version + 1 WHERE id = ? AND
version = <the version the person saw>`. If someone else changed the row since, that update
touches nothing and the change is refused with an `EditConflict` naming who changed what (found
through the revisions, which record the version they produced). The update also holds the row's
lock until the transaction ends, so two writers can never both pass the check.

A person "saw" a version when their screen loaded the row (the TUI passes it along); a command-line
edit reads and writes in one go, so it checks against the version it has just read.

Which tables carry a version is the registry's word (`claimtrack.store.models.TABLES`). A session
remembers the rows it has taken until its transaction ends; the listeners that forget them then are
installed by `track_taken_rows`, which `open_database` calls (once per process, whatever it opens).
"""
from __future__ import annotations

from sqlalchemy import event, update
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, col, select

from claimtrack.errors import ClaimtrackError
from claimtrack.store.models import Revision, StoreTable, row_name, store_table

_TAKEN = "claimtrack.taken_rows"  # session.info key: rows whose version this transaction has raised


class EditConflict(ClaimtrackError):
    """Someone else changed the row after this person looked at it; their change was not saved."""

    def __init__(self, table: str, row_id: int, changes: list[Revision], *, removed: bool = False,
                 never_reached: tuple[int, int] | None = None):
        self.table, self.row_id, self.changes, self.removed = table, row_id, changes, removed
        self.never_reached = never_reached
        super().__init__(conflict_message(table, row_id, changes, removed=removed, never_reached=never_reached))


def conflict_message(table: str, row_id: int, changes: list[Revision], *, removed: bool = False,
                     never_reached: tuple[int, int] | None = None) -> str:
    """Why a change was refused. *never_reached*: (the row's version, the later one the person gave):
    nobody else is to blame, the person misread or mistyped the version."""
    what = f"{row_name(table)} {row_id}"
    if never_reached is not None:
        current, expected = never_reached
        return f"{what} is at version {current}; version {expected} was never reached: look again"
    if removed:
        return f"{what} was removed by someone else; your change was not saved"
    if not changes:
        return f"{what} was changed by someone else since you looked at it; your change was not saved: look again"
    return (f"{what} was changed by {describe_changes(changes)} since you looked at it; "
            "your change was not saved: look again and re-apply it if it still holds")


def describe_changes(changes: list[Revision]) -> str:
    """ "ana at 2026-11-25 17:02 UTC (verdict: 'False' → 'Misleading'; note: 'checked')" """
    groups: dict[tuple[str, str], list[str]] = {}  # one group per author and minute, in order
    for revision in changes:
        moment = revision.created_at.strftime("%Y-%m-%d %H:%M UTC") if revision.created_at else "?"
        if revision.field in ("created", "deleted", "note"):
            detail = f"{revision.field}: {_short(revision.new_value or revision.old_value)}"
        else:
            detail = f"{revision.field}: {_short(revision.old_value)} → {_short(revision.new_value)}"
        groups.setdefault((revision.author, moment), []).append(detail)
    return "; then ".join(f"{author} at {moment} ({'; '.join(details)})"
                          for (author, moment), details in groups.items())


def _short(value: str | None, width: int = 60) -> str:
    if value is None:
        return "(none)"
    value = " ".join(value.split())
    return repr(value if len(value) <= width else value[: width - 1] + "…")


def versioned(table: str) -> StoreTable | None:
    """The registry's entry for *table* when its rows carry a version, else None."""
    entry = store_table(table)
    return entry if entry is not None and entry.versioned else None


def take_row(session: Session, table: str, row_id: int, expected_version: int | None = None) -> int | None:
    """Raise the row's version for a change in this transaction (once per transaction) and return it.

    With *expected_version* (the version the person saw) the change is refused with `EditConflict`
    when the row has moved on since. Tables without versions return None."""
    entry = versioned(table)
    if entry is None:
        return None
    taken: dict[tuple[str, int], int] = session.info.setdefault(_TAKEN, {})
    if (table, row_id) in taken:
        return taken[(table, row_id)]
    rows = entry.table
    statement = update(rows).where(rows.c.id == row_id)
    if expected_version is not None:
        statement = statement.where(rows.c.version == expected_version)
    statement = statement.values(version=rows.c.version + 1).returning(rows.c.version)
    version: int | None = session.connection().execute(statement).scalar_one_or_none()
    if version is None and expected_version is None:
        return None  # the row is gone (a revision about a removed row): nothing to check or raise
    if version is None:
        raise _refusal(session, entry, row_id, expected_version)
    row = session.identity_map.get(identity_key(entry.model, row_id))
    if row is not None:  # keep the loaded object in step without making it "dirty"
        set_committed_value(row, "version", version)
    taken[(table, row_id)] = version
    return version


def _refusal(session: Session, entry: StoreTable, row_id: int, expected_version: int | None) -> EditConflict:
    """Why the row is not at *expected_version*: removed, changed by others, or never there yet."""
    rows = entry.table
    current: int | None = session.connection().execute(
        select(rows.c.version).where(rows.c.id == row_id)).scalar_one_or_none()
    if current is None:
        return EditConflict(entry.name, row_id, [], removed=True)
    expected = expected_version or 0
    if current < expected:
        return EditConflict(entry.name, row_id, [], never_reached=(current, expected))
    return EditConflict(entry.name, row_id, changes_since(session, entry.name, row_id, expected))


def changes_since(session: Session, table: str, row_id: int, version: int) -> list[Revision]:
    """The revisions of one row that produced a version after *version*, oldest first."""
    return list(session.exec(select(Revision).where(
        Revision.table_name == table, Revision.row_id == row_id, col(Revision.row_version) > version)
        .order_by(col(Revision.id))).all())


def track_taken_rows() -> None:
    """Forget the rows a session has taken whenever its transaction ends (committed or rolled back).

    Installed for every session of the process; idempotent (`open_database` calls it each time)."""
    for moment in ("after_commit", "after_rollback"):
        if not event.contains(OrmSession, moment, _forget_taken_rows):
            event.listen(OrmSession, moment, _forget_taken_rows)


def _forget_taken_rows(session: OrmSession) -> None:
    session.info.pop(_TAKEN, None)
