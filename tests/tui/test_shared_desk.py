"""Several fact-checkers on one store: the TUI sees others' work when it refreshes, and a change
to a claim someone else changed meanwhile is refused and shown. On SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import read_inputs
from claimtrack.review.annotate import annotate_claim
from claimtrack.review.relations import set_relation_status
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim, ClaimRelation, Revision, Speaker
from tests.conftest import FIXTURES, SEED_ARTICLE
from tests.tui.helpers import AUTHOR, SIZE, app_on, pilot_test, settle, shown
from tests.tui.test_annotation import open_claims_at
from tui.screens.annotate import AnnotateClaimScreen
from tui.screens.contradictions import ContradictionsScreen
from tui.widgets.paged_table import PagedTable


@pytest.fixture
def shared_desk(desk_url):
    """The seed article on a store another person (the test) also writes to, through its own engine."""
    other = open_database(desk_url)
    assert ingest_documents(other, read_inputs([str(SEED_ARTICLE)])).ok
    yield desk_url, other
    other.dispose()


def troops_claim_id(engine) -> int:
    with session_scope(engine) as session:
        return session.exec(select(Claim.id).where(Claim.text.contains("half the troops"))).one()


@pilot_test
async def test_refresh_shows_an_article_a_colleague_just_ingested(shared_desk, tmp_path):
    url, colleague = shared_desk
    app = app_on(url, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(PagedTable)
        assert table.row_count == 1
        assert ingest_documents(colleague, read_inputs([str(FIXTURES / "articles" / "harbour-bridge-closure.txt")])).ok
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen.query_one(PagedTable).row_count == 2


@pilot_test
async def test_saving_over_a_colleagues_change_is_refused_and_shows_it(shared_desk, tmp_path):
    url, colleague = shared_desk
    claim_id = troops_claim_id(colleague)
    app = app_on(url, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, claim_id)
        await pilot.press("a")
        await settle(pilot)  # the claim is read in a worker before the form opens
        form = app.screen
        assert isinstance(form, AnnotateClaimScreen)
        with session_scope(colleague) as session:  # while the form is open, a colleague rules on the claim
            annotate_claim(session, claim_id, author="ana", verdict="False", explanation="troop counts doubled")
        form.query_one("#verdict").value = "Accurate"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [warning] = [n for n in app._notifications if n.severity == "warning"]
        assert warning.title == "Changed by someone else: not saved"
        assert "by ana at" in warning.message and "'troop counts doubled'" in warning.message
        assert "verdict False" in shown(app.screen.query_one("#claim-detail"))  # the colleague's ruling, on screen
    with session_scope(colleague) as session:
        stored = session.get(Claim, claim_id)
        assert (stored.verdict, stored.explanation) == ("False", "troop counts doubled")
        assert not session.exec(select(Revision).where(Revision.author == AUTHOR)).all()


@pilot_test
async def test_confirming_a_contradiction_a_colleague_dismissed_is_refused(shared_desk, tmp_path):
    url, colleague = shared_desk
    app = app_on(url, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContradictionsScreen)
        row = screen.current_relation()
        assert row is not None
        with session_scope(colleague) as session:
            set_relation_status(session, row.relation.id, "dismissed", author="ana", note="different dates")
        await pilot.press("c")
        await settle(pilot)
        [warning] = [n for n in app._notifications if n.severity == "warning"]
        assert "by ana at" in warning.message and "'suggested' → 'dismissed'" in warning.message
    with session_scope(colleague) as session:
        assert session.get(ClaimRelation, row.relation.id).status == "dismissed"


@pilot_test
async def test_the_desk_is_told_when_a_colleague_changed_the_store(shared_desk, tmp_path):
    url, colleague = shared_desk
    claim_id = troops_claim_id(colleague)
    app = app_on(url, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.watch_for_others()  # what the app does every OTHERS_CHECK_S seconds
        await settle(pilot)
        app.desk.annotate(claim_id, note="my own change")  # this desk's own work is no news to it
        app.watch_for_others()
        await settle(pilot)
        assert not [n for n in app._notifications if n.title == "New work by others"]
        with session_scope(colleague) as session:
            annotate_claim(session, claim_id, author="ana", verdict="False")
        app.watch_for_others()
        await settle(pilot)
        assert [n.message for n in app._notifications if n.title == "New work by others"] == [
            "Someone else changed the store: Ctrl+R shows their work."]


@pilot_test
async def test_a_busy_annotator_is_still_told_of_a_colleagues_work(shared_desk, tmp_path):
    url, colleague = shared_desk
    claim_id = troops_claim_id(colleague)
    app = app_on(url, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.watch_for_others()
        await settle(pilot)
        app.desk.annotate(claim_id, note="my own change")  # this desk is busy too...
        with session_scope(colleague) as session:  # ...when a colleague rules on a claim
            annotate_claim(session, claim_id, author="ana", verdict="False")
        app.watch_for_others()
        await settle(pilot)
        assert [n.title for n in app._notifications].count("New work by others") == 1


@pilot_test
async def test_a_speaker_pick_over_a_colleagues_change_since_the_screen_showed_it_is_refused(shared_desk, tmp_path):
    from tui.screens.speaker_pick import SpeakerPickScreen

    url, colleague = shared_desk
    claim_id = troops_claim_id(colleague)
    app = app_on(url, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, claim_id)
        await settle(pilot)
        await pilot.pause(0.5)  # the detail pane shows the claim (and so its version)
        with session_scope(colleague) as session:  # a colleague re-attributes it after the screen showed it
            annotate_claim(session, claim_id, author="ana", speaker="John Kirby")
        await pilot.press("s")
        await settle(pilot)  # the speakers are read in a worker before the pick opens
        assert isinstance(app.screen, SpeakerPickScreen)
        await pilot.press(*"White House", "enter")
        await settle(pilot)
        [warning] = [n for n in app._notifications if n.severity == "warning"]
        assert "by ana at" in warning.message and "'John Kirby'" in warning.message
    with session_scope(colleague) as session:
        speaker = session.get(Claim, claim_id).speaker_id
        assert session.exec(select(Speaker.name).where(Speaker.id == speaker)).one() == "John Kirby"
