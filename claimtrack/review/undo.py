"""Undo and redo of human changes, themselves recorded: the revision log stays append-only.

Undoing revision N puts back its old value and records a new revision noted "undo of revision N";
redoing it puts back its new value, noted "redo of revision N". A revision that created a row
(a manual claim, a relation) is undone by removing the row, recorded as a "deleted" revision holding
the row as JSON; a "deleted" revision is undone by restoring the row from that JSON, with its id.

`UndoHistory` keeps one working session's change sets (each a list of revision ids) on two stacks.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable

from sqlmodel import Session, select

from claimtrack.review.annotate import record_revision
from claimtrack.errors import ClaimtrackError
from claimtrack.review.speaker_edits import row_snapshot
from claimtrack.store.models import Claim, ClaimRelation, Revision, Speaker, SpeakerAlias, utc_now
from claimtrack.store.versions import VERSIONED, EditConflict, take_row

TABLES = {"claim": Claim, "claimrelation": ClaimRelation, "speaker": Speaker, "speakeralias": SpeakerAlias}
CLAIM_FIELDS = ("stance", "status", "verdict", "explanation")
RELATION_FIELDS = ("status", "note")


def undo_revisions(session: Session, revision_ids: Iterable[int], *, author: str) -> list[Revision]:
    """Take back the revisions (newest first); returns the revisions that record it."""
    revisions = _load(session, revision_ids)
    done: list[Revision] = []
    for revision in sorted(revisions, key=lambda r: r.id, reverse=True):
        done += _apply(session, revision, backwards=True, author=author, note=f"undo of revision {revision.id}")
    session.flush()
    return done


def redo_revisions(session: Session, revision_ids: Iterable[int], *, author: str) -> list[Revision]:
    """Apply the revisions' changes again (oldest first); returns the revisions that record it."""
    revisions = _load(session, revision_ids)
    done: list[Revision] = []
    for revision in sorted(revisions, key=lambda r: r.id):
        done += _apply(session, revision, backwards=False, author=author, note=f"redo of revision {revision.id}")
    session.flush()
    return done


def _load(session: Session, revision_ids: Iterable[int]) -> list[Revision]:
    ids = list(revision_ids)
    revisions = list(session.exec(select(Revision).where(Revision.id.in_(ids))).all()) if ids else []
    missing = set(ids) - {r.id for r in revisions}
    if missing:
        raise ClaimtrackError(f"revision {min(missing)}: no such revision")
    return revisions


def _apply(session: Session, revision: Revision, *, backwards: bool, author: str, note: str) -> list[Revision]:
    table, name = revision.table_name, revision.field
    if name in ("created", "deleted"):
        remove = (name == "created") == backwards
        if remove:
            row = _row(session, table, revision.row_id, lock=True)  # nobody builds on it between the check and the removal
            _refuse_if_others_built_on(session, revision, author)
            return [_remove_row(session, table, row, author=author, note=note)]
        snapshot = revision.old_value if name == "deleted" else _latest_snapshot(session, table, revision.row_id)
        return [_restore_row(session, table, revision.row_id, snapshot, author=author, note=note)]
    value = revision.old_value if backwards else revision.new_value
    if name == "note" and table == "claim":  # a note on its own: withdrawn, or given again
        old, new = (revision.new_value, None) if backwards else (None, revision.new_value)
        return [record_revision(session, table=table, row_id=revision.row_id, field="note", old=old, new=new,
                                author=author, note=note)]
    row = _row(session, table, revision.row_id)
    if table in VERSIONED:  # lock the row as read: nobody's change can land between the check below and the write
        take_row(session, table, revision.row_id, row.version)
    # What the field must hold now for the undo (redo) to be safe: the value the revision left (found).
    # Anything else means someone changed it since, and putting the old value back would lose their work.
    expected_now = revision.new_value if backwards else revision.old_value
    if name == "speaker" and table in ("claim", "speakeralias"):
        current = session.get(Speaker, row.speaker_id).name if row.speaker_id else None
        if current == value:
            return []
        _refuse_if_changed_since(session, revision, current, expected_now)
        row.speaker_id = _speaker_id_named(session, value) if value is not None else None
        if table == "speakeralias" and row.speaker_id is None:
            raise ClaimtrackError(f"revision {revision.id}: an alias must belong to a speaker")
    elif (table == "claim" and name in CLAIM_FIELDS) or (table == "claimrelation" and name in RELATION_FIELDS):
        current = getattr(row, name)
        if current == value:
            return []
        _refuse_if_changed_since(session, revision, current, expected_now)
        setattr(row, name, value)
    else:
        raise ClaimtrackError(f"revision {revision.id}: a change to {table}.{name} cannot be undone")
    if hasattr(row, "updated_at"):
        row.updated_at = utc_now()
    session.add(row)
    return [record_revision(session, table=table, row_id=revision.row_id, field=name, old=current, new=value,
                            author=author, note=note)]


