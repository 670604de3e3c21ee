"""Pilot tests of each screen on the seed article: what it shows and where its keys lead."""
from __future__ import annotations

from claimtrack.queries.claims import ClaimFilter, count_claims, list_sources
from tests.tui.helpers import SIZE, app_on, notifications, pilot_test, settle, shown, store, table_keys
from tui.screens.claims import ClaimsScreen
from tui.screens.contradictions import ContradictionsScreen
from tui.screens.reader import ReaderScreen
from tui.screens.sources import SourcesScreen
from tui.screens.speakers import SpeakersScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.paged_table import PagedTable


@pilot_test
async def test_sources_lists_each_source_with_its_counts(seeded_db, tmp_path):
    with store(seeded_db) as session:
        [expected] = list_sources(session)
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SourcesScreen)
        table = app.screen.query_one(PagedTable)
        assert table.get_row_at(0)[0] == str(expected.source.id)
        assert table.get_row_at(0)[2:4] == [str(expected.claims), str(expected.contradictions)]  # the counts first
        assert expected.story and expected.story.startswith(table.get_row_at(0)[4].rstrip("…"))  # its story's label


@pilot_test
async def test_sources_filter_hides_what_does_not_match(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"nothing like this")
        await settle(pilot)
        assert app.screen.query_one(PagedTable).row_count == 0
        app.screen.query_one("#source-filter").value = "kosovo"
        await settle(pilot)
        assert app.screen.query_one(PagedTable).row_count == 1


@pilot_test
async def test_ingesting_a_folder_adds_sources_and_reports_each_failure(seeded_db, tmp_path):
    folder = tmp_path / "new-articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text(
        "Harbour plan stalls\n\nThe mayor said the harbour would reopen in May. "
        "\"We have the money,\" the mayor told reporters. The port authority denied that any money was set aside.\n",
        encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        app.screen.query_one("#ingest-path").value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(PagedTable).row_count == 2
        messages = notifications(app)
        [summary] = messages  # one summary, the failure named in it (every failure on `l`)
        assert summary.startswith("1 added, 0 skipped, 1 failed;") and "empty.txt" in summary, messages


@pilot_test
async def test_ingesting_a_path_that_does_not_exist_is_a_notification(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i", *"/no/such/folder", "enter")
        await settle(pilot)
        assert any("no such file or folder" in m for m in notifications(app))
        assert app.screen.query_one(PagedTable).row_count == 1


@pilot_test
async def test_reader_highlights_claims_and_steps_through_them(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        first, second = view.claims[0], view.claims[1]
        assert view._highlights  # claim spans are coloured
        await pilot.press("n")
        assert view.claim_at(view.cursor_offset) is first
        assert app.screen.current_claim_id() == first.claim.id
        panel = shown(app.screen.query_one("#claim-facts"))
        await pilot.press("n")
        assert view.claim_at(view.cursor_offset) is second
        await pilot.press("N")
        assert view.claim_at(view.cursor_offset) is first
        assert first.claim.stance in panel and (first.speaker or "unattributed") in panel
        await pilot.press("escape")
        assert isinstance(app.screen, SourcesScreen)


@pilot_test
async def test_reader_panel_shows_speaker_role_stance_cue_kind_rule_confidence(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        kirby = next(item for item in view.claims if item.speaker == "John Kirby" and item.claim.cue)
        view.go_to_claim(kirby.claim.id)
        await pilot.pause()
        facts = shown(app.screen.query_one("#claim-facts"))
        for expected in ("John Kirby", kirby.role or "—", kirby.claim.stance, kirby.claim.cue, kirby.claim.kind,
                         kirby.claim.rule, f"{kirby.claim.confidence:.2f}"):
            assert expected in facts


@pilot_test
async def test_claims_table_search_and_filters(seeded_db, tmp_path):
    with store(seeded_db) as session:
        total = count_claims(session)
        troops = count_claims(session, ClaimFilter(search="troops"))
        kirby = count_claims(session, ClaimFilter(speaker="kirby"))
        asserts = count_claims(session, ClaimFilter(stance="asserts"))
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        table = screen.query_one(PagedTable)
        assert table.row_count == total
        assert f"{total:,} claims" in shown(screen.query_one("#claim-count"))
        await pilot.press("slash", *"troops")
        await settle(pilot)
        assert table.row_count == troops >= 1
        screen.query_one("#search").value = ""
        screen.query_one("#speaker-filter").value = "kirby"
        await settle(pilot)
        assert table.row_count == kirby
        screen.query_one("#speaker-filter").value = ""
        screen.query_one("#stance-filter").value = "asserts"
        await settle(pilot)
        assert table.row_count == asserts
        screen.query_one("#source-filter").value = "999"
        await settle(pilot)
        assert table.row_count == 0
        assert "No claim matches" in shown(screen.query_one("#claim-detail"))


@pilot_test
async def test_claim_detail_shows_the_sentence_and_enter_opens_the_reader(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one(PagedTable)
        table.focus()
        await pilot.press("j", "j")
        claim_id = app.screen.current_claim_id()
        assert claim_id == int(table_keys(table)[2])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.current_claim_id() == claim_id
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)


@pilot_test
async def test_contradictions_side_by_side_strongest_first(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContradictionsScreen)
        table = screen.query_one(PagedTable)
        assert table.row_count == 2
        row = screen.current_relation()
        assert row.relation.score == 0.82
        side_a = shown(screen.query_one("#side-a"))
        side_b = shown(screen.query_one("#side-b"))
        assert "John Kirby" in side_a and "Aleksandar Vucic" in side_b
        assert "half the troops" in side_b and "2023-09-29" in side_a
        assert "played down by Vucic" in shown(screen.query_one("#relation-reason"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.current_claim_id() == row.a.claim.id
        await pilot.press("escape", "b")
        await settle(pilot)
        assert app.screen.current_claim_id() == row.b.claim.id


@pilot_test
async def test_speakers_lists_entities_with_aliases_and_counts(seeded_db, tmp_path):
    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        table = screen.query_one(PagedTable)
        top = table.get_row_at(0)
        assert top[1] == "John Kirby" and "Kirby" in top[6]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        assert app.screen.claim_filter.speaker == "John Kirby"


@pilot_test
async def test_help_and_palette_and_mode_keys(seeded_db, tmp_path):
    from textual.widgets import HelpPanel

    app = app_on(seeded_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)
        await pilot.press("ctrl+p", *"screen: speakers")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SpeakersScreen)
