"""Human annotation of claims: every change is an append-only `Revision` (who, when, before, after).

Transactions: like every service of claimtrack.review, these functions take a session and never
commit; the caller (a CLI command, the TUI's desk, an import) owns the transaction, through
`claimtrack.store.database.session_scope` (with `write=True` where it changes something, so the write
lock is held from its first read). They may flush, to give new rows their ids.
"""
from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from sqlmodel import Session, col, select

from claimtrack.errors import ClaimtrackError
from claimtrack.review.human_input import EXPLANATION_MAX, NOTE_MAX, VERDICT_MAX, checked_name, checked_text
from claimtrack.store.models import Claim, Revision, Source, Speaker, TableName, stored_id, utc_now
from claimtrack.store.speaker_registry import create_speaker, speakers_called
from claimtrack.store.versions import take_row
from claimtrack.vocabulary import ClaimKind, Origin, ReviewStatus, SpeakerKind, Stance

Word = TypeVar("Word", bound=StrEnum)  # a word of one of claimtrack's vocabularies

# Claim fields a person may change, as named in the revision log.
ANNOTATABLE_FIELDS = ("speaker", "stance", "status", "verdict", "explanation")


def current_author(given: str | None = None) -> str:
    """Who is annotating: *given* (--author), else $CLAIMTRACK_AUTHOR, else `author` in the
    configuration, else the login name. A name a person gave is checked (see claimtrack.review.human_input)."""
    from claimtrack.config import config_path, load_settings

    if given is not None:
        return checked_name(given, "--author")
    if os.environ.get("CLAIMTRACK_AUTHOR", "").strip():
        return checked_name(os.environ["CLAIMTRACK_AUTHOR"], "CLAIMTRACK_AUTHOR")
    configured = load_settings().author
    if configured is not None and configured.strip():
        return checked_name(configured, f"{config_path()}: author")
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def record_revision(session: Session, *, table: str, row_id: int, field: str, old: object, new: object,
                    author: str, note: str | None = None) -> Revision:
    """Log one human change; the row's version is raised with it (see `claimtrack.store.versions`)."""
    revision = Revision(table_name=TableName(table), row_id=row_id, field=field,
                        old_value=None if old is None else str(old),
                        new_value=None if new is None else str(new), author=author, note=note,
                        row_version=take_row(session, table, row_id))
    session.add(revision)
    return revision


def latest_revision_id(session: Session) -> int:
    """The id of the newest revision (0 in a new store): a mark to find the revisions written after it."""
    return session.exec(select(Revision.id).order_by(col(Revision.id).desc())).first() or 0


def revisions_since(session: Session, table: str, row_id: int, after_id: int) -> list[Revision]:
    """The revisions of one row written after the revision *after_id*, oldest first."""
    return list(session.exec(select(Revision).where(
        col(Revision.id) > after_id, Revision.table_name == table, Revision.row_id == row_id)
        .order_by(col(Revision.id))).all())


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ClaimtrackError(f"claim {claim_id}: no such claim")
    return claim


def speaker_name(session: Session, speaker_id: int | None) -> str | None:
    if speaker_id is None:
        return None
    speaker = session.get(Speaker, speaker_id)
    return speaker.name if speaker else None


def resolve_speaker(session: Session, name: str, *, create: bool = False) -> Speaker:
    """The speaker called *name*; with *create*, a new one when none is; else a helpful error."""
    found = speakers_called(session, name)
    if len(found) == 1:
        return found[0]
    if found:
        listed = "; ".join(f"{s.id} {s.name!r}" for s in found[:8])
        raise ClaimtrackError(f"speaker {name!r}: {len(found)} speakers go by that name ({listed}); give the full name")
    if create:
        return create_speaker(session, checked_name(name, "speaker"))
    from rapidfuzz import process

    names = session.exec(select(Speaker.name)).all()
    close = [match for match, score, _ in process.extract(name, names, limit=3) if score >= 60]
    hint = f"; did you mean {' or '.join(repr(n) for n in close)}?" if close else ""
    raise ClaimtrackError(f"speaker {name!r}: no such speaker{hint} (use --new-speaker to create it)")


def annotate_claim(session: Session, claim_id: int, *, author: str, note: str | None = None,
                   speaker: str | None = None, new_speaker: bool = False, stance: str | None = None,
                   status: str | None = None, verdict: str | None = None,
                   explanation: str | None = None, expected_version: int | None = None) -> list[Revision]:
    """Apply a person's changes to a claim, one revision per changed field (a note alone is one too).

    *expected_version* is the claim's version the person saw (default: the one read here); if someone
    else has changed the claim since, nothing is saved and `EditConflict` says who changed what."""
    for what, value, limit in (("verdict", verdict, VERDICT_MAX), ("explanation", explanation, EXPLANATION_MAX),
                               ("note", note, NOTE_MAX)):
        checked_text(value, f"claim {claim_id}: {what}", limit)
    claim = get_claim(session, claim_id)
    seen = claim.version if expected_version is None else expected_version
    changes: dict[str, tuple[object, object]] = {}
    if speaker is not None:
        target = resolve_speaker(session, speaker, create=new_speaker)
        if target.id != claim.speaker_id:
            changes["speaker"] = (speaker_name(session, claim.speaker_id), target.name)
            claim.speaker_id = target.id
    if stance is not None:
        _change(claim, "stance", _validated(stance, Stance, "stance"), changes)
    if status is not None:
        _change(claim, "status", _validated(status, ReviewStatus, "status"), changes)
    for name, value in (("verdict", verdict), ("explanation", explanation)):
        if value is not None:
            _change(claim, name, value.strip() or None, changes)
    claim_id = stored_id(claim)
    if changes or note:
        take_row(session, TableName.CLAIM, claim_id, seen)
    revisions = [record_revision(session, table=TableName.CLAIM, row_id=claim_id, field=name, old=old, new=new,
                                 author=author, note=note) for name, (old, new) in changes.items()]
    if not revisions and note:
        revisions.append(record_revision(session, table=TableName.CLAIM, row_id=claim_id, field="note",
                                         old=None, new=note, author=author, note=note))
    if revisions:
        claim.updated_at = utc_now()
        session.add(claim)
    return revisions


