"""Issue 13, colours: a speaker's colour follows from their id (stable when claims or speakers are
added), 16 distinct ones, each at least 4.5:1 against the background of the theme in use (dark and
light), and the claim at the cursor marked. Each test failed on the desk before the fix."""
from __future__ import annotations

import pytest
from textual.app import App
from textual.color import Color

from tests.tui.helpers import SIZE, app_on, pilot_test, settle
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.palette import contrast, grey_for, speaker_palette

THEMES = sorted(App().available_themes)


def backgrounds_of(theme_name: str) -> tuple[tuple[str, ...], bool]:
    app = App()
    app.theme = theme_name
    variables = app.get_css_variables()
    found = tuple(variables[name] for name in ("background", "surface") if variables[name].startswith("#"))
    return found, app.current_theme.dark


@pytest.mark.parametrize("theme", THEMES)
def test_sixteen_distinct_speaker_colours_readable_on_every_theme(theme):
    backgrounds, dark = backgrounds_of(theme)
    if not backgrounds:  # the ansi themes: the terminal's own background, unknown here
        backgrounds = ("#000000",) if dark else ("#ffffff",)
    colours = speaker_palette(backgrounds, dark)
    assert len(set(colours)) == 16
    for colour in (*colours, grey_for(backgrounds, dark)):
        for back in backgrounds:
            assert contrast(Color.parse(colour), Color.parse(back)) >= 4.5, (theme, colour, back)


async def open_reader(pilot) -> ArticleView:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReaderScreen)
    return pilot.app.screen.article_view


@pilot_test
async def test_each_speaker_of_the_article_has_a_colour_of_their_own(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(pilot)
        colours = view.speaker_colour
        assert len(colours) >= 3 and len(set(colours.values())) == len(colours)


@pilot_test
async def test_a_new_claim_recolours_no_speaker(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(pilot)
        before = dict(view.speaker_colour)
        source_id = app.screen.source_id
        # a new speaker's claim on the article's first words: they now speak first
        app.change(lambda: str(app.desk.add_manual_claim(source_id, 0, 12, speaker="Vjosa Osmani",
                                                           new_speaker=True)))
        await settle(pilot)
        after = app.screen.article_view.speaker_colour
        assert "Vjosa Osmani" in after
        assert {name: after[name] for name in before} == before


@pilot_test
async def test_colours_hold_on_a_light_theme(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(pilot)
        app.theme = "textual-light"
        await settle(pilot)
        background = Color.parse(app.get_css_variables()["background"])
        for colour in view.speaker_colour.values():
            assert contrast(Color.parse(colour), background) >= 4.5
        assert view._theme.syntax_styles["claim.speaker0"].color.triplet.hex.lower() in {
            c.lower() for c in speaker_palette(tuple(app.get_css_variables()[n] for n in ("background", "surface")),
                                               False)}


@pilot_test
async def test_the_claim_at_the_cursor_is_marked(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(pilot)
        await pilot.press("n")
        await settle(pilot)
        current = view.claim_at(view.cursor_offset)
        assert current is not None and view.current is current
        row = view.text_document.get_location_from_index(current.claim.start)[0]
        assert any(name == "claim.current" for *_, name in view._highlights[row])
        await pilot.press("n")
        await settle(pilot)
        assert view.current is not current and view.current is view.claim_at(view.cursor_offset)
