"""Issue 13, safe keys: 1-4 always show their list, no bare key changes stored work, Enter in a search
box keeps the focus there, undo says what it undid, and the speaker pick never swaps a typed new name
for the closest existing speaker. Each test failed on the desk before the fix."""
from __future__ import annotations

from textual.widgets import HelpPanel, Input

from tests.tui.helpers import (
    SIZE,
    app_on,
    claim,
    move_to_row,
    notifications,
    pilot_test,
    revisions,
    settle,
    speaker_named,
)
from tui.screens.claims import ClaimsScreen
from tui.screens.reader import ReaderScreen
from tui.screens.sources import SourcesScreen
from tui.screens.speaker_pick import SpeakerPickScreen
from tui.widgets.paged_table import PagedTable


async def claims_at(pilot, claim_id: int) -> ClaimsScreen:
    await pilot.press("2")
    await settle(pilot)
    screen = pilot.app.screen
    table = screen.query_one(PagedTable)
    table.focus()
    await move_to_row(pilot, table, str(claim_id))
    return screen


@pilot_test
async def test_1_to_4_show_their_list_not_the_reader_opened_from_it(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Sources > Reader
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.sub_title == "Sources > Reader"
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, SourcesScreen)
        assert len(app.screen_stack) == 1


@pilot_test
async def test_a_bare_u_changes_nothing(seeded_db, seed_claims, tmp_path):
    claim_id = seed_claims["vucic_troops"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await claims_at(pilot, claim_id)
        app.change(lambda: app.desk.annotate(claim_id, verdict="False"))
        await settle(pilot)
        assert claim(seeded_db, claim_id).verdict == "False"
        await pilot.press("u")
        await settle(pilot)
        assert claim(seeded_db, claim_id).verdict == "False"
        assert len(revisions(seeded_db, table="claim", row_id=claim_id)) == 1


@pilot_test
async def test_enter_in_the_search_box_keeps_the_focus_there(seeded_db, seed_claims, tmp_path):
    claim_id = seed_claims["vucic_troops"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await claims_at(pilot, claim_id)
        app.change(lambda: app.desk.annotate(claim_id, verdict="False"))
        await settle(pilot)
        await pilot.press("slash", *"troops", "enter")
        await settle(pilot)
        search = app.screen.query_one("#search", Input)
        assert app.focused is search
        await pilot.press("space", *"ux")  # the next query's words: text, not keys
        await settle(pilot)
        assert search.value == "troops ux"
        assert claim(seeded_db, claim_id).verdict == "False"
        await pilot.press("down")  # the list is one key away
        assert isinstance(app.focused, PagedTable)


@pilot_test
async def test_undo_says_what_it_undid_and_redo_is_one_key_away(seeded_db, seed_claims, tmp_path):
    claim_id = seed_claims["vucic_troops"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await claims_at(pilot, claim_id)
        app.change(lambda: app.desk.annotate(claim_id, verdict="False"))
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert claim(seeded_db, claim_id).verdict is None
        told = [m for m in notifications(app) if m.startswith("undone")]
        assert told == [f"undone: claim {claim_id} verdict False → — · ctrl+y redoes it"]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert claim(seeded_db, claim_id).verdict == "False"


@pilot_test
async def test_enter_on_a_new_name_makes_a_new_speaker_not_the_closest_one(seeded_db, seed_claims, tmp_path):
    claim_id = seed_claims["vucic_troops"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await claims_at(pilot, claim_id)
        await pilot.press("s")
        await settle(pilot)
        pick = app.screen
        assert isinstance(pick, SpeakerPickScreen)
        await pilot.press(*"Aleksandar Vucicc")  # near an existing name, but someone else
        await pilot.pause()
        assert pick.shown[0].is_new and pick.shown[0].name == "Aleksandar Vucicc"
        assert pick.shown[1].name == "Aleksandar Vucic"
        await pilot.press("enter")
        await settle(pilot)
    new = speaker_named(seeded_db, "Aleksandar Vucicc")
    assert new is not None and claim(seeded_db, claim_id).speaker_id == new.id


@pilot_test
async def test_the_speaker_pick_lists_an_exact_match_first_with_its_facts(seeded_db, seed_claims, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await claims_at(pilot, seed_claims["vucic_troops"])
        await pilot.press("s")
        await settle(pilot)
        pick = app.screen
        await pilot.press(*"john kirby")
        await pilot.pause()
        assert pick.shown[0].name == "John Kirby" and not any(c.is_new for c in pick.shown)
        label = pick.label(pick.shown[0]).plain
        assert label.startswith("John Kirby") and "claims" in label


@pilot_test
async def test_help_in_the_reader_lists_no_editing_keys(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        panel = app.screen.query_one(HelpPanel)
        keys = {binding.description for _, binding, *_ in app.screen.active_bindings.values()}
        assert panel is not None
        assert not keys & {"Delete character left", "Cut", "Paste", "Delete line"}
        assert "Next claim" in keys


@pilot_test
async def test_undoing_a_change_of_many_rows_asks_first(seeded_db, seed_claims, tmp_path):
    from tui.screens.choice import ChoiceScreen

    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        kirby, white_house = speaker_named(seeded_db, "John Kirby"), speaker_named(seeded_db, "White House")
        app.change(lambda: app.desk.merge_speakers(white_house.id, kirby.id))  # every Kirby claim moves
        await settle(pilot)
        moved = claim(seeded_db, seed_claims["kirby_staging"]).speaker_id
        assert moved == white_house.id
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen) and "rows" in app.screen.choice_title
        await pilot.press("enter")  # no: kept as it is
        await settle(pilot)
        assert claim(seeded_db, seed_claims["kirby_staging"]).speaker_id == white_house.id
        await pilot.press("ctrl+z")
        await settle(pilot)
        await pilot.press("j", "enter")  # yes
        await settle(pilot)
        assert claim(seeded_db, seed_claims["kirby_staging"]).speaker_id == kirby.id
