"""Issue 13, export from the desk: what the screen shows (its filters) or the confirmed pairs only,
a new name (store and time) each time, no file replaced without asking, and a dismissed pair never
headed "contradicts". Each test failed on the desk before the fix."""
from __future__ import annotations

import json
from datetime import UTC, datetime

from tests.tui.helpers import SIZE, app_on, pilot_test, settle
from tui.export import EXPORT_FORMATS, default_path
from tui.screens.choice import ChoiceScreen
from tui.screens.prompt import TextPromptScreen

JSON = next(f for f in EXPORT_FORMATS if f.key == "json")
MARKDOWN = next(f for f in EXPORT_FORMATS if f.key == "md")


async def export_from_here(pilot, fmt, scope: str, path=None):
    """e, the format, the scope whose label starts with *scope*, then the path (the proposed one by default)."""
    app = pilot.app
    await pilot.press("e")
    await pilot.pause()
    await pilot.press(*["j"] * EXPORT_FORMATS.index(fmt), "enter")
    await pilot.pause()
    choice = app.screen
    assert isinstance(choice, ChoiceScreen)
    labels = [label for label, _ in choice.options]
    await pilot.press(*["j"] * next(n for n, label in enumerate(labels) if label.startswith(scope)), "enter")
    await pilot.pause()
    assert isinstance(app.screen, TextPromptScreen)
    if path is not None:
        app.screen.query_one("#answer").value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    return labels


@pilot_test
async def test_an_export_from_the_contradictions_screen_keeps_its_status_filter(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.change(lambda: app.desk.set_relation_status(1, "confirmed"))
        await pilot.press("3")  # the queue opens on the suggested pairs
        await settle(pilot)
        target = tmp_path / "suggested.json"
        labels = await export_from_here(pilot, JSON, "what this screen shows", target)
        assert labels[0] == "what this screen shows: relation status suggested"
        assert [r["id"] for r in json.loads(target.read_text(encoding="utf-8"))["relations"]] == [2]
        confirmed = tmp_path / "confirmed.json"
        await export_from_here(pilot, JSON, "confirmed contradictions only", confirmed)
        assert [r["id"] for r in json.loads(confirmed.read_text(encoding="utf-8"))["relations"]] == [1]


def test_each_export_is_named_by_store_and_time(tmp_path):
    when = datetime(2026, 12, 3, 21, 4, 5, tzinfo=UTC)
    assert default_path(MARKDOWN, tmp_path, store="desk.db", now=when) == tmp_path / "desk-20261203-210405.md"
    assert default_path(JSON, tmp_path, store="claims on db (PostgreSQL)", now=when).name == (
        "claims-on-db-PostgreSQL-20261203-210405.json")


@pilot_test
async def test_an_existing_file_is_replaced_only_when_asked(seeded_db, tmp_path):
    target = tmp_path / "kept.md"
    target.write_text("a colleague's report\n", encoding="utf-8")
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await export_from_here(pilot, MARKDOWN, "what this screen shows", target)
        assert isinstance(app.screen, ChoiceScreen) and "exists" in app.screen.choice_title
        await pilot.press("enter")  # keep it: the name is asked for again
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        assert target.read_text(encoding="utf-8") == "a colleague's report\n"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j", "enter")  # replace it
        await settle(pilot)
        assert "Kirby" in target.read_text(encoding="utf-8")


@pilot_test
async def test_a_dismissed_pair_is_never_headed_contradicts(seeded_db, tmp_path):
    target = tmp_path / "all.md"
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.change(lambda: app.desk.set_relation_status(1, "dismissed"))
        await settle(pilot)
        await export_from_here(pilot, MARKDOWN, "what this screen shows", target)
    headings = [line for line in target.read_text(encoding="utf-8").splitlines() if line.startswith("### ")]
    assert any("dismissed, not “contradicts”" in h for h in headings)
    assert sum(" contradicts " in h for h in headings) == 1  # relation 2 only
