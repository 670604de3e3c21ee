"""The annotations file: every human act, one JSON object a line, that another database holding
the same sources can import.

A human act is one entry of the revision log on a claim or a relation: a claim marked by hand
(`created`), a changed speaker, stance, review status, verdict or explanation, a note, a relation
added by hand (`created`), a relation's review status or note. Acts are written oldest first.
Not carried (counted, and the exporter warns): a row removed by an undo (`deleted`; acts on rows
that no longer exist are not written either), and corrections of the speaker table itself
(merges, alias moves); a claim's change of speaker, merges included, is carried as a claim act.

Nothing refers to database ids. A claim is keyed by its source's content hash and its character
offsets (with its words, checked on import); a relation by its kind and both claims' keys. Each
reference also says how the claim or relation stood before any person touched it (`initial`), so
that an import can create what the other database lacks (an edited automatic claim the other
engine did not find, a confirmed suggestion the other finder did not make).

Import rules:
- the whole file is read and checked first; every line that is not JSON, not an act, or holds what
  no act may (a NUL, an unpaired surrogate, a number of thousands of digits, deep nesting, a blank
  author) is named on its own line, and nothing is changed (one transaction for the file);
- acts on sources the database lacks are counted per source and left out; the rest is imported;
- an act dated more than FUTURE_TOLERANCE ahead of this machine's clock is refused (left out and
  named): a desk clock running far ahead must not plant times that nothing here can be later than;
  a relation whose two claims are one claim is refused as `relate` refuses it;
- each imported act keeps its original author, time and note in the revision log (the import is
  not itself an act); the value it replaced is the one this database held;
- an act already in the log (same claim or relation, field, new value, author and time) is skipped,
  so importing a file twice changes nothing the second time, and export, import into a fresh
  database holding the same sources, export again gives the same file.

Newer work here is decided by what the act saw, never by clocks (desks' clocks differ, and one running
ahead would make every later edit elsewhere lose). An act records the value it replaced (`old`). If
the field here still holds that value (or already holds the act's new one), the act was made on top
of what this database knows and is applied. If the field holds something else and a person here put
it there (a revision of that field), the act was made without knowing that work: it is left out and
reported, and the work here stays, whichever time is later. If only the machine put it there (no
revision: the other engine found another speaker or stance), the person's act is applied.
Times order nothing: the log, `history`, exports and undo go by revision id (the order in which
this database wrote them; an import writes acts in the file's order).

Transactions: like every service of claimtrack.review, the functions take a session and never commit.
The file is read and checked first (`read_acts`, no database), then `import_annotations` applies it in
the caller's one transaction for the whole file, opened with the write lock (`session_scope(engine,
write=True)`: the `import` command), so the newer-here checks hold until the commit.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlmodel import Session, col, func, select

from claimtrack import display
from claimtrack.errors import ClaimtrackError
from claimtrack.json_lines import UnreadableLine, parse_line, unstorable_character
from claimtrack.report_model import ClaimView, RelationView, Report, ReportFilter, as_utc
from claimtrack.review.annotate import ANNOTATABLE_FIELDS, record_revision, resolve_speaker
from claimtrack.store.models import (
    Claim,
    ClaimRelation,
    Revision,
    Source,
    Speaker,
    TableName,
    row_name,
    stored_id,
    utc_now,
)
from claimtrack.store.speaker_registry import find_speaker
from claimtrack.vocabulary import ClaimKind, Origin, RelationKind, RelationStatus, ReviewStatus, Stance

CLAIM_FIELDS = ("created", *ANNOTATABLE_FIELDS, "note")
RELATION_FIELDS = ("created", "status", "note")
# The values a field may take, where the vocabulary fixes them.
VOCABULARY: dict[tuple[str, str], type[StrEnum]] = {
    ("claim", "stance"): Stance, ("claim", "status"): ReviewStatus, ("relation", "status"): RelationStatus}
# How far ahead of this machine's clock an act may be dated (clocks of well-kept machines differ by
# seconds; more than this is a wrong clock, or a forged time).
FUTURE_TOLERANCE = timedelta(minutes=5)
LARGEST_ID = 2**63 - 1  # offsets beyond what a database integer holds cannot be a source's
MAX_DAMAGED_SHOWN = 20  # lines named when a file is damaged throughout
# Characters that reorder the text around them: in a name they make it read as another name.
BIDI_CONTROLS = frozenset(map(chr, display.BIDI_CONTROLS))
Replayed = TypeVar("Replayed", Claim, ClaimRelation)  # the rows an act is replayed on


# ----------------------------------------------------------------------------- the line format

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClaimState(_Strict):
    speaker: str | None
    stance: Stance
    status: ReviewStatus
    verdict: str | None
    explanation: str | None


class ClaimKey(_Strict):
    source: str = Field(pattern=r"^[0-9a-f]{64}$", description="the source's content hash")
    source_name: str | None = Field(description="its title or location, for messages only")
    start: int = Field(ge=0, le=LARGEST_ID)
    end: int = Field(gt=0, le=LARGEST_ID)
    text: str
    origin: Origin
    kind: ClaimKind
    initial: ClaimState

    @model_validator(mode="after")
    def _span(self) -> ClaimKey:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self


class RelationState(_Strict):
    status: RelationStatus
    note: str | None


class RelationKey(_Strict):
    kind: RelationKind
    origin: Origin
    score: float = Field(allow_inf_nan=False)
    reason: str | None
    initial: RelationState
    a: ClaimKey
    b: ClaimKey


class Act(_Strict):
    act: Literal["claim", "relation"]
    field: str
    old: str | None
    new: str | None
    author: str = Field(min_length=1)
    at: AwareDatetime
    note: str | None
    claim: ClaimKey | None = None
    relation: RelationKey | None = None

    @field_validator("author")
    @classmethod
    def _one_name(cls, author: str) -> str:
        if not author.strip():
            raise ValueError("the author is blank")
        if any(unicodedata.category(c) == "Cc" or c in BIDI_CONTROLS for c in author):
            raise ValueError("the author holds a control character (a line break, a tab, an escape, "
                             "a bidi override...)")
        return author

    @model_validator(mode="after")
    def _consistent(self) -> Act:
        fields = CLAIM_FIELDS if self.act == "claim" else RELATION_FIELDS
        if self.field not in fields:
            raise ValueError(f"field {self.field!r}: not one of {', '.join(fields)} for a {self.act}")
        if (self.act == "claim") != (self.claim is not None) or (self.act == "relation") != (self.relation is not None):
            raise ValueError(f"a {self.act} act needs its {self.act} key (and only that)")
        vocabulary = VOCABULARY.get((self.act, self.field))
        if vocabulary is not None and self.new not in {word.value for word in vocabulary}:
            allowed = ", ".join(word.value for word in vocabulary)
            raise ValueError(f"{self.field} {self.new!r}: not one of {allowed}")
        return self

    @property
    def claim_key(self) -> ClaimKey:
        if self.claim is None:
            raise ValueError(f"a {self.act} act has no claim key")
        return self.claim

    @property
    def relation_key(self) -> RelationKey:
        if self.relation is None:
            raise ValueError(f"a {self.act} act has no relation key")
        return self.relation

    @property
    def sources(self) -> list[ClaimKey]:
        return [self.claim] if self.claim else [self.relation_key.a, self.relation_key.b]


# ----------------------------------------------------------------------------- export

def _initial_claim_state(view: ClaimView, revisions: list[Revision]) -> dict[str, Any]:
    """Each annotatable field before its first human change (its current value if never changed)."""
    state = {"speaker": view.speaker.name if view.speaker else None, "stance": view.claim.stance,
             "status": view.claim.status, "verdict": view.claim.verdict, "explanation": view.claim.explanation}
    for name in ANNOTATABLE_FIELDS:
        first = next((r for r in revisions if r.field == name), None)
        if first is not None:
            state[name] = first.old_value
    return state


def _claim_key(view: ClaimView, revisions: list[Revision]) -> dict[str, Any]:
    claim, source = view.claim, view.source
    return {"source": source.content_hash, "source_name": source.title or source.location,
            "start": claim.start, "end": claim.end, "text": claim.text, "origin": claim.origin,
            "kind": claim.kind, "initial": _initial_claim_state(view, revisions)}


def _relation_key(item: RelationView, revisions: list[Revision],
                  claim_keys: dict[int, dict[str, Any]]) -> dict[str, Any]:
    rel = item.relation
    initial: dict[str, str | None] = {"status": rel.status, "note": rel.note}
    for name in ("status", "note"):
        first = next((r for r in revisions if r.field == name), None)
        if first is not None:
            initial[name] = first.old_value
    return {"kind": rel.kind, "origin": rel.origin, "score": rel.score, "reason": rel.reason, "initial": initial,
            "a": claim_keys[rel.claim_a_id], "b": claim_keys[rel.claim_b_id]}


@dataclass
class AnnotationExport:
    acts: list[dict[str, Any]] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)  # "table.field" -> revisions not carried

    def render(self) -> str:
        return "".join(json.dumps(act, ensure_ascii=False) + "\n" for act in self.acts)

    def warnings(self) -> list[str]:
        if not self.left_out:
            return []
        counted = ", ".join(f"{name} {n}" for name, n in sorted(self.left_out.items()))
        return [f"revisions not carried by the annotations file ({counted}): removals, speaker merges and "
                "alias moves are not exported; what a claim's speaker became is"]


def annotation_acts(report: Report, left_out: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """The human acts on the report's claims and relations, oldest first.

    A revision this file cannot replay (a row removed by an undo, a change to a speaker or an
    alias) is counted in *left_out* instead.
    """
    by_row: dict[tuple[str, int], list[Revision]] = {}
    for revision in report.revisions:
        by_row.setdefault((revision.table_name, revision.row_id), []).append(revision)
    claim_keys = {stored_id(view.claim): _claim_key(view, by_row.get((TableName.CLAIM, stored_id(view.claim)), []))
                  for view in report.all_claims}
    relations = {stored_id(item.relation): item for item in report.relations}
    selected_claims = {view.claim.id for view in report.claims}
    acts = []
    for revision in report.revisions:  # already in the order of the log (revision id)
        known = CLAIM_FIELDS if revision.table_name == TableName.CLAIM else RELATION_FIELDS
        if revision.field not in known:
            if left_out is not None:
                name = f"{revision.table_name}.{revision.field}"
                left_out[name] = left_out.get(name, 0) + 1
            continue
        act: dict[str, Any] = {
            "act": None, "field": revision.field, "old": revision.old_value, "new": revision.new_value,
            "author": revision.author, "at": as_utc(revision.created_at).isoformat(), "note": revision.note}
        if revision.table_name == TableName.CLAIM and revision.row_id in selected_claims:
            act["act"], act["claim"] = "claim", claim_keys[revision.row_id]
        elif revision.table_name == TableName.RELATION and revision.row_id in relations:
            item = relations[revision.row_id]
            act["act"] = "relation"
            act["relation"] = _relation_key(item, by_row.get((TableName.RELATION, revision.row_id), []), claim_keys)
            if revision.field == "created":  # "12 contradicts 14": ids mean nothing in another database
                act["old"] = act["new"] = None
        else:
            continue
        acts.append(act)
    return acts


def export_annotations(session: Session, report: Report) -> AnnotationExport:
    """The report's acts, and a count of the revisions the file leaves out."""
    export = AnnotationExport()
    export.acts = annotation_acts(report, export.left_out)
    if report.selection == ReportFilter():  # everything: speaker and alias corrections count too
        carried = (TableName.CLAIM, TableName.RELATION)
        for table, count in session.exec(select(Revision.table_name, func.count(col(Revision.id)))
                                         .where(col(Revision.table_name).not_in(carried))
                                         .group_by(col(Revision.table_name))).all():
            export.left_out[f"{table}.*"] = count
    return export


