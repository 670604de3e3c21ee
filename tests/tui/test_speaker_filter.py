"""The Claims screen's speaker box selects one speaker (issue 12): a part of a name lists nothing and says
which speakers it may mean; an exact name or alias lists that speaker's claims only."""
from __future__ import annotations

from claimtrack.queries.claims import ClaimFilter, count_claims
from tests.tui.helpers import SIZE, app_on, pilot_test, settle, shown, store
from tui.screens.claims import ClaimsScreen
from tui.widgets.paged_table import PagedTable


@pilot_test
async def test_a_part_of_a_name_lists_nothing_and_suggests_the_speaker(seeded_db, tmp_path):
    with store(seeded_db) as session:
        kirby = count_claims(session, ClaimFilter(speaker="John Kirby"))
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        table = screen.query_one(PagedTable)
        screen.query_one("#speaker-filter").value = "Kir"
        await settle(pilot)
        assert table.row_count == 0
        count = shown(screen.query_one("#claim-count"))
        assert "no speaker named 'Kir'" in count and "John Kirby" in count
        screen.query_one("#speaker-filter").value = "john kirby"
        await settle(pilot)
        assert table.row_count == kirby >= 1
        assert "no speaker" not in shown(screen.query_one("#claim-count"))
