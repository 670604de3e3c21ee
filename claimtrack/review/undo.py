"""Undo and redo of human changes, themselves recorded: the revision log stays append-only.

Undoing revision N puts back its old value and records a new revision noted "undo of revision N";
redoing it puts back its new value, noted "redo of revision N". A revision that created a row
(a manual claim, a relation) is undone by removing the row, recorded as a "deleted" revision holding
the row as JSON; a "deleted" revision is undone by restoring the row from that JSON, with its id.

`UndoHistory` keeps one working session's change sets (each a list of revision ids) on two stacks.
Which tables can be undone is the registry's word (`claimtrack.store.models.TABLES`, `revised`).

Transactions: the functions take a session and never commit; the caller owns the transaction (see
claimtrack.review.annotate), so an undo of several revisions is saved whole or not at all.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from claimtrack.errors import ClaimtrackError
from claimtrack.review.annotate import record_revision, speaker_name
from claimtrack.review.speaker_edits import row_snapshot
from claimtrack.store.models import (
    Claim,
    ClaimRelation,
    Revision,
    Speaker,
    SpeakerAlias,
    StoreTable,
    TableName,
    store_table,
    stored_id,
    utc_now,
)
from claimtrack.store.versions import EditConflict, take_row

# The fields whose changes can be taken back, besides a row's speaker ("created", "deleted" and a
# claim's note are handled on their own).
UNDOABLE_FIELDS = {TableName.CLAIM: ("stance", "status", "verdict", "explanation"),
                   TableName.RELATION: ("status", "note")}
Row = Claim | ClaimRelation | Speaker | SpeakerAlias  # the rows that revisions change


def undo_revisions(session: Session, revision_ids: Iterable[int], *, author: str) -> list[Revision]:
    """Take back the revisions (newest first); returns the revisions that record it."""
    revisions = _load(session, revision_ids)
    done: list[Revision] = []
    for revision in sorted(revisions, key=stored_id, reverse=True):
        done += _apply(session, revision, backwards=True, author=author, note=f"undo of revision {revision.id}")
    session.flush()
    return done


def redo_revisions(session: Session, revision_ids: Iterable[int], *, author: str) -> list[Revision]:
    """Apply the revisions' changes again (oldest first); returns the revisions that record it."""
    revisions = _load(session, revision_ids)
    done: list[Revision] = []
    for revision in sorted(revisions, key=stored_id):
        done += _apply(session, revision, backwards=False, author=author, note=f"redo of revision {revision.id}")
    session.flush()
    return done


def _load(session: Session, revision_ids: Iterable[int]) -> list[Revision]:
    ids = list(revision_ids)
    revisions = list(session.exec(select(Revision).where(col(Revision.id).in_(ids))).all()) if ids else []
    missing = set(ids) - {r.id for r in revisions}
    if missing:
        raise ClaimtrackError(f"revision {min(missing)}: no such revision")
    return revisions


def _apply(session: Session, revision: Revision, *, backwards: bool, author: str, note: str) -> list[Revision]:
    """Undo (*backwards*) or redo one revision; the revisions that record it (none when nothing changes)."""
    table, name = revision.table_name, revision.field
    if name in ("created", "deleted"):
        remove = (name == "created") == backwards
        if remove:
            return [_take_away_row(session, revision, author=author, note=note)]
        snapshot = revision.old_value if name == "deleted" else _latest_snapshot(session, table, revision.row_id)
        return [_restore_row(session, table, revision.row_id, snapshot, author=author, note=note)]
    if name == "note" and table == TableName.CLAIM:  # a note on its own: withdrawn, or given again
        old, new = (revision.new_value, None) if backwards else (None, revision.new_value)
        return [record_revision(session, table=table, row_id=revision.row_id, field="note", old=old, new=new,
                                author=author, note=note)]
    return _put_back_value(session, revision, backwards=backwards, author=author, note=note)