# ----------------------------------------------------------------------------- import

@dataclass
class ImportReport:
    imported: int = 0
    already_present: int = 0
    missing_sources: dict[str, tuple[str | None, int]] = field(default_factory=dict)  # hash -> (name, acts)
    superseded: list[str] = field(default_factory=list)  # acts left out: a person here changed it meanwhile
    future: list[str] = field(default_factory=list)  # acts left out: dated ahead of this machine's clock
    refused: list[str] = field(default_factory=list)  # acts left out: what this database cannot hold

    @property
    def ok(self) -> bool:
        return not (self.missing_sources or self.future or self.refused)


class DamagedFile(ClaimtrackError):
    """Lines of an annotations file that are not acts, each as one line naming the file and line."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def _unreadable_text(record: Any) -> str | None:
    """What in a decoded line no database can store as text (NUL; a lone surrogate from a \\ud800 escape)."""
    pending = [record]
    while pending:  # not recursive: a line may nest as deep as the decoder allowed
        value = pending.pop()
        if isinstance(value, dict):
            pending += value.keys()
            pending += value.values()
        elif isinstance(value, list):
            pending += value
        elif isinstance(value, str) and (bad := unstorable_character(value)) is not None:
            return "a NUL character in a text" if bad == "\x00" else "an unpaired surrogate (\\ud800-\\udfff) in a text"
    return None


def read_act(line: str) -> Act:
    """One line as an act; `ValueError` with the reason in words when it is not one."""
    try:
        record = parse_line(line)
    except UnreadableLine as exc:
        raise ValueError(f"not JSON ({exc}); is the file truncated?") from None
    problem = _unreadable_text(record)
    if problem:
        raise ValueError(f"not a claimtrack annotation ({problem})")
    try:
        return Act.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise ValueError(f"not a claimtrack annotation ({where + ': ' if where else ''}{message})") from None


def read_acts(path: Path) -> list[tuple[int, Act]]:
    """Every act of the file with its line number; `DamagedFile` names every line that is not one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ClaimtrackError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        undecoded = raw[:exc.start].count(b"\n") + 1
        raise ClaimtrackError(f"{path} line {undecoded}: not UTF-8 text") from None
    acts: list[tuple[int, Act]] = []
    damaged: list[str] = []
    for number, line in enumerate(content.split("\n"), 1):  # only \n ends a line: JSON escapes the rest
        if not line.strip():
            continue
        try:
            acts.append((number, read_act(line)))
        except ValueError as exc:
            damaged.append(f"{path} line {number}: {exc}")
    if damaged:
        shown = damaged[:MAX_DAMAGED_SHOWN]
        if len(damaged) > len(shown):
            shown.append(f"{path}: and {len(damaged) - len(shown)} more damaged lines")
        raise DamagedFile(shown)
    return acts


