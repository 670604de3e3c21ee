"""Two people on one store never silently overwrite each other (on SQLite and on PostgreSQL).

Each case runs on both backends (`desk_url`); the PostgreSQL runs are skipped, with a message,
when no server is configured.
"""
from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import select

from claimtrack.review.annotate import annotate_claim
from claimtrack.review.relations import set_relation_status
from claimtrack.review.undo import UndoHistory
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim, ClaimRelation, Revision
from claimtrack.store.versions import EditConflict
from tests.conftest import SEED_ARTICLE


@pytest.fixture
def desk(desk_url, run) -> str:
    assert run("ingest", str(SEED_ARTICLE), db=desk_url).exit_code == 0
    return desk_url


def troops_claim(engine) -> Claim:
    with session_scope(engine) as session:
        return session.exec(select(Claim).where(Claim.text.contains("half the troops"))).one()


def test_a_stale_change_is_refused_and_the_other_change_is_shown(desk, run):
    claim_id = troops_claim(open_database(desk)).id
    assert "version      1" in run("show", str(claim_id), db=desk).output.replace("│", " ")
    first = run("annotate", str(claim_id), "--verdict", "False", "--author", "ana", "--if-version", "1", db=desk)
    assert first.exit_code == 0, first.output
    second = run("annotate", str(claim_id), "--verdict", "Misleading", "--explanation", "moved, not withdrawn",
                 "--author", "ben", "--if-version", "1", db=desk)
    assert second.exit_code == 1
    message = " ".join(second.output.split())
    assert f"claim {claim_id} was changed by ana at" in message
    assert "(verdict: (none) → 'False')" in message and "your change was not saved" in message
    engine = open_database(desk)
    with session_scope(engine) as session:
        claim = session.get(Claim, claim_id)
        assert (claim.verdict, claim.explanation, claim.version) == ("False", None, 2)
        assert [r.author for r in session.exec(select(Revision).where(Revision.row_id == claim_id))] == ["ana"]
    engine.dispose()
    again = run("annotate", str(claim_id), "--verdict", "Misleading", "--author", "ben", "--if-version", "2", db=desk)
    assert again.exit_code == 0, again.output


def test_one_change_of_several_fields_raises_the_version_once(desk, run):
    engine = open_database(desk)
    claim_id = troops_claim(engine).id
    result = run("annotate", str(claim_id), "--verdict", "False", "--stance", "denies", "--note", "checked", db=desk)
    assert result.exit_code == 0, result.output
    with session_scope(engine) as session:
        assert session.get(Claim, claim_id).version == 2
        assert {r.row_version for r in session.exec(select(Revision).where(Revision.row_id == claim_id))} == {2}
    engine.dispose()


def race(engine_url: str, work, writers: int = 2) -> list[BaseException | None]:
    """Run *work(session, number)* in several threads, each on its own engine and connection, all released
    at once; returns each writer's exception (None for a writer whose transaction committed)."""
    start = threading.Barrier(writers)
    outcomes: list[BaseException | None] = [None] * writers

    def writer(number: int) -> None:
        engine = open_database(engine_url)
        try:
            start.wait()
            with session_scope(engine) as session:
                work(session, number)
        except BaseException as exc:  # the outcome is what the test looks at
            outcomes[number] = exc
        finally:
            engine.dispose()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.parametrize("round_", range(3))
def test_two_people_saving_the_same_claim_at_once_one_is_told(desk, round_):
    engine = open_database(desk)
    claim = troops_claim(engine)
    verdicts = ["False", "Misleading"]
    outcomes = race(desk, lambda session, n: annotate_claim(
        session, claim.id, author=f"writer{n}", verdict=verdicts[n], expected_version=claim.version))
    refused = [exc for exc in outcomes if exc is not None]
    assert len(refused) == 1 and isinstance(refused[0], EditConflict), outcomes
    winner = outcomes.index(None)
    assert f"by writer{winner} at" in str(refused[0])
    with session_scope(engine) as session:
        stored = session.get(Claim, claim.id)
        assert (stored.verdict, stored.version) == (verdicts[winner], claim.version + 1)
        authors = {r.author for r in session.exec(select(Revision).where(Revision.row_id == claim.id))}
        assert authors == {f"writer{winner}"}
    engine.dispose()


def test_deciding_a_relation_someone_else_decided_is_refused(desk):
    engine = open_database(desk)
    with session_scope(engine) as session:
        relation = session.exec(select(ClaimRelation).order_by(ClaimRelation.id)).first()
        assert relation is not None, "the seed article yields suggested contradictions"
        seen = relation.version
        set_relation_status(session, relation.id, "confirmed", author="ana", expected_version=seen)
    with pytest.raises(EditConflict, match=r"relation \d+ was changed by ana .*status: 'suggested' → 'confirmed'"):
        with session_scope(engine) as session:
            set_relation_status(session, relation.id, "dismissed", author="ben", expected_version=seen)
    with session_scope(engine) as session:
        assert session.get(ClaimRelation, relation.id).status == "confirmed"
    engine.dispose()