def _take_away_row(session: Session, revision: Revision, *, author: str, note: str) -> Revision:
    """Remove the row a revision created (undo) or a restored row removed again (redo of a removal)."""
    row = _row(session, revision.table_name, revision.row_id, lock=True)  # nobody builds on it meanwhile
    _refuse_if_others_built_on(session, revision, author)
    return _remove_row(session, revision.table_name, row, author=author, note=note)


def _put_back_value(session: Session, revision: Revision, *, backwards: bool, author: str,
                    note: str) -> list[Revision]:
    """Set the field the revision changed back to its old value (undo) or again to its new one (redo)."""
    table, name = revision.table_name, revision.field
    value = revision.old_value if backwards else revision.new_value
    row = _row(session, table, revision.row_id)
    # A versioned row is locked as read (`take_row` passes over the others): nobody's change can land
    # between the check below and the write.
    take_row(session, table, revision.row_id, getattr(row, "version", None))
    # What the field must hold now for the undo (redo) to be safe: the value the revision left (found).
    # Anything else means someone changed it since, and putting the old value back would lose their work.
    expected_now = revision.new_value if backwards else revision.old_value
    if name == "speaker" and isinstance(row, Claim | SpeakerAlias):
        current = speaker_name(session, row.speaker_id)
        if current == value:
            return []
        _refuse_if_changed_since(session, revision, current, expected_now)
        _set_speaker(session, revision, row, value)
    elif name in UNDOABLE_FIELDS.get(table, ()):
        current = getattr(row, name)
        if current == value:
            return []
        _refuse_if_changed_since(session, revision, current, expected_now)
        setattr(row, name, value)
    else:
        raise ClaimtrackError(f"revision {revision.id}: a change to {table}.{name} cannot be undone")
    if isinstance(row, Claim | ClaimRelation):
        row.updated_at = utc_now()
    session.add(row)
    return [record_revision(session, table=table, row_id=revision.row_id, field=name, old=current, new=value,
                            author=author, note=note)]


def _set_speaker(session: Session, revision: Revision, row: Claim | SpeakerAlias, name: str | None) -> None:
    if isinstance(row, SpeakerAlias):
        if name is None:
            raise ClaimtrackError(f"revision {revision.id}: an alias must belong to a speaker")
        row.speaker_id = _speaker_id_named(session, name)
    else:
        row.speaker_id = _speaker_id_named(session, name) if name is not None else None


def _refuse_if_others_built_on(session: Session, revision: Revision, author: str) -> None:
    """Removing a row (undoing its creation) must not take others' later work on it (or on the relations
    of a claim, which go with it) along."""
    rows: list[tuple[str, int]] = [(revision.table_name, revision.row_id)]
    if revision.table_name == TableName.CLAIM:  # its relations are locked too: they go with it
        rows += [(TableName.RELATION, relation_id) for relation_id in session.exec(select(ClaimRelation.id).where(
            (col(ClaimRelation.claim_a_id) == revision.row_id) | (col(ClaimRelation.claim_b_id) == revision.row_id))
            .with_for_update()).all() if relation_id is not None]
    for table, row_id in rows:
        others = list(session.exec(select(Revision).where(
            Revision.table_name == table, Revision.row_id == row_id, col(Revision.id) > stored_id(revision),
            Revision.author != author).order_by(col(Revision.id))).all())
        if others:
            raise EditConflict(table, row_id, others)


def _refuse_if_changed_since(session: Session, revision: Revision, current: object, expected_now: object) -> None:
    if current == expected_now:
        return
    later = list(session.exec(select(Revision).where(
        Revision.table_name == revision.table_name, Revision.row_id == revision.row_id,
        Revision.field == revision.field, col(Revision.id) > stored_id(revision)).order_by(col(Revision.id))).all())
    raise EditConflict(revision.table_name, revision.row_id, later)


def _revised_table(table: str) -> StoreTable:
    """The registry's entry for a table whose changes can be undone."""
    entry = store_table(table)
    if entry is None or not entry.revised:
        raise ClaimtrackError(f"{table}: changes to this table cannot be undone")
    return entry


