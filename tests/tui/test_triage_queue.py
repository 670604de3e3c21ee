"""Contradictions as a triage queue, driven as a person would: the pairs still to judge with their total
and both claims' words, the filter line, the cursor going on after a decision, and dismissing every
suggestion of one claim (undone with Ctrl+Z)."""
from __future__ import annotations

from textual.widgets import Input, Label

from tests.tui.helpers import SIZE, app_on, notifications, pilot_test, relation, settle, shown
from tui.screens.choice import ChoiceScreen
from tui.screens.contradictions import ContradictionsScreen, relation_columns
from tui.widgets.paged_table import PagedTable


def _count(app) -> str:
    return str(app.screen.query_one("#relation-count", Label).content)


def _filter_line(app) -> str:
    return app.screen.query_one("#triage-filter", Input).value


@pilot_test
async def test_the_queue_opens_on_the_pairs_to_judge_with_their_total_and_both_claims_words(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, ContradictionsScreen)
        assert _count(app) == "2 suggested pairs · sorted by score"
        assert _filter_line(app) == "status:suggested"
        row = app.screen.current_relation()
        first = [str(cell) for cell in app.screen.query_one(PagedTable).get_row_at(0)]
        assert first[0] == "#1" and first[1] == "0.82"  # the strongest first
        words = " ".join(row.a.claim.text.split())
        assert any(cell.rstrip("…") and words.startswith(cell.rstrip("…")) for cell in first[4:])  # claim A's words
        words_b = " ".join(row.b.claim.text.split())
        assert any(cell.rstrip("…") and words_b.startswith(cell.rstrip("…")) for cell in first[4:])


def test_the_claims_share_the_width_the_other_columns_leave():
    _, narrow = relation_columns(80)
    _, wide = relation_columns(200)
    assert narrow >= 8 and wide >= 50 and wide > narrow


@pilot_test
async def test_after_confirm_or_dismiss_the_cursor_is_on_the_next_pair(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert relation(seeded_db, 1).status == "confirmed"
        assert app.screen.current_relation().relation.id == 2  # the confirmed pair left the queue
        assert _count(app).startswith("1 suggested pairs")
        await pilot.press("f")  # suggested -> confirmed
        await settle(pilot)
        assert _filter_line(app) == "status:confirmed"
        assert [r.relation.id for r in app.screen.rows.values()] == [1]
        await pilot.press("f", "f")  # -> dismissed -> all
        await settle(pilot)
        assert _filter_line(app) == "status:all" and app.screen.current_relation().relation.id == 1
        await pilot.press("d")  # still listed under status:all: the cursor goes on to the next pair
        await settle(pilot)
        assert relation(seeded_db, 1).status == "dismissed"
        assert app.screen.current_relation().relation.id == 2


@pilot_test
async def test_the_filter_line_selects_and_says_what_it_cannot_read(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("slash")
        line = app.screen.query_one("#triage-filter", Input)
        assert app.focused is line
        line.value = ""
        await pilot.press(*"score:0.7", "enter")
        await settle(pilot)
        assert [r.relation.id for r in app.screen.rows.values()] == [1]
        assert _count(app).startswith("1 suggested pairs") and app.focused is line  # the focus stays
        line.value = ""
        await pilot.press(*"kind:duplicates", "enter")
        await settle(pilot)
        assert "No pair matches this filter" in shown(app.screen.query_one("#side-a"))
        line.value = ""
        await pilot.press(*"speaker:Nobody", "enter")
        await settle(pilot)
        assert "filter not applied" in _count(app) and "Nobody" in _count(app)
        line.value = "speaker:'[/b] Nobody'"  # markup in what was typed is shown as typed, never parsed
        await pilot.press("enter")
        await settle(pilot)
        assert "[/b] Nobody" in _count(app)
        line.value = ""
        await pilot.press(*"colour:red", "enter")
        await settle(pilot)
        assert any("no such key" in n for n in notifications(app))
        line.value = ""
        await pilot.press(*"Vucic", "enter")  # a bare name is a speaker
        await settle(pilot)
        assert _filter_line(app) == "speaker:Vucic status:suggested"
        assert sorted(r.relation.id for r in app.screen.rows.values()) == [1, 2]
        await pilot.press("down")
        assert isinstance(app.focused, PagedTable)


@pilot_test
async def test_dismiss_every_suggestion_of_one_claim_then_undo(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # claim A: Kirby's build-up, in both pairs
        await settle(pilot)
        assert relation(seeded_db, 1).status == relation(seeded_db, 2).status == "dismissed"
        assert _count(app).startswith("0 suggested pairs")
        assert "No suggested pairs left to judge" in shown(app.screen.query_one("#side-a"))  # not "none stored"
        await pilot.press("ctrl+z")  # two rows: it asks first
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert relation(seeded_db, 1).status == relation(seeded_db, 2).status == "suggested"
