"""Issue 13, layout: at 80x24 every dialog fits or scrolls with Save reachable, the claim column takes
the width the others leave, and the footer never overflows. Each test failed on the desk before the fix."""
from __future__ import annotations

import pytest
from textual.widgets import Button, Footer
from textual.widgets.text_area import Selection

from tests.tui.helpers import app_on, pilot_test, settle
from tui.screens.annotate import AnnotateClaimScreen
from tui.screens.new_claim import NewClaimScreen

SMALL = (80, 24)


async def tab_to(pilot, widget_id: str):
    for _ in range(12):
        if pilot.app.focused is not None and pilot.app.focused.id == widget_id:
            return pilot.app.focused
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"#{widget_id} never took the focus")


def on_screen(widget, size=SMALL) -> bool:
    region = widget.region
    return region.height > 0 and region.width > 0 and region.right <= size[0] and region.bottom <= size[1]


@pilot_test
async def test_the_annotate_dialog_scrolls_to_every_field_and_save_at_80x24(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AnnotateClaimScreen)
        for field in ("explanation", "note", "save"):
            assert on_screen(await tab_to(pilot, field)), field
        assert isinstance(app.focused, Button)


@pilot_test
async def test_the_new_claim_dialog_has_an_add_button_in_reach_at_80x24(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.article_view
        view.selection = Selection((2, 0), (2, 20))
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, NewClaimScreen)
        assert on_screen(await tab_to(pilot, "save"))


@pytest.mark.parametrize(("width", "at_least"), [(80, 24), (200, 110)])
@pilot_test
async def test_the_claim_column_takes_the_free_width(seeded_db, tmp_path, width, at_least):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#claims-table")
        claim = table.columns[next(k for k in table.columns if k.value == "claim")]
        assert claim.width >= at_least
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= width
        longest = max(len(str(table.get_row_at(row)[-1])) for row in range(table.row_count))
        assert longest >= min(at_least, 60)


@pytest.mark.parametrize("width", [60, 80, 120, 200])
@pilot_test
async def test_the_footer_never_overflows(seeded_db, tmp_path, width):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        for keys in ((), ("enter",), ("2",), ("3",), ("4",)):
            await pilot.press("1")
            await settle(pilot)
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            await pilot.pause()
            footer = app.screen.query_one(Footer)
            assert footer.virtual_size.width <= width, (keys, footer.virtual_size)
            assert any(key.action == "help" for key in footer.children)


@pilot_test
async def test_returning_to_a_screen_does_not_build_its_footer_again(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        claims = app.screen
        keys = list(claims.query_one(Footer).children)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert app.screen is claims
        assert list(claims.query_one(Footer).children) == keys  # the same widgets: nothing mounted again
        assert [key.description for key in keys][:3] == ["Open", "Search", "Filters"]
