"""The desk: what the screens read from and write to the store, all through claimtrack's library.

One `Desk` per app: the database engine, who is annotating, and the session's undo history. Every
write is one transaction that holds the store's write lock from its first read (SQLite; see
claimtrack.store.database), and returns a short sentence for the notification; a `ClaimtrackError`
(bad input, a vanished row) goes up to the caller, which shows it as a notification. Pages are
read without the lock, so they never wait for a colleague's write.

The desk is the one place the UI talks to the store, and it knows nothing of Textual: its calls can
wait (a colleague's row lock on a shared PostgreSQL store), so the screens make them in workers
(see tui.desk_calls), never on the UI thread.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlmodel import Session

from claimtrack.errors import ClaimtrackError
from claimtrack.queries import pages as tui_queries
from claimtrack.queries.claims import (
    ClaimFilter,
    ClaimRow,
    SpeakerRow,
    claim_relations,
    contradiction_counts,
    count_claims,
    get_source,
    list_speakers,
    story_labels,
)
from claimtrack.queries.contradictions import RelationFilter, RelationRow, count_relations, list_relations
from claimtrack.queries.speaker_merges import MergeSuggestion, likely_same_speakers
from claimtrack.queries.timeline import TimelineRow, count_speaker_claims, speaker_timeline
from claimtrack.queries.triage import TO_JUDGE, TriageQuery
from claimtrack.review import annotate as annotating
from claimtrack.review import relations, speaker_edits
from claimtrack.review.annotate import current_author
from claimtrack.review.undo import UndoHistory
from claimtrack.store.database import open_database, session_scope, short_name, shown_url
from claimtrack.store.models import Claim, ClaimRelation, Revision, Source, Speaker, SpeakerAlias, stored_id

if TYPE_CHECKING:
    from claimtrack.ingest.batch import IngestReport

StoreStamp = tuple[tuple[object, ...], int]  # what `Desk.store_stamp` gives: see claimtrack.queries.pages


@dataclass(frozen=True)
class SourceListing:
    source: Source
    claims: int
    contradictions: int
    story: str | None = None  # its story's label


@dataclass(frozen=True)
class ClaimDetail:
    """A claim with what the detail pane shows: the sentence around it, its speaker and its history."""

    claim: Claim
    speaker: Speaker | None
    source: Source
    sentence_start: int
    sentence_end: int
    history: list[Revision]
    relations: list[ClaimRelation]


@dataclass(frozen=True)
class Article:
    source: Source
    claims: list[tui_queries.ArticleClaim]


class Desk:
    def __init__(self, engine: Engine, *, author: str | None = None, database: str = ""):
        self.engine = engine
        self.author = current_author(author)  # a name the person gave is checked: one line of visible text
        # For people only: str(engine.url) would keep a password given in the URL's query.
        self.database = database or shown_url(engine.url.render_as_string(hide_password=False))
        self.place = short_name(self.database)  # for the title bar: which store this desk works on
        self.history = UndoHistory()
        self.generation = 0  # goes up with every change, so screens know to reload
        self.own_work = 0  # long writes of this desk under way (an ingest): never announced as others' work

    @classmethod
    def open(cls, db: str, *, author: str | None = None) -> Desk:
        return cls(open_database(db), author=author, database=shown_url(db))

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction that only reads, unless *write* (every change: see `_change`)."""
        with session_scope(self.engine, write=write) as session:
            yield session

    # ------------------------------------------------------------------ reading

    def sources(self, *, title: str | None = None, after: int | None = None, limit: int = 200) -> list[SourceListing]:
        with self.session() as session:
            rows = tui_queries.sources_page(session, title=title, after=after, limit=limit)
            counts = contradiction_counts(session, [stored_id(row.source) for row in rows])
            labels = story_labels(session, [row.source.story_id for row in rows])
        return [SourceListing(row.source, row.claims, counts.get(stored_id(row.source), 0),
                              labels.get(row.source.story_id) if row.source.story_id is not None else None)
                for row in rows]

    def claims(self, flt: ClaimFilter, *, after: tui_queries.ClaimPosition | None = None,
               limit: int = 200) -> list[ClaimRow]:
        with self.session() as session:
            return tui_queries.claims_page(session, flt, after=after, limit=limit)

    def count_claims(self, flt: ClaimFilter) -> int:
        with self.session() as session:
            return count_claims(session, flt)

    def claim_detail(self, claim_id: int) -> ClaimDetail:
        from claimtrack.queries.claims import sentence_around

        with self.session() as session:
            claim = annotating.get_claim(session, claim_id)
            source = get_source(session, claim.source_id)
            speaker = speaker_edits.get_speaker(session, claim.speaker_id) if claim.speaker_id else None
            left, right = sentence_around(source.text, claim.start, claim.end)
            return ClaimDetail(claim, speaker, source, left, right, annotating.claim_history(session, claim_id),
                               claim_relations(session, claim_id))

    def article(self, source_id: int) -> Article:
        with self.session() as session:
            return Article(get_source(session, source_id), tui_queries.article_claims(session, source_id))

    def relations(self, query: TriageQuery = TO_JUDGE, *, offset: int = 0,
                  limit: int = 200) -> list[RelationRow]:
        """A page of the triage queue (a speaker the query names nobody by raises ClaimtrackError)."""
        with self.session() as session:
            return list_relations(session, query.relation_filter(), offset=offset, limit=limit)

    def timeline(self, speaker_id: int, *, offset: int = 0, limit: int = 200) -> list[TimelineRow]:
        with self.session() as session:
            return speaker_timeline(session, speaker_id, offset=offset, limit=limit)

    def speaker_claim_counts(self, speaker_id: int) -> tuple[int, int]:
        """(claims, articles) of one speaker."""
        with self.session() as session:
            return count_speaker_claims(session, speaker_id)

    def relations_of(self, claim_id: int) -> list[RelationRow]:
        """Every relation of one claim, dismissed ones too, strongest first."""
        with self.session() as session:
            return list_relations(session, RelationFilter(claim_id=claim_id, include_dismissed=True))

    def find_claims(self, words: str, *, limit: int = 20) -> list[ClaimRow]:
        """Claims a person looks for by what they type: a claim's number, or a speaker's name or alias
        (their claims first) and words of the claim (full-text); at most *limit*."""
        words = words.strip()
        found: dict[int, ClaimRow] = {}
        with self.session() as session:
            number = words.lstrip("#")
            if number.isdigit():  # a number is a claim's number, nothing else
                row = tui_queries.claim_row(session, int(number)) if len(number) <= 18 else None
                return [row] if row is not None else []
            for flt in (ClaimFilter(speaker=words), ClaimFilter(search=words)):
                try:
                    rows = tui_queries.claims_page(session, flt, limit=limit)
                except ClaimtrackError:  # no speaker by that name, or several: the words may still be found
                    continue
                found.update((stored_id(row.claim), row) for row in rows if stored_id(row.claim) not in found)
        return list(found.values())[:limit]

    def count_relations(self, query: TriageQuery = TO_JUDGE) -> int:
        with self.session() as session:
            return count_relations(session, query.relation_filter())

    def dismiss_suggestions_of(self, claim_id: int) -> str:
        revisions = self._change(lambda session: self._revisions_of(
            session, lambda: relations.dismiss_suggestions_of(session, claim_id, author=self.author)))
        return f"claim {claim_id}: {len(revisions)} suggestion(s) dismissed"

    @staticmethod
    def _revisions_of(session: Session, act: Callable[[], list[ClaimRelation]]) -> list[Revision]:
        """The revisions an act on several relations wrote (what undo takes back)."""
        mark = annotating.latest_revision_id(session)
        changed = act()
        session.flush()
        return [r for relation in changed
                for r in annotating.revisions_since(session, "claimrelation", stored_id(relation), mark)]

    def speakers(self, *, name: str | None = None, offset: int = 0, limit: int = 200) -> list[SpeakerRow]:
        with self.session() as session:
            return list_speakers(session, name=name, offset=offset, limit=limit)

    def speaker_choices(self) -> list[tuple[str, str]]:
        with self.session() as session:
            return tui_queries.speaker_choices(session)

    def speaker_facts(self) -> dict[str, tui_queries.SpeakerFacts]:
        """Role, affiliation and claim count of every speaker, by canonical name (for a speaker pick)."""
        with self.session() as session:
            return tui_queries.speaker_facts(session)

    def speaker_id(self, name: str) -> int:
        """The id of the speaker with this canonical name or alias (an error if there is none)."""
        with self.session() as session:
            return stored_id(annotating.resolve_speaker(session, name))

    def aliases(self, speaker_id: int) -> list[SpeakerAlias]:
        with self.session() as session:
            return tui_queries.speaker_aliases(session, speaker_id)

    def claim_version(self, claim_id: int) -> int:
        """The claim's version now: what a change started from this screen expects to find."""
        with self.session() as session:
            return annotating.get_claim(session, claim_id).version

    def refreshed(self) -> None:
        """Others may have changed the store: every screen reads it again."""
        self.generation += 1

    def store_stamp(self) -> StoreStamp:
        with self.session() as session:
            return tui_queries.store_stamp(session, self.author)

    def claim_position(self, claim_id: int) -> tuple[int, int, int] | None:
        with self.session() as session:
            try:
                return tui_queries.position_of(annotating.get_claim(session, claim_id))
            except ClaimtrackError:  # removed meanwhile (an undo)
                return None

    # ------------------------------------------------------------------ writing (each one undoable)

    def _change(self, work: Callable[[Session], list[Revision]]) -> list[Revision]:
        with self.session(write=True) as session:
            revisions = work(session)
            session.flush()
            self.history.record(revisions)
        self.generation += 1
        return revisions

    def annotate(self, claim_id: int, *, speaker: str | None = None, new_speaker: bool = False,
                 stance: str | None = None, status: str | None = None, verdict: str | None = None,
                 explanation: str | None = None, note: str | None = None,
                 expected_version: int | None = None) -> str:
        """Change a claim; *expected_version* is the version the person saw (a change by someone else
        since then refuses this one with `EditConflict`)."""
        revisions = self._change(lambda session: annotating.annotate_claim(
            session, claim_id, author=self.author, note=note, speaker=speaker, new_speaker=new_speaker,
            stance=stance, status=status, verdict=verdict, explanation=explanation,
            expected_version=expected_version))
        if not revisions:
            return f"claim {claim_id}: nothing changed"
        return f"claim {claim_id}: " + "; ".join(f"{r.field} {r.old_value or '—'} → {r.new_value or '—'}"
                                                  for r in revisions)

    def add_manual_claim(self, source_id: int, start: int, end: int, *, speaker: str | None,
                         new_speaker: bool = False, stance: str = "asserts", kind: str = "direct") -> int:
        created: list[int] = []

        def work(session: Session) -> list[Revision]:
            claim = annotating.add_manual_claim(session, source_id=source_id, start=start, end=end,
                                                author=self.author, speaker=speaker, new_speaker=new_speaker,
                                                stance=stance, kind=kind)
            claim_id = stored_id(claim)
            created.append(claim_id)
            return annotating.claim_history(session, claim_id)

        self._change(work)
        return created[0]

    def add_relation(self, claim_a: int, claim_b: int, kind: str, *, note: str | None = None) -> str:
        made: list[int] = []

        def work(session: Session) -> list[Revision]:
            mark = annotating.latest_revision_id(session)
            relation = relations.add_manual_relation(session, claim_a, claim_b, kind, author=self.author, note=note)
            session.flush()
            relation_id = stored_id(relation)
            made.append(relation_id)
            return annotating.revisions_since(session, "claimrelation", relation_id, mark)

        self._change(work)
        return f"relation #{made[0]}: claim {claim_a} {kind} claim {claim_b}"

    def set_relation_status(self, relation_id: int, status: str, *, note: str | None = None,
                            expected_version: int | None = None) -> str:
        def work(session: Session) -> list[Revision]:
            mark = annotating.latest_revision_id(session)
            relations.set_relation_status(session, relation_id, status, author=self.author, note=note,
                                          expected_version=expected_version)
            session.flush()
            return annotating.revisions_since(session, "claimrelation", relation_id, mark)

        revisions = self._change(work)
        return f"relation #{relation_id}: {status}" if revisions else f"relation #{relation_id}: already {status}"

    def note_relation(self, relation_id: int, note: str, *, expected_version: int | None = None) -> str:
        with self.session() as session:
            status = relations.get_relation(session, relation_id).status
        self.set_relation_status(relation_id, status, note=note, expected_version=expected_version)
        return f"relation #{relation_id}: note kept"

    def merge_speakers(self, keep_id: int, merged_id: int) -> str:
        revisions = self._change(lambda session: speaker_edits.merge_speakers(
            session, keep_id, merged_id, author=self.author))
        return revisions[-1].note or "speakers merged"

    def merge_many_speakers(self, keep_id: int, merged_ids: list[int]) -> str:
        """Several speakers merged into one, as one change (one undo)."""
        merged_ids = [i for i in merged_ids if i != keep_id]
        if not merged_ids:
            return "nothing to merge: the speaker picked is the one marked"
        revisions = self._change(lambda session: [r for merged_id in merged_ids for r in speaker_edits.merge_speakers(
            session, keep_id, merged_id, author=self.author)])
        return revisions[-1].note if len(merged_ids) == 1 and revisions[-1].note else (
            f"{len(merged_ids)} speakers merged into speaker {keep_id}")

    def likely_same_speakers(self, limit: int = 500) -> list[MergeSuggestion]:
        with self.session() as session:
            return likely_same_speakers(session, limit=limit)

    def move_alias(self, alias_id: int, to_speaker: str, *, new_speaker: bool = False) -> str:
        revisions = self._change(lambda session: speaker_edits.move_alias(
            session, alias_id, to_speaker, author=self.author, new_speaker=new_speaker))
        moved = sum(1 for r in revisions if r.table_name == "claim")
        return f"{revisions[-1].note}; {moved} claim(s) moved with it"

    def ingest(self, path: str, *, on_document: Callable[[str], None] | None = None) -> IngestReport:
        """Store every document in the file or folder at *path* (each in a transaction of its own: see
        claimtrack.ingest.batch); *on_document* hears of each one as it is done."""
        from claimtrack.ingest.batch import ingest_documents
        from claimtrack.ingest.readers import read_inputs

        def stored(location: str) -> None:
            self.generation += 1  # this desk's own change: see ClaimtrackApp.compare_stamp
            if on_document is not None:
                on_document(location)

        self.own_work += 1
        self.generation += 1  # before the first write, so that no stamp taken during it looks like others'
        try:
            return ingest_documents(self.engine, read_inputs([path]), on_document=stored)
        finally:
            self.generation += 1
            self.own_work -= 1

    def rows_of_next(self, *, redo: bool = False) -> int:
        """How many rows the next undo (or redo) would change: more than one is asked about first."""
        with self.session() as session:
            return self.history.rows_of_next(session, redo=redo)

    def undo(self) -> str:
        with self.session(write=True) as session:
            revisions = self.history.undo(session, author=self.author)
        self.generation += 1
        return "undone: " + _describe(revisions) + (" · ctrl+y redoes it" if revisions else "")

    def redo(self) -> str:
        with self.session(write=True) as session:
            revisions = self.history.redo(session, author=self.author)
        self.generation += 1
        return "redone: " + _describe(revisions)


def _describe(revisions: list[Revision]) -> str:
    if not revisions:
        return "nothing left to change"
    first = revisions[0]
    table = {"claimrelation": "relation", "speakeralias": "alias"}.get(first.table_name, first.table_name)
    what = f"{table} {first.row_id} {first.field} {first.old_value or '—'} → {first.new_value or '—'}"
    return what + (f" and {len(revisions) - 1} more change(s)" if len(revisions) > 1 else "")