def _time_in_words(moment: datetime) -> str:
    try:
        return f"{as_utc(moment):%Y-%m-%d %H:%M} UTC"
    except OverflowError:  # year 9999 in a zone west of UTC
        return moment.isoformat()


def _in_the_future(act: Act, now: datetime) -> bool:
    try:
        return as_utc(act.at) > now + FUTURE_TOLERANCE
    except OverflowError:
        return True


def import_annotations(session: Session, path: Path, acts: list[tuple[int, Act]]) -> ImportReport:
    """Apply every act of the file (*acts*, as `read_acts` read *path*) whose sources this database holds.

    In the caller's transaction, one for the whole file, which holds the write lock (see the module's
    docstring): the newer-here checks hold until the caller commits."""
    report = ImportReport()
    now = utc_now()
    importer = _Importer(session)
    for number, act in acts:
        if _in_the_future(act, now):
            report.future.append(f"{path} line {number}: {act.author}'s {act.field} is dated "
                                 f"{_time_in_words(act.at)}, more than {FUTURE_TOLERANCE.seconds // 60} minutes "
                                 "ahead of this machine's clock (is the exporting desk's clock wrong?)")
            continue
        missing = [key for key in act.sources if importer.source(key.source) is None]
        if missing:
            key = missing[0]
            name, count = report.missing_sources.get(key.source, (key.source_name, 0))
            report.missing_sources[key.source] = (name, count + 1)
            continue
        try:
            applied = importer.apply(act)
        except Superseded as newer:
            report.superseded.append(f"{path} line {number}: {newer}")
            continue
        except Refused as refused:
            report.refused.append(f"{path} line {number}: {refused}")
            continue
        except ClaimtrackError as exc:
            raise ClaimtrackError(f"{path} line {number}: {exc}") from None
        if applied:
            report.imported += 1
        else:
            report.already_present += 1
    return report