def _row(session: Session, table: str, row_id: int, *, lock: bool = False) -> Row:
    """The row as stored now; locked with *lock* (PostgreSQL; on SQLite the session holds the write lock)."""
    entry = _revised_table(table)
    row = session.get(entry.model, row_id, with_for_update=lock or table == TableName.SPEAKER_ALIAS,
                      populate_existing=True)
    if row is None:
        raise ClaimtrackError(f"{table} {row_id}: it no longer exists, so its change cannot be undone")
    assert isinstance(row, Row)  # what the registry's revised tables hold
    return row


def _speaker_id_named(session: Session, name: str) -> int:
    speaker = session.exec(select(Speaker).where(Speaker.name == name)).first()
    if speaker is None:
        raise ClaimtrackError(f"speaker {name!r}: no longer exists, so the change cannot be undone")
    return stored_id(speaker)


def _remove_row(session: Session, table: str, row: Row, *, author: str, note: str) -> Revision:
    """Remove *row* (locked by the caller), keeping what it held in its "deleted" revision."""
    revision = record_revision(session, table=table, row_id=stored_id(row), field="deleted", old=row_snapshot(row),
                               new=None, author=author, note=note)
    session.delete(row)
    session.flush()
    return revision


def _latest_snapshot(session: Session, table: str, row_id: int) -> str | None:
    return session.exec(select(Revision.old_value).where(
        Revision.table_name == table, Revision.row_id == row_id, Revision.field == "deleted")
        .order_by(col(Revision.id).desc())).first()


def _restore_row(session: Session, table: str, row_id: int, snapshot: str | None, *, author: str,
                 note: str) -> Revision:
    if snapshot is None:
        raise ClaimtrackError(f"{table} {row_id}: no record of the removed row, so it cannot be restored")
    model = _revised_table(table).model
    if session.get(model, row_id) is not None:
        raise ClaimtrackError(f"{table} {row_id}: a row with that id exists again, so it cannot be restored")
    row = model.model_validate(json.loads(snapshot))
    _times_as_utc(row)
    session.add(row)
    session.flush()
    shown = getattr(row, "text", None) or getattr(row, "name", None) or getattr(row, "alias", None)
    if isinstance(row, ClaimRelation):
        shown = f"{row.claim_a_id} {row.kind} {row.claim_b_id}"
    return record_revision(session, table=table, row_id=row_id, field="created", old=None, new=shown,
                           author=author, note=note)


def _times_as_utc(row: object) -> None:
    """A snapshot's times without a zone are UTC, as the store keeps them."""
    for name, value in vars(row).items():
        if isinstance(value, datetime) and value.tzinfo is None:
            setattr(row, name, value.replace(tzinfo=UTC))


@dataclass
class UndoHistory:
    """The change sets of one working session, newest last: what Ctrl+Z and Ctrl+Y walk through."""

    done: list[list[int]] = field(default_factory=list)
    undone: list[list[int]] = field(default_factory=list)

    def record(self, revisions: Iterable[Revision]) -> None:
        """A new change (the revisions one action made); it clears what could be redone."""
        ids = [r.id for r in revisions if r.id is not None]
        if ids:
            self.done.append(ids)
            self.undone.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def rows_of_next(self, session: Session, *, redo: bool = False) -> int:
        """How many rows the next undo (or redo) would change: a desk asks before changing many."""
        stack = self.undone if redo else self.done
        if not stack:
            return 0
        return len(set(session.exec(select(Revision.table_name, Revision.row_id)
                                    .where(col(Revision.id).in_(stack[-1]))).all()))

    def undo(self, session: Session, *, author: str) -> list[Revision]:
        if not self.done:
            raise ClaimtrackError("nothing to undo")
        revisions = undo_revisions(session, self.done[-1], author=author)
        self.undone.append(self.done.pop())
        return revisions

    def redo(self, session: Session, *, author: str) -> list[Revision]:
        if not self.undone:
            raise ClaimtrackError("nothing to redo")
        revisions = redo_revisions(session, self.undone[-1], author=author)
        self.undone.pop()
        self.done.append([stored_id(r) for r in revisions])
        return revisions
