"""Issue 13, ingest from the desk: visible progress (count and current file), one summary notification
however many documents (the details on `l`), and the desk's own ingest never announced as someone
else's work. Each test failed on the desk before the fix."""
from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, ProgressBar

from tests.tui.helpers import SIZE, app_on, notifications, pilot_test, settle, shown
from tui.screens.ingest_log import IngestLogScreen
from tui.screens.sources import SourcesScreen

ARTICLES = {
    "harbour.txt": "Harbour dues rise\n\nThe port authority said on Monday that dues would rise by a tenth. "
                   "\"We have no choice,\" said Mara Lind, the authority's director.\n",
    "bridge.txt": "Bridge reopens\n\nThe city engineer, Tomas Berg, said the bridge was safe. "
                  "\"Every cable was tested twice,\" Berg said.\n",
    "school.txt": "School meals\n\nParents said the new menu was too small. "
                  "\"The portions are half what they were,\" said Ines Paro, who chairs the parents' council.\n",
}


def folder(tmp_path: Path) -> Path:
    where = tmp_path / "articles"
    where.mkdir()
    for name, text in ARTICLES.items():
        (where / name).write_text(text, encoding="utf-8")
    return where


@pilot_test
async def test_the_progress_shows_the_count_and_the_file_on_a_line_of_its_own(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        screen.query_one("#ingest-status").display = True  # as an ingest under way shows it
        screen.post_message(SourcesScreen.IngestProgress(str(tmp_path / "harbour.txt"), 3, 300))
        await pilot.pause()
        bar = screen.query_one("#ingest-progress", ProgressBar)
        assert bar.region.height >= 1 and bar.region.width >= 20
        assert shown(screen.query_one("#ingest-now", Label)) == "3 / 300 · harbour.txt"
        assert screen.query_one("#ingest-now").region.height == 1


@pilot_test
async def test_an_ingest_is_one_summary_with_the_details_on_l(seeded_db, tmp_path):
    where = folder(tmp_path)
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.desk.ingest(str(where / "harbour.txt"))  # stored already: the folder's ingest skips it
        await pilot.press("i", *str(where), "enter")
        await settle(pilot)
        told = notifications(app)
        assert len(told) == 1, told
        assert told[0].startswith("2 added, 1 skipped, 0 failed;") and "l for the details" in told[0]
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, IngestLogScreen)
        log = shown(app.screen.query_one("#ingest-log Static"))
        assert "skipped (already stored) (1)" in log and "harbour.txt" in log and "added (2)" in log
        await pilot.press("escape")
        assert isinstance(app.screen, SourcesScreen)


@pilot_test
async def test_the_desks_own_ingest_is_not_someone_elses_work(seeded_db, tmp_path):
    where = folder(tmp_path)
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.watch_for_others()  # the store as shown
        await settle(pilot)
        app.desk.ingest(str(where))
        app.watch_for_others()
        await settle(pilot)
        assert not any("Someone else" in m for m in notifications(app))
