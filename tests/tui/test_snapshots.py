"""SVG snapshots of each screen and dialog on the seed article: at 120x36, and at 80x24 and 160x48
(update with --snapshot-update, and look at what changed)."""
from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.conftest import ROOT, SEED_ARTICLE
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


# ---------------------------------------------------------------------------- every screen and dialog, small and large

def _select_words(pilot_app) -> None:
    from textual.widgets.text_area import Selection

    pilot_app.screen.query_one(ArticleView).selection = Selection((2, 0), (2, 24))


def before_with(*steps):
    """Like `before`, where a step may also be a callable taking the app (to select words, fill a field)."""
    async def run(pilot) -> None:
        await settle(pilot)
        for step in steps:
            if callable(step):
                step(pilot.app)
            else:
                await pilot.press(step)
            await settle(pilot)
        for view in pilot.app.screen.query(ArticleView):
            view.cursor_blink = False
        for field in pilot.app.screen.query(Input):  # a blinking cursor is caught on or off by chance
            field.cursor_blink = False
        await pilot.pause()

    return run


def _fixed_export_path(app) -> None:
    app.screen.query_one("#answer").value = "reports/desk.md"  # the proposed name holds the time


def _split_a_speaker(app) -> None:
    """One of Vucic's claims given to "A. Vucic": a pair for the likely-the-same list."""
    troops = next(row for row in app.desk.find_claims("Vucic") if "half the troops" in row.claim.text)
    app.desk.annotate(troops.claim.id, speaker="A. Vucic", new_speaker=True)


EVERY_VIEW = {
    "sources": (),
    "reader": ("enter", "n", "n", "n"),
    "claims": ("2", "j", "j", "j"),
    "contradictions": ("3",),
    "speakers": ("4",),
    "annotate": ("2", "j", "a"),
    "speaker_pick": ("2", "s", "k", "i", "r", "b"),
    "new_claim": ("enter", _select_words, "m"),
    "new_relation": ("2", "r"),
    "export_formats": ("2", "e"),
    "export_scope": ("3", "e", "enter"),
    "export_path": ("2", "e", "enter", "enter", _fixed_export_path),
    "help": ("2", "question_mark"),
    "timeline": ("2", "t"),
    "dismiss_all": ("3", "D"),
    "likely_same": (_split_a_speaker, "4", "L"),
    "relation_note": ("3", "n"),
    "move_alias": ("4", "l"),
    "undo_question": ("3", "D", "enter", lambda app: app.clear_notifications(), "ctrl+z"),  # 2 rows: it asks
    "related_claims": ("3", "enter", "g"),
    "unrelate": ("3", "enter", "x"),
    "merge_into": ("4", "m"),
    "ingest_path": ("i",),
}


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("view", sorted(EVERY_VIEW))
def test_every_view_at(snap_compare, seeded_db, tmp_path, view, size):
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=size, run_before=before_with(*EVERY_VIEW[view]))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_ingest_log_at(snap_compare, seeded_db, tmp_path, monkeypatch, size):
    """A real ingest from the desk (i) of a folder with an article, one already stored, an empty file and
    a binary one; then its log (l). Run from tmp_path, so that the folder's name is the same every time."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "harbour-bridge-closure.txt").write_text(
        (ROOT / "fixtures/articles/harbour-bridge-closure.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (inbox / "seed-again.txt").write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    (inbox / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    monkeypatch.chdir(tmp_path)
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=size,
                        run_before=before_with("i", *"inbox", "enter", "l"))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_export_over_a_report_at(snap_compare, seeded_db, tmp_path, monkeypatch, size):
    """An export whose file is there already asks before it writes (run from tmp_path: the same name each time)."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports/desk.md").write_text("an earlier report\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert snap_compare(app_on(seeded_db, tmp_path), terminal_size=size,
                        run_before=before_with("2", "e", "enter", "enter", _fixed_export_path, "enter"))
