"""Pilot tests of every annotation action: the store and the revision log afterwards, undo/redo too."""
from __future__ import annotations

from textual.widgets import Select
from textual.widgets.text_area import Selection

from tests.tui.helpers import (
    AUTHOR,
    SIZE,
    app_on,
    claim,
    error_notifications,
    move_to_row,
    notifications,
    pilot_test,
    relation,
    revisions,
    settle,
    shown,
    speaker_named,
)
from tui.screens.annotate import AnnotateClaimScreen
from tui.screens.choice import ChoiceScreen
from tui.screens.claims import ClaimsScreen
from tui.screens.new_claim import NewClaimScreen
from tui.screens.new_relation import NewRelationScreen
from tui.screens.prompt import TextPromptScreen
from tui.screens.reader import ReaderScreen
from tui.screens.speaker_pick import SpeakerChoice, SpeakerPickScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.paged_table import PagedTable


async def open_claims_at(pilot, claim_id: int) -> ClaimsScreen:
    await pilot.press("2")
    await settle(pilot)
    screen = pilot.app.screen
    table = screen.query_one(PagedTable)
    table.focus()
    await move_to_row(pilot, table, str(claim_id))
    assert screen.current_claim_id() == claim_id
    return screen


@pilot_test
async def test_annotate_stance_status_verdict_explanation_and_note(seeded_db, seed_claims, tmp_path):
    claim_id = seed_claims["vucic_troops"]
    before = claim(seeded_db, claim_id)
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, claim_id)
        await pilot.press("a")
        await settle(pilot)  # the claim is read in a worker before the form opens
        form = app.screen
        assert isinstance(form, AnnotateClaimScreen)
        form.query_one("#stance", Select).value = "hedges"
        form.query_one("#status", Select).value = "confirmed"
        form.query_one("#verdict").value = "Misleading"
        form.query_one("#explanation").value = "Satellite images show armour at the border"
        form.query_one("#note").value = "desk check"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        assert "verdict Misleading" in shown(app.screen.query_one("#claim-detail"))
    stored = claim(seeded_db, claim_id)
    assert (stored.stance, stored.status, stored.verdict) == ("hedges", "confirmed", "Misleading")
    assert stored.explanation == "Satellite images show armour at the border"
    log = revisions(seeded_db, table="claim", row_id=claim_id)
    assert {r.field for r in log} == {"stance", "status", "verdict", "explanation"}
    assert {r.author for r in log} == {AUTHOR} and {r.note for r in log} == {"desk check"}
    assert next(r for r in log if r.field == "stance").old_value == before.stance != "hedges"


@pilot_test
async def test_change_the_speaker_by_fuzzy_pick_then_undo_and_redo(seeded_db, seed_claims, tmp_path):
    claim_id = seed_claims["white_house_tanks"]
    white_house = speaker_named(seeded_db, "White House")
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, claim_id)
        await pilot.press("s")
        await settle(pilot)  # the speakers are read in a worker before the pick opens
        assert isinstance(app.screen, SpeakerPickScreen)
        await pilot.press(*"vucc")  # a typo still finds him, below the typed name as a new speaker
        await pilot.pause()
        assert app.screen.shown[0] == SpeakerChoice("vucc", is_new=True)
        assert app.screen.shown[1].name == "Aleksandar Vucic"
        await pilot.press("down", "enter")
        await settle(pilot)
        vucic = speaker_named(seeded_db, "Aleksandar Vucic")
        assert claim(seeded_db, claim_id).speaker_id == vucic.id
        [change] = revisions(seeded_db, table="claim", row_id=claim_id)
        assert (change.field, change.old_value, change.new_value) == ("speaker", "White House", "Aleksandar Vucic")

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert claim(seeded_db, claim_id).speaker_id == white_house.id
        undo = revisions(seeded_db, table="claim", row_id=claim_id)[-1]
        assert undo.note == f"undo of revision {change.id}" and undo.author == AUTHOR

        await pilot.press("ctrl+y")
        await settle(pilot)
        assert claim(seeded_db, claim_id).speaker_id == vucic.id
        redo = revisions(seeded_db, table="claim", row_id=claim_id)[-1]
        assert redo.note == f"redo of revision {change.id}"

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert claim(seeded_db, claim_id).speaker_id == white_house.id
        assert revisions(seeded_db, table="claim", row_id=claim_id)[-1].note == f"undo of revision {redo.id}"
        assert any(m.startswith("undone") for m in notifications(app))