class Superseded(ClaimtrackError):
    """An act made without knowing human work here on the same field (see the module's rules):
    importing it would overwrite that work, so it is left out and reported."""


class Refused(ClaimtrackError):
    """An act this database will not hold (a claim related to itself): left out and reported."""


class _Importer:
    """Finds (or creates) what an act is about in this database, and replays the act on it."""

    def __init__(self, session: Session):
        self.session = session
        self._sources: dict[str, Source | None] = {}

    def source(self, content_hash: str) -> Source | None:
        if content_hash not in self._sources:
            self._sources[content_hash] = self.session.exec(
                select(Source).where(Source.content_hash == content_hash)).first()
        return self._sources[content_hash]

    def held_source(self, key: ClaimKey) -> Source:
        """The claim's source, which this database holds (acts on missing sources are left out before)."""
        source = self.source(key.source)
        if source is None:
            raise ClaimtrackError(f"source {key.source_name or key.source}: not in this database")
        return source

    # --- finding and creating

    def claim(self, key: ClaimKey, at: datetime, *, manual_only: bool = False) -> Claim:
        source = self.held_source(key)
        if source.text[key.start:key.end] != key.text:
            raise ClaimtrackError(f"the words at {key.start}-{key.end} of source {source.id} are not the claim's "
                                  f"({key.text[:40]!r})")
        found = self.session.exec(select(Claim).where(Claim.source_id == source.id, Claim.start == key.start,
                                                      Claim.end == key.end).order_by(col(Claim.id))).all()
        same_origin = [c for c in found if c.origin == key.origin.value]
        if same_origin:
            return same_origin[0]
        if found and not manual_only:
            return found[0]
        initial = key.initial
        speaker_id = resolve_speaker(self.session, initial.speaker, create=True).id if initial.speaker else None
        claim = Claim(source_id=stored_id(source), speaker_id=speaker_id, text=key.text, start=key.start,
                      end=key.end, kind=key.kind, stance=initial.stance, status=initial.status,
                      verdict=initial.verdict, explanation=initial.explanation, confidence=1.0,
                      rule="manual" if key.origin == Origin.MANUAL else "imported", origin=key.origin,
                      created_at=at, updated_at=at)
        self.session.add(claim)
        self.session.flush()
        return claim

    def relation(self, key: RelationKey, at: datetime) -> ClaimRelation:
        a, b = stored_id(self.claim(key.a, at)), stored_id(self.claim(key.b, at))
        if a == b:  # as `relate` refuses it
            raise Refused(f"claim {a}: a claim cannot be related to itself")
        for first, second in ((a, b), (b, a)):
            found = self.session.exec(select(ClaimRelation).where(
                ClaimRelation.claim_a_id == first, ClaimRelation.claim_b_id == second,
                ClaimRelation.kind == key.kind)).first()
            if found is not None:
                return found
        relation = ClaimRelation(claim_a_id=a, claim_b_id=b, kind=key.kind, score=key.score,
                                 reason=key.reason, origin=key.origin, status=key.initial.status,
                                 note=key.initial.note, created_at=at, updated_at=at)
        self.session.add(relation)
        self.session.flush()
        return relation

    def _logged(self, table: str, row_id: int, act: Act, *, new: str | None) -> bool:
        """Whether this act is already in the revision log (same row, field, value, author, time)."""
        revisions = self.session.exec(select(Revision).where(
            Revision.table_name == table, Revision.row_id == row_id, Revision.field == act.field,
            Revision.author == act.author)).all()
        return any(as_utc(r.created_at) == as_utc(act.at) and (act.field == "created" or r.new_value == new)
                   for r in revisions)

    def _refuse_if_newer_here(self, table: str, row_id: int, act: Act, current: str | None,
                              *, saw_current: bool) -> None:
        """Left out when the field holds a person's value here that the act did not replace (see the
        module's rules): by what the act saw, never by the times, which come from other clocks."""
        if saw_current:
            return
        latest = self.session.exec(select(Revision).where(
            Revision.table_name == table, Revision.row_id == row_id, Revision.field == act.field)
            .order_by(col(Revision.id).desc())).first()
        if latest is None:
            return  # only the machine set what is here: the person's act wins
        replaced = "nothing" if act.old is None else repr(act.old)
        raise Superseded(f"{act.author}'s {act.field} of {_time_in_words(act.at)} left out: it replaced "
                         f"{replaced}, but {latest.author} changed {row_name(table)} {row_id}'s {act.field} here "
                         f"to {current!r} (revision {latest.id}), which that act did not know of")

    def _record(self, table: str, row_id: int, act: Act, old: str | None, new: str | None) -> None:
        revision = record_revision(self.session, table=table, row_id=row_id, field=act.field, old=old, new=new,
                                   author=act.author, note=act.note)
        revision.created_at = as_utc(act.at)

    # --- replaying

    def apply(self, act: Act) -> bool:
        """Replay one act; False when it was already there."""
        return self._apply_claim(act) if act.act == "claim" else self._apply_relation(act)

    def _lock(self, row: Replayed) -> Replayed:
        """The row locked and read afresh (PostgreSQL; on SQLite the import holds the write lock): a
        colleague's change then cannot land between the checks below and the write."""
        locked = self.session.get(type(row), stored_id(row), with_for_update=True, populate_existing=True)
        if locked is None:  # found or made in this very transaction
            what = "claim" if isinstance(row, Claim) else "relation"
            raise ClaimtrackError(f"{what} {row.id}: removed while being imported")
        return locked

    def _apply_claim(self, act: Act) -> bool:
        claim = self._lock(self.claim(act.claim_key, act.at, manual_only=act.field == "created"))
        claim_id = stored_id(claim)
        if act.field == "created":
            if self._logged(TableName.CLAIM, claim_id, act, new=claim.text):
                return False
            self._record(TableName.CLAIM, claim_id, act, None, claim.text)
            return True
        new = act.new
        if act.field == "speaker" and new is not None:
            new = resolve_speaker(self.session, new, create=True).name
        if self._logged(TableName.CLAIM, claim_id, act, new=new):
            return False
        old = self._claim_value(claim, act.field)
        if act.field != "note":
            saw = old == new or self._saw(claim, act, old)
            self._refuse_if_newer_here(TableName.CLAIM, claim_id, act, old, saw_current=saw)
        if act.field == "speaker":
            claim.speaker_id = resolve_speaker(self.session, new).id if new is not None else None
        elif act.field != "note":
            setattr(claim, act.field, new)
        claim.updated_at = max(as_utc(claim.updated_at), as_utc(act.at))
        self.session.add(claim)
        self._record(TableName.CLAIM, claim_id, act, old if act.field != "note" else act.old, new)
        return True

    def _saw(self, claim: Claim, act: Act, current: str | None) -> bool:
        """Whether the act replaced what the claim holds here (a speaker by any of its names)."""
        if act.old == current:
            return True
        if act.field != "speaker" or act.old is None or claim.speaker_id is None:
            return False
        speaker = find_speaker(self.session, act.old)
        return speaker is not None and speaker.id == claim.speaker_id

    def _claim_value(self, claim: Claim, name: str) -> str | None:
        if name == "speaker":
            speaker = self.session.get(Speaker, claim.speaker_id) if claim.speaker_id is not None else None
            return speaker.name if speaker else None
        return getattr(claim, name, None)

    def _apply_relation(self, act: Act) -> bool:
        relation = self._lock(self.relation(act.relation_key, act.at))
        relation_id = stored_id(relation)
        if act.field == "created":
            new = f"{relation.claim_a_id} {relation.kind} {relation.claim_b_id}"
            if self._logged(TableName.RELATION, relation_id, act, new=new):
                return False
            self._record(TableName.RELATION, relation_id, act, None, new)
            return True
        if self._logged(TableName.RELATION, relation_id, act, new=act.new):
            return False
        old = getattr(relation, act.field)
        self._refuse_if_newer_here(TableName.RELATION, relation_id, act, old, saw_current=old in (act.old, act.new))
        setattr(relation, act.field, act.new)
        relation.updated_at = max(as_utc(relation.updated_at), as_utc(act.at))
        self.session.add(relation)
        self._record(TableName.RELATION, relation_id, act, old, act.new)
        return True
