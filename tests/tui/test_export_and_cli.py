"""Exports from the palette and the `e` key, the `claimtrack tui` command, and the core staying UI-free."""
from __future__ import annotations

from click.testing import CliRunner

from claimtrack.cli import cli
from tests.tui.helpers import SIZE, app_on, error_notifications, notifications, pilot_test, settle
from tui.screens.choice import ChoiceScreen
from tui.screens.prompt import TextPromptScreen


@pilot_test
async def test_export_markdown_from_the_command_palette(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"export: Markdown")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # of what: this screen's, confirmed only, everything
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press("enter")
        await settle(pilot)
        [written] = tmp_path.glob("desk-*.md")  # named by store and time
        report = written.read_text(encoding="utf-8")
        assert "Kirby" in report and "Vucic" in report
        assert str(written) in notifications(app)


@pilot_test
async def test_export_key_offers_every_format_and_writes_where_asked(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        labels = [label for label, _ in app.screen.options]
        assert labels[:2] == ["export: Markdown report", "export: HTML report"] and len(labels) == 5
        await pilot.press("j", "j", "j", "enter")  # CSV
        await pilot.pause()
        await pilot.press("enter")  # what the screen shows
        await pilot.pause()
        target = tmp_path / "out" / "claims.csv"
        app.screen.query_one("#answer").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8").count("\n") >= 19
        assert str(target) in notifications(app)


@pilot_test
async def test_an_export_that_cannot_be_written_is_a_notification(seeded_db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#answer").value = str(blocker / "report.md")
        await pilot.press("enter")
        await settle(pilot)
        assert any("cannot write the export" in m for m in error_notifications(app))


def test_the_tui_command_opens_the_app_on_the_database(seeded_db, monkeypatch):
    opened = []
    monkeypatch.setattr("tui.app.run_app", lambda db, author=None: opened.append((db, author)))
    result = CliRunner().invoke(cli, ["--db", str(seeded_db), "tui", "--author", "Ana"])
    assert result.exit_code == 0, result.output
    assert opened == [(str(seeded_db), "Ana")]


def test_the_tui_command_reports_a_bad_database_in_one_line(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(bad), "tui"])
    assert result.exit_code == 1
    assert "not an SQLite database" in result.output and "Traceback" not in result.output
