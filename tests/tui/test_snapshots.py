"""SVG snapshots of each screen at 120x36 on the seed article (update with --snapshot-update)."""
from __future__ import annotations

from tests.tui.helpers import SIZE, app_on, settle
from tui.widgets.article_view import ArticleView


def before(*keys: str):
    """Keys to press, waiting for the workers after each, before the picture is taken."""
    async def run(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for view in pilot.app.screen.query(ArticleView):
            view.cursor_blink = False
        await pilot.pause()

    return run


def test_sources_screen(snap_compare, seeded_db, tmp_path):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=SIZE, run_before=before())


def test_reader_screen(snap_compare, seeded_db, tmp_path):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=SIZE, run_before=before("enter", "n", "n", "n"))


def test_claims_screen(snap_compare, seeded_db, tmp_path):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=SIZE, run_before=before("2", "j", "j", "j"))


def test_contradictions_screen(snap_compare, seeded_db, tmp_path):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=SIZE, run_before=before("3"))


def test_speakers_screen(snap_compare, seeded_db, tmp_path):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=SIZE, run_before=before("4"))


def test_annotate_dialog(snap_compare, seeded_db, tmp_path):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=SIZE, run_before=before("2", "j", "a"))


def test_speaker_pick_dialog(snap_compare, seeded_db, tmp_path):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=SIZE,
                        run_before=before("2", "s", "k", "i", "r", "b"))
