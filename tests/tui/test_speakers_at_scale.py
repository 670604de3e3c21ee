"""Speakers at scale: the "likely the same" list merges a pair with one key and stays open for the
next; several speakers marked with space merge into one at once, as one change that Ctrl+Z takes back."""
from __future__ import annotations

from textual.widgets import Input

from tests.tui.helpers import SIZE, app_on, claim, notifications, pilot_test, settle, speaker_named
from tui.desk import Desk
from tui.screens.likely_same import LikelySameScreen
from tui.screens.speaker_pick import SpeakerPickScreen
from tui.widgets.paged_table import PagedTable


def _split_vucic(db, claims: list[int], names: list[str]) -> None:
    """Claims of Vucic given to new speakers of other spellings (a wrong split)."""
    desk = Desk.open(str(db), author="tester")
    for claim_id, name in zip(claims, names, strict=True):
        desk.annotate(claim_id, speaker=name, new_speaker=True)
    desk.engine.dispose()


@pilot_test
async def test_the_likely_same_list_merges_a_pair_with_one_key(seeded_db, seed_claims, tmp_path):
    troops = seed_claims["vucic_troops"]
    _split_vucic(seeded_db, [troops], ["A. Vucic"])
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LikelySameScreen), notifications(app)
        pair = next(i for i, s in enumerate(screen.suggestions) if s.other.name == "A. Vucic")
        assert screen.suggestions[pair].keep.name == "Aleksandar Vucic"
        before = len(screen.suggestions)
        screen.query_one("#likely-same").highlighted = pair
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LikelySameScreen) and len(app.screen.suggestions) < before  # open for the next
        assert speaker_named(seeded_db, "A. Vucic") is None
        assert claim(seeded_db, troops).speaker_id == speaker_named(seeded_db, "Aleksandar Vucic").id


@pilot_test
async def test_marked_speakers_merge_into_one_at_once_and_undo_as_one(seeded_db, seed_claims, tmp_path):
    troops, readiness = seed_claims["vucic_troops"], seed_claims["vucic_readiness"]
    _split_vucic(seeded_db, [troops, readiness], ["A. Vucic", "President Vucic"])
    vucic = speaker_named(seeded_db, "Aleksandar Vucic").id
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        table = app.screen.query_one(PagedTable)
        for name in ("A. Vucic", "President Vucic"):
            speaker_id = speaker_named(seeded_db, name).id
            table.move_cursor(row=table.get_row_index(str(speaker_id)))
            await pilot.press("space")
            assert str(table.get_cell(str(speaker_id), "id")) == f"✓ {speaker_id}"
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerPickScreen) and "2 marked speakers" in app.screen.pick_title
        app.screen.query_one("#speaker-query", Input).value = "Aleksandar Vucic"
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert speaker_named(seeded_db, "A. Vucic") is None and speaker_named(seeded_db, "President Vucic") is None
        assert claim(seeded_db, troops).speaker_id == claim(seeded_db, readiness).speaker_id == vucic
        await pilot.press("ctrl+z")  # many rows: it asks first
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert speaker_named(seeded_db, "A. Vucic") is not None and speaker_named(seeded_db, "President Vucic")
        assert claim(seeded_db, troops).speaker_id != vucic
