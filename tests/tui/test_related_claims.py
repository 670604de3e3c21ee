"""Relations from a claim, as a person reaches them: `r` finds the other claim by speaker or words (or
its number), `g` lists the claim's relations and opens the one picked in its article."""
from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.tui.helpers import SIZE, app_on, pilot_test, relation, revisions, settle, shown
from tests.tui.test_annotation import open_claims_at
from tui.desk import Desk
from tui.screens.choice import ChoiceScreen
from tui.screens.new_relation import NewRelationScreen
from tui.screens.reader import ReaderScreen


def test_claims_are_found_by_number_speaker_or_words(seeded_db, seed_claims):
    desk = Desk.open(str(seeded_db), author="tester")
    tanks = seed_claims["white_house_tanks"]
    assert [r.claim.id for r in desk.find_claims(f"#{tanks}")] == [tanks]
    assert desk.find_claims("99999999999999999999") == []
    by_speaker = [r.speaker for r in desk.find_claims("Vucic")]  # his claims first, then words naming him
    assert by_speaker[0] == "Aleksandar Vucic" and by_speaker.index("John Kirby") > by_speaker.index("Aleksandar Vucic")
    assert "John Kirby" in by_speaker
    assert tanks in [r.claim.id for r in desk.find_claims("tanks and artillery")]
    assert desk.find_claims("zzzz qqqq") == [] and desk.find_claims('"unbalanced') == []
    desk.engine.dispose()


@pilot_test
async def test_relate_finds_the_other_claim_by_its_words(seeded_db, seed_claims, tmp_path):
    readiness, tanks = seed_claims["vucic_readiness"], seed_claims["white_house_tanks"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, readiness)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, NewRelationScreen)
        app.screen.query_one("#other", Input).focus()
        await pilot.press(*"tanks and artillery")
        await settle(pilot)
        matches = app.screen.query_one("#other-matches", OptionList)
        assert matches.display and any(f"#{tanks} · White House" in str(matches.get_option_at_index(i).prompt)
                                       for i in range(matches.option_count))
        await pilot.press("enter")  # words, not a number: to the matches
        assert app.focused is matches
        index = next(i for i, row in enumerate(app.screen.found) if row.claim.id == tanks)
        matches.highlighted = index
        await pilot.press("enter")  # the match picked: its number in the box, the focus on the note
        assert app.screen.query_one("#other", Input).value == str(tanks) and not matches.display
        await pilot.press(*"reported by the White House", "enter")
        await settle(pilot)
        [created] = [r for r in revisions(seeded_db, table="claimrelation") if r.field == "created"]
        added = relation(seeded_db, created.row_id)
        assert (added.claim_a_id, added.claim_b_id, added.note) == (readiness, tanks, "reported by the White House")


@pilot_test
async def test_a_claim_s_relations_open_in_their_article(seeded_db, seed_claims, tmp_path):
    staging, troops = seed_claims["kirby_staging"], seed_claims["vucic_troops"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, staging)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current_claim_id() == staging
        assert "2 · g to go to one" in shown(app.screen.query_one("#claim-facts"))
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.options[0][0].startswith(f"contradicts · suggested · #{troops} Aleksandar Vucic")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.current_claim_id() == troops
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current_claim_id() == staging
