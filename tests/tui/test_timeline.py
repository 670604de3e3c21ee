"""One speaker's timeline, opened from Speakers (`t`) and from any claim (`t`): the speaker's claims in
date order with their contradiction marks, Enter opening one in its article."""
from __future__ import annotations

from textual.widgets import Input, Label

from tests.tui.helpers import SIZE, app_on, pilot_test, settle, shown
from tests.tui.test_annotation import open_claims_at
from tui.screens.reader import ReaderScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.paged_table import PagedTable


@pilot_test
async def test_a_timeline_from_a_claim_marks_what_others_contradict(seeded_db, seed_claims, tmp_path):
    staging = seed_claims["kirby_staging"]
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_claims_at(pilot, staging)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen) and screen.sub_title == "Claims > Timeline: John Kirby"
        count = str(screen.query_one("#timeline-count", Label).content)
        assert count.startswith(f"{len(screen.rows)} claims in 1 article, oldest first")
        table = screen.query_one(PagedTable)
        cells = {row.claim.id: [str(c) for c in table.get_row(str(row.claim.id))] for row in screen.rows.values()}
        assert cells[staging][0] == "2023-09-29" and cells[staging][3] == "⚡2"  # two pairs with Vucic
        assert all(cells[other][3] == "" for other in cells if other != staging)
        table.move_cursor(row=table.get_row_index(str(staging)))
        await pilot.pause()
        assert "⚡2 (g lists them)" in shown(screen.query_one("#timeline-detail"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current_claim_id() == staging


@pilot_test
async def test_a_timeline_from_the_speakers_list(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        app.screen.query_one("#speaker-name-filter", Input).value = "Vucic"
        await settle(pilot)
        app.screen.query_one(PagedTable).focus()
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen) and app.screen.speaker_name == "Aleksandar Vucic"
        assert all(row.contradicted == 1 for row in app.screen.rows.values()
                   if "troops" in row.claim.text or "combat readiness" in row.claim.text)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.sub_title == "Speakers"