def _change(claim: Claim, name: str, value: object, changes: dict[str, tuple[object, object]]) -> None:
    """Set one field of the claim, noting (before, after) in *changes* when it changes."""
    if value != getattr(claim, name):
        changes[name] = (getattr(claim, name), value)
        setattr(claim, name, value)


def _validated(value: str, vocabulary: type[Word], what: str) -> Word:
    try:
        return vocabulary(value.strip().lower())
    except ValueError:
        allowed = ", ".join(v.value for v in vocabulary)
        raise ClaimtrackError(f"{what} {value!r}: not one of {allowed}") from None


def add_manual_claim(session: Session, *, source_id: int, start: int, end: int, author: str,
                     speaker: str | None = None, new_speaker: bool = False, stance: str = "asserts",
                     kind: str = "direct", note: str | None = None) -> Claim:
    """A claim a person marked by hand in a source's text (kept through every re-extraction)."""
    checked_text(note, f"source {source_id}: note", NOTE_MAX)
    source = session.get(Source, source_id)
    if source is None:
        raise ClaimtrackError(f"source {source_id}: no such source")
    if not (0 <= start < end <= len(source.text)):
        raise ClaimtrackError(f"source {source_id}: span {start}-{end} is outside its text (0-{len(source.text)})")
    speaker_id = resolve_speaker(session, speaker, create=new_speaker).id if speaker else None
    claim = Claim(source_id=source_id, speaker_id=speaker_id, text=source.text[start:end], start=start, end=end,
                  kind=_validated(kind, ClaimKind, "kind"), stance=_validated(stance, Stance, "stance"),
                  confidence=1.0, rule="manual", origin=Origin.MANUAL)
    session.add(claim)
    session.flush()
    record_revision(session, table=TableName.CLAIM, row_id=stored_id(claim), field="created", old=None,
                    new=claim.text, author=author, note=note)
    return claim


def _start_of_the_row_now(fields: list[str]) -> int:
    """Where the history of the row stored now begins, in its revisions' fields (oldest first).

    A "deleted" revision ends a row's life; what follows is about a row brought back by an undo (a
    "created" after it, all of the history counts) or, in a store from before ids were never given
    out twice (migration 0005), about another row that took the id: the removed row's revisions are
    then not its history, nor human work on it."""
    removed = max((i for i, name in enumerate(fields) if name == "deleted"), default=None)
    if removed is None or "created" in fields[removed + 1:]:
        return 0
    return removed + 1


def of_the_row_now(revisions: list[Revision]) -> list[Revision]:
    """Of one row's revisions (oldest first), those about the row stored under that id now."""
    return revisions[_start_of_the_row_now([r.field for r in revisions]):]


def claim_history(session: Session, claim_id: int) -> list[Revision]:
    get_claim(session, claim_id)
    return of_the_row_now(list(session.exec(
        select(Revision).where(Revision.table_name == TableName.CLAIM, Revision.row_id == claim_id)
        .order_by(col(Revision.id))  # the order they were written: times come from desks' clocks, which differ
    ).all()))


def human_edited_fields(session: Session, claim_ids: Iterable[int | None]) -> dict[int, set[str]]:
    """For each claim, the fields a person has changed (from the revision log, its own revisions only)."""
    by_claim: dict[int, list[str]] = {}
    ids = [claim_id for claim_id in claim_ids if claim_id is not None]
    for start in range(0, len(ids), 500):  # row id and field only: a "deleted" revision holds the whole row
        for row_id, field in session.exec(select(Revision.row_id, Revision.field).where(
                Revision.table_name == TableName.CLAIM, col(Revision.row_id).in_(ids[start:start + 500]))
                .order_by(col(Revision.id))):
            by_claim.setdefault(row_id, []).append(field)
    edited = {row_id: set(fields[_start_of_the_row_now(fields):]) for row_id, fields in by_claim.items()}
    return {row_id: fields for row_id, fields in edited.items() if fields}


__all__ = ["ANNOTATABLE_FIELDS", "SpeakerKind", "add_manual_claim", "annotate_claim", "claim_history",
           "current_author", "human_edited_fields", "record_revision", "resolve_speaker"]