@pilot_test
async def test_a_new_speaker_from_the_pick(seeded_db, seed_claims, tmp_path):
    claim_id = seed_claims["kirby_withdraw"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, claim_id)
        await pilot.press("s")
        await settle(pilot)  # the speakers are read in a worker before the pick opens
        await pilot.press(*"Vjosa Osmani")
        await pilot.pause()
        assert app.screen.shown[0].is_new  # Enter takes the typed name, never the closest speaker
        await pilot.press("enter")
        await settle(pilot)
    osmani = speaker_named(seeded_db, "Vjosa Osmani")
    assert osmani is not None and claim(seeded_db, claim_id).speaker_id == osmani.id


@pilot_test
async def test_add_and_remove_a_relation_then_undo_both(seeded_db, seed_claims, tmp_path):
    readiness, tanks = seed_claims["vucic_readiness"], seed_claims["white_house_tanks"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, readiness)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, NewRelationScreen)
        app.screen.query_one("#other").value = str(tanks)
        app.screen.query_one("#note").value = "alert denied, deployment reported"
        app.screen.query_one("#other").focus()
        await pilot.press("enter")
        await settle(pilot)
        [created] = [r for r in revisions(seeded_db, table="claimrelation") if r.field == "created"]
        added = relation(seeded_db, created.row_id)
        assert (added.claim_a_id, added.claim_b_id, added.kind, added.status) == (readiness, tanks, "contradicts",
                                                                                  "confirmed")
        assert added.note == "alert denied, deployment reported" and created.author == AUTHOR

        await pilot.press("x")
        await settle(pilot)  # the claim's relations are read in a worker before the choice opens
        assert isinstance(app.screen, ChoiceScreen)
        mine = next(number for number, (_, value) in enumerate(app.screen.options) if value == added.id)
        await pilot.press(*["j"] * mine, "enter")
        await settle(pilot)
        assert relation(seeded_db, added.id).status == "dismissed"

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert relation(seeded_db, added.id).status == "confirmed"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert relation(seeded_db, added.id) is None
        fields = [(r.field, r.note) for r in revisions(seeded_db, table="claimrelation", row_id=added.id)]
        assert fields[-1] == ("deleted", f"undo of revision {created.id}")


