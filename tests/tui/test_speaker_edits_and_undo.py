"""The core functions behind the UI's speaker corrections and its undo/redo, on a real store."""
from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.errors import ClaimtrackError
from claimtrack.review.annotate import add_manual_claim, annotate_claim, claim_history
from claimtrack.review.relations import add_manual_relation, set_relation_status
from claimtrack.review.speaker_edits import merge_speakers, move_alias
from claimtrack.review.undo import UndoHistory, redo_revisions, undo_revisions
from claimtrack.store.database import session_scope
from claimtrack.store.models import Claim, ClaimRelation, Revision, Speaker, SpeakerAlias

AUTHOR = "desk tester"


def speaker(session, name: str) -> Speaker:
    return session.exec(select(Speaker).where(Speaker.name == name)).one()


def claims_of(session, name: str) -> list[int]:
    return sorted(session.exec(select(Claim.id).where(Claim.speaker_id == speaker(session, name).id)).all())


def test_merging_two_speakers_moves_claims_and_aliases_and_removes_the_row(engine):
    with session_scope(engine) as s:
        kirby, white_house = speaker(s, "John Kirby"), speaker(s, "White House")
        moved_claims = claims_of(s, "White House")
        before = claims_of(s, "John Kirby")
        revisions = merge_speakers(s, kirby.id, white_house.id, author=AUTHOR)
    with session_scope(engine) as s:
        assert s.get(Speaker, white_house.id) is None
        assert claims_of(s, "John Kirby") == sorted(before + moved_claims)
        aliases = set(s.exec(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == kirby.id)).all())
        assert {"White House", "the White House"} <= aliases
        fields = [(r.table_name, r.field) for r in revisions]
        assert fields.count(("claim", "speaker")) == len(moved_claims)
        assert ("speaker", "deleted") in fields
        assert all(r.author == AUTHOR for r in revisions)
        assert claim_history(s, moved_claims[0])[-1].new_value == "John Kirby"


def test_a_merge_is_undone_whole_and_redone(engine):
    with session_scope(engine) as s:
        vucic, serbia = speaker(s, "Aleksandar Vucic"), speaker(s, "Serbia")
        serbia_claims = claims_of(s, "Serbia")
        history = UndoHistory()
        history.record(merge_speakers(s, vucic.id, serbia.id, author=AUTHOR))
    with session_scope(engine) as s:
        history.undo(s, author=AUTHOR)
    with session_scope(engine) as s:
        assert claims_of(s, "Serbia") == serbia_claims
        assert s.exec(select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias == "Serbia")).one() == serbia.id
    with session_scope(engine) as s:
        history.redo(s, author=AUTHOR)
    with session_scope(engine) as s:
        assert s.get(Speaker, serbia.id) is None
        assert set(serbia_claims) <= set(claims_of(s, "Aleksandar Vucic"))


def test_moving_an_alias_takes_the_claims_mentioned_by_it(engine):
    with session_scope(engine) as s:
        kirby = speaker(s, "John Kirby")
        alias = s.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == kirby.id,
                                                  SpeakerAlias.alias == "Kirby")).one()
        kirby_claims = claims_of(s, "John Kirby")
        revisions = move_alias(s, alias.id, "Kirby of the Navy", new_speaker=True, author=AUTHOR)
    with session_scope(engine) as s:
        moved = claims_of(s, "Kirby of the Navy")
        assert s.get(SpeakerAlias, alias.id).speaker_id == speaker(s, "Kirby of the Navy").id
        assert moved and set(moved) < set(kirby_claims)  # the "Kirby said" claims, not the full-name ones
        assert [(r.table_name, r.field) for r in revisions][-1] == ("speakeralias", "speaker")
        assert len(revisions) == len(moved) + 1


def test_moving_an_alias_to_its_own_speaker_is_refused(engine):
    with session_scope(engine) as s:
        alias = s.exec(select(SpeakerAlias).where(SpeakerAlias.alias == "Vucic")).one()
        with pytest.raises(ClaimtrackError, match="already belongs"):
            move_alias(s, alias.id, "Aleksandar Vucic", author=AUTHOR)


def test_merging_a_speaker_into_itself_is_refused(engine):
    with session_scope(engine) as s:
        with pytest.raises(ClaimtrackError, match="itself"):
            merge_speakers(s, 1, 1, author=AUTHOR)