def _refuse_if_others_built_on(session: Session, revision: Revision, author: str) -> None:
    """Removing a row (undoing its creation) must not take others' later work on it (or on the relations
    of a claim, which go with it) along."""
    rows = [(revision.table_name, revision.row_id)]
    if revision.table_name == "claim":  # its relations are locked too: they go with it
        rows += [("claimrelation", relation_id) for relation_id in session.exec(select(ClaimRelation.id).where(
            (ClaimRelation.claim_a_id == revision.row_id) | (ClaimRelation.claim_b_id == revision.row_id))
            .with_for_update()).all()]
    for table, row_id in rows:
        others = list(session.exec(select(Revision).where(
            Revision.table_name == table, Revision.row_id == row_id, Revision.id > revision.id,
            Revision.author != author).order_by(Revision.id)).all())
        if others:
            raise EditConflict(table, row_id, others)


def _refuse_if_changed_since(session: Session, revision: Revision, current, expected_now) -> None:
    if current == expected_now:
        return
    later = list(session.exec(select(Revision).where(
        Revision.table_name == revision.table_name, Revision.row_id == revision.row_id,
        Revision.field == revision.field, Revision.id > revision.id).order_by(Revision.id)).all())
    raise EditConflict(revision.table_name, revision.row_id, later)


def _row(session: Session, table: str, row_id: int, *, lock: bool = False):
    """The row as stored now; locked with *lock* (PostgreSQL; on SQLite the session holds the write lock)."""
    model = TABLES.get(table)
    if model is None:
        raise ClaimtrackError(f"{table}: changes to this table cannot be undone")
    row = session.get(model, row_id, with_for_update=lock or table == "speakeralias", populate_existing=True)
    if row is None:
        raise ClaimtrackError(f"{table} {row_id}: it no longer exists, so its change cannot be undone")
    return row


def _speaker_id_named(session: Session, name: str) -> int:
    speaker = session.exec(select(Speaker).where(Speaker.name == name)).first()
    if speaker is None:
        raise ClaimtrackError(f"speaker {name!r}: no longer exists, so the change cannot be undone")
    return speaker.id


def _remove_row(session: Session, table: str, row, *, author: str, note: str) -> Revision:
    """Remove *row* (locked by the caller), keeping what it held in its "deleted" revision."""
    revision = record_revision(session, table=table, row_id=row.id, field="deleted", old=row_snapshot(row),
                               new=None, author=author, note=note)
    session.delete(row)
    session.flush()
    return revision


def _latest_snapshot(session: Session, table: str, row_id: int) -> str:
    snapshot = session.exec(select(Revision.old_value).where(
        Revision.table_name == table, Revision.row_id == row_id, Revision.field == "deleted")
        .order_by(Revision.id.desc())).first()
    if snapshot is None:
        raise ClaimtrackError(f"{table} {row_id}: no record of the removed row, so it cannot be restored")
    return snapshot


def _restore_row(session: Session, table: str, row_id: int, snapshot: str, *, author: str, note: str) -> Revision:
    model = TABLES[table]
    if session.get(model, row_id) is not None:
        raise ClaimtrackError(f"{table} {row_id}: a row with that id exists again, so it cannot be restored")
    row = model.model_validate(json.loads(snapshot))
    session.add(row)
    session.flush()
    shown = getattr(row, "text", None) or getattr(row, "name", None) or getattr(row, "alias", None)
    if isinstance(row, ClaimRelation):
        shown = f"{row.claim_a_id} {row.kind} {row.claim_b_id}"
    return record_revision(session, table=table, row_id=row_id, field="created", old=None, new=shown,
                           author=author, note=note)


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
        self.done.append([r.id for r in revisions])
        return revisions