@pilot_test
async def test_a_claim_marked_by_hand_in_the_reader_and_undone(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        words = "Tensions rise between Serbia and Kosovo"
        start = view.text.index(words)
        view.selection = Selection(view.document.get_location_from_index(start),
                                   view.document.get_location_from_index(start + len(words)))
        await pilot.press("m")
        await settle(pilot)  # the speakers are read in a worker before the form opens
        assert isinstance(app.screen, NewClaimScreen)
        await pilot.press(*"Vucic", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        [created] = [r for r in revisions(seeded_db, table="claim") if r.field == "created"]
        made = claim(seeded_db, created.row_id)
        assert (made.text, made.origin, made.start) == (words, "manual", start)
        assert made.speaker_id == speaker_named(seeded_db, "Aleksandar Vucic").id
        assert created.author == AUTHOR
        assert made.id in app.screen.query_one(ArticleView).claim_ids()

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert claim(seeded_db, made.id) is None
        assert made.id not in app.screen.query_one(ArticleView).claim_ids()
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert claim(seeded_db, made.id).text == words


@pilot_test
async def test_marking_without_a_selection_says_what_to_do(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert any("select the claim's words first" in m for m in notifications(app))


@pilot_test
async def test_annotating_from_the_reader(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        claim_id = app.screen.current_claim_id()
        await pilot.press("a")
        await settle(pilot)  # the claim is read in a worker before the form opens
        app.screen.query_one("#status", Select).value = "rejected"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current_claim_id() == claim_id
    assert claim(seeded_db, claim_id).status == "rejected"


@pilot_test
async def test_contradictions_confirm_dismiss_and_note_are_revisions(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        strongest = screen.current_relation().relation.id
        await pilot.press("c")
        await settle(pilot)
        assert relation(seeded_db, strongest).status == "confirmed"
        other = app.screen.current_relation().relation.id  # the queue went on to the next pair
        assert other != strongest
        await pilot.press("d")
        await settle(pilot)
        assert relation(seeded_db, other).status == "dismissed"
        await pilot.press("f")  # the confirmed pairs
        await settle(pilot)
        assert app.screen.current_relation().relation.id == strongest
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press(*"ask the ministry", "enter")
        await settle(pilot)
        assert relation(seeded_db, strongest).note == "ask the ministry"
        assert "ask the ministry" in str(app.screen.query_one("#relation-reason").content)
        log = [(r.row_id, r.field, r.new_value) for r in revisions(seeded_db, table="claimrelation")]
        assert log == [(strongest, "status", "confirmed"), (other, "status", "dismissed"),
                       (strongest, "note", "ask the ministry")]
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(pilot)
        assert relation(seeded_db, other).status == "suggested"
        assert relation(seeded_db, strongest).note is None


@pilot_test
async def test_merge_two_speakers_and_undo(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        white_house = speaker_named(seeded_db, "White House")
        await move_to_row(pilot, app.screen.query_one(PagedTable), str(white_house.id))
        await pilot.press("m")
        await settle(pilot)  # the speakers are read in a worker before the pick opens
        await pilot.press(*"John Kirby", "enter")
        await settle(pilot)
        assert speaker_named(seeded_db, "White House") is None
        assert str(white_house.id) not in [r.value for r in app.screen.query_one(PagedTable).rows]
        assert any(r.field == "deleted" and r.table_name == "speaker" for r in revisions(seeded_db))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)  # a merge changes many rows: asked first
        await pilot.press("j", "enter")
        await settle(pilot)
        assert speaker_named(seeded_db, "White House").id == white_house.id


@pilot_test
async def test_move_an_alias_to_a_new_speaker(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        vucic = speaker_named(seeded_db, "Aleksandar Vucic")
        await move_to_row(pilot, app.screen.query_one(PagedTable), str(vucic.id))
        await pilot.press("l")
        await settle(pilot)  # the aliases and speakers are read in a worker before the choice opens
        choice = app.screen
        assert isinstance(choice, ChoiceScreen)
        labels = [label for label, _ in choice.options]
        other_name = next(label for label in labels if label != "Aleksandar Vucic")
        await pilot.press(*["j"] * labels.index(other_name), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPickScreen)
        await pilot.press(*"Milos Vucevic")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
    moved = speaker_named(seeded_db, "Milos Vucevic")
    assert moved is not None
    last = revisions(seeded_db)[-1]
    assert (last.table_name, last.field, last.old_value, last.new_value) == (
        "speakeralias", "speaker", "Aleksandar Vucic", "Milos Vucevic")


@pilot_test
async def test_errors_are_notifications_not_tracebacks(seeded_db, seed_claims, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, seed_claims["kirby_staging"])
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#other").value = "99999"
        app.screen.query_one("#other").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert any("no such claim" in m for m in error_notifications(app))
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert any("nothing to redo" in m for m in error_notifications(app))
        assert isinstance(app.screen, ClaimsScreen)  # still running


@pilot_test
async def test_a_claim_number_beyond_what_the_store_holds_is_a_warning_not_an_overflow(seeded_db, seed_claims,
                                                                                       tmp_path):
    """Issue 18: "99999999999999999999" as the other claim reached SQLite as an integer it cannot hold."""
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, seed_claims["kirby_staging"])
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#other").value = "99999999999999999999"
        app.screen.query_one("#other").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NewRelationScreen)  # still asking, nothing sent to the store
        assert any("give the number of the other claim" in m for m in notifications(app))
        assert not error_notifications(app)


def test_a_row_number_is_ascii_digits_within_what_both_backends_hold():
    from claimtrack.review.human_input import MAX_ROW_ID, row_number

    assert row_number(" 12 ") == 12 and row_number(str(MAX_ROW_ID)) == MAX_ROW_ID
    for text in ("", "0", "-3", "²", "٣", "1e3", str(MAX_ROW_ID + 1), "9" * 400):
        assert row_number(text) is None, text