def test_undo_of_claim_fields_records_new_revisions_and_redo_reapplies(engine):
    with session_scope(engine) as s:
        claim_id = claims_of(s, "Aleksandar Vucic")[0]
        before = s.get(Claim, claim_id)
        old = (before.stance, before.status, before.verdict, before.speaker_id)
        changes = annotate_claim(s, claim_id, author=AUTHOR, stance="denies", status="confirmed",
                                 verdict="Misleading", speaker="John Kirby")
    with session_scope(engine) as s:
        undone = undo_revisions(s, [r.id for r in changes], author=AUTHOR)
    with session_scope(engine) as s:
        claim = s.get(Claim, claim_id)
        assert (claim.stance, claim.status, claim.verdict, claim.speaker_id) == old
        assert sorted(r.note for r in undone) == sorted(f"undo of revision {r.id}" for r in changes)
    with session_scope(engine) as s:
        redone = redo_revisions(s, [r.id for r in changes], author=AUTHOR)
    with session_scope(engine) as s:
        claim = s.get(Claim, claim_id)
        assert (claim.stance, claim.status, claim.verdict) == ("denies", "confirmed", "Misleading")
        assert claim.speaker_id == speaker(s, "John Kirby").id
        assert {r.note for r in redone} == {f"redo of revision {r.id}" for r in changes}
        log = s.exec(select(Revision).where(Revision.row_id == claim_id, Revision.table_name == "claim")).all()
        assert len(log) == 3 * len(changes)


def test_a_manual_claim_is_removed_by_undo_and_restored_with_its_id_by_redo(engine):
    history = UndoHistory()
    with session_scope(engine) as s:
        claim = add_manual_claim(s, source_id=1, start=0, end=20, author=AUTHOR, speaker="Vucic")
        history.record(claim_history(s, claim.id))
        claim_id = claim.id
    with session_scope(engine) as s:
        history.undo(s, author=AUTHOR)
    with session_scope(engine) as s:
        assert s.get(Claim, claim_id) is None
        assert s.exec(select(Revision.field).where(Revision.row_id == claim_id, Revision.table_name == "claim")
                      .order_by(Revision.id)).all() == ["created", "deleted"]
    with session_scope(engine) as s:
        history.redo(s, author=AUTHOR)
    with session_scope(engine) as s:
        restored = s.get(Claim, claim_id)
        assert restored is not None and restored.origin == "manual" and restored.start == 0
    assert history.can_undo and not history.can_redo


def newest_revisions(session, since_id: int) -> list[Revision]:
    return list(session.exec(select(Revision).where(Revision.id > since_id).order_by(Revision.id)).all())


def last_revision_id(session) -> int:
    return session.exec(select(Revision.id).order_by(Revision.id.desc())).first() or 0


def test_relation_creation_and_status_are_undone(engine, seed_claims):
    history = UndoHistory()
    with session_scope(engine) as s:
        mark = last_revision_id(s)
        relation = add_manual_relation(s, seed_claims["kirby_withdraw"], seed_claims["vucic_troops"], "contradicts",
                                       author=AUTHOR, note="same border, two stories")
        history.record(newest_revisions(s, mark))
        suggested = s.exec(select(ClaimRelation).where(ClaimRelation.status == "suggested")).first()
        mark = last_revision_id(s)
        set_relation_status(s, suggested.id, "dismissed", author=AUTHOR)
        s.flush()
        history.record(newest_revisions(s, mark))
        relation_id, suggested_id = relation.id, suggested.id
    with session_scope(engine) as s:
        undone = history.undo(s, author=AUTHOR)
        assert s.get(ClaimRelation, suggested_id).status == "suggested"
        assert [(r.table_name, r.field) for r in undone] == [("claimrelation", "status")]
        history.undo(s, author=AUTHOR)
        assert s.get(ClaimRelation, relation_id) is None
    with pytest.raises(ClaimtrackError, match="nothing to undo"):
        with session_scope(engine) as s:
            history.undo(s, author=AUTHOR)
    with session_scope(engine) as s:
        history.redo(s, author=AUTHOR)
        restored = s.get(ClaimRelation, relation_id)
        assert restored.status == "confirmed" and restored.note == "same border, two stories"