def test_undo_never_overwrites_a_later_change_by_someone_else(desk):
    engine = open_database(desk)
    claim_id = troops_claim(engine).id
    ana = UndoHistory()
    with session_scope(engine) as session:
        changes = annotate_claim(session, claim_id, author="ana", verdict="False")
        session.flush()
        ana.record(changes)
    with session_scope(engine) as session:
        annotate_claim(session, claim_id, author="ben", verdict="Misleading")
    with pytest.raises(EditConflict, match=r"by ben at .*verdict: 'False' → 'Misleading'"):
        with session_scope(engine) as session:
            ana.undo(session, author="ana")
    with session_scope(engine) as session:
        assert session.get(Claim, claim_id).verdict == "Misleading"
    engine.dispose()


def test_a_colleagues_change_landing_while_an_undo_reads_is_not_overwritten(desk, monkeypatch):
    """The race the sequential test cannot show: the colleague's change commits after the undo has read
    the claim and before it writes. The undo locks the row as it reads it, so it is refused.

    On SQLite the undo holds the store's write lock from its first read, so the colleague cannot
    save in that instant at all: he waits for the undo (here, with a short wait, he is told the
    store is busy), and nothing of either is half-saved."""
    from claimtrack.review import undo as undo_module
    from claimtrack.store import database

    sqlite = "://" not in desk
    if sqlite:
        monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    engine, colleague = open_database(desk), open_database(desk)
    claim_id = troops_claim(engine).id
    ana = UndoHistory()
    with session_scope(engine) as session:
        changes = annotate_claim(session, claim_id, author="ana", verdict="False")
        session.flush()
        ana.record(changes)
    real_take_row = undo_module.take_row

    def colleague_first(*args, **kwargs):
        with session_scope(colleague) as other:  # ben saves, at this very instant, from his own desk
            annotate_claim(other, claim_id, author="ben", verdict="Misleading")
        return real_take_row(*args, **kwargs)

    monkeypatch.setattr(undo_module, "take_row", colleague_first)
    if sqlite:
        with pytest.raises(OperationalError, match="database is locked"):
            with session_scope(engine) as session:
                ana.undo(session, author="ana")
        with session_scope(engine) as session:
            assert session.get(Claim, claim_id).verdict == "False"
            assert "ben" not in session.exec(select(Revision.author)).all()
        engine.dispose()
        colleague.dispose()
        return
    with pytest.raises(EditConflict, match=r"by ben at .*verdict: 'False' → 'Misleading'"):
        with session_scope(engine) as session:
            ana.undo(session, author="ana")
    with session_scope(engine) as session:
        assert session.get(Claim, claim_id).verdict == "Misleading"
    engine.dispose()
    colleague.dispose()


def test_undoing_a_claim_others_have_worked_on_is_refused(desk, run):
    from claimtrack.review.annotate import add_manual_claim

    engine = open_database(desk)
    ana = UndoHistory()
    with session_scope(engine) as session:
        claim = add_manual_claim(session, source_id=1, start=0, end=40, author="ana")
        session.flush()
        ana.record(session.exec(select(Revision).where(Revision.row_id == claim.id,
                                                        Revision.table_name == "claim")).all())
    with session_scope(engine) as session:
        annotate_claim(session, claim.id, author="ben", verdict="Accurate", explanation="checked the minutes")
    with pytest.raises(EditConflict, match="by ben at"):
        with session_scope(engine) as session:
            ana.undo(session, author="ana")
    with session_scope(engine) as session:
        assert session.get(Claim, claim.id).verdict == "Accurate"
    engine.dispose()


def test_a_decision_from_an_old_listing_is_refused_on_the_command_line(desk, run):
    import json

    [first, *_] = json.loads(run("contradictions", "--format", "json", db=desk).output)
    assert first["version"] == 1
    assert run("dismiss", str(first["id"]), "--author", "ana", "--if-version", "1", db=desk).exit_code == 0
    late = run("confirm", str(first["id"]), "--author", "ben", "--if-version", "1", db=desk)
    assert late.exit_code == 1 and "was changed by ana at" in " ".join(late.output.split())
    engine = open_database(desk)
    with session_scope(engine) as session:
        assert session.get(ClaimRelation, first["id"]).status == "dismissed"
    engine.dispose()
