"""Reader: one article with every claim highlighted (one colour per speaker, cues marked). The panel
shows the claim under the cursor; n / N step through claims; select words and press m for a new claim."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static, TextArea

from claimtrack.display import for_terminal, same_length
from claimtrack.errors import ClaimtrackError
from claimtrack.report_model import ReportFilter
from tui.desk import Article
from tui.screens.base import ClaimActions
from tui.widgets.article_view import ArticleView
from tui.widgets.claim_card import claim_facts
from tui.widgets.desk_footer import DeskFooter

if TYPE_CHECKING:
    from tui.screens.new_claim import ManualClaimDraft


class ReaderScreen(ClaimActions):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to where you came from", id="reader.back"),
        Binding("n", "next_claim", "Next claim", tooltip="Move to the next claim", id="reader.next"),
        Binding("N", "previous_claim", "Prev claim", tooltip="Move to the previous claim", id="reader.previous"),
        Binding("m", "mark_claim", "Mark claim", tooltip="Make the selected words a claim by hand",
                id="reader.mark"),
        *ClaimActions.CLAIM_BINDINGS,
    ]

    @dataclass
    class ArticleRead(Message):
        """The article with its claims, read by the worker (or why it could not be: *problem*)."""

        request: int
        article: Article | None
        problem: str | None = None

    def __init__(self, source_id: int, claim_id: int | None = None) -> None:
        super().__init__()
        self.source_id = source_id
        self.start_claim_id = claim_id

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="reader-heading")
        with Horizontal(id="reader-body"):
            yield Container(id="article-holder")
            with VerticalScroll(id="reader-side"):
                yield Static(id="claim-facts")
                yield Static(id="speaker-legend")
        yield DeskFooter()

    def on_mount(self) -> None:
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack and stack.index(self) > 0 else None
        came_from = below.sub_title if below is not None and below.sub_title else ""
        self.sub_title = f"{came_from} > Reader" if came_from else "Reader"  # a breadcrumb: where Esc goes
        self.watch(self.app, "theme", self.show_legend, init=False)
        self.reload()

    def reload(self) -> None:
        super().reload()
        self.read_article(self.request)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def read_article(self, request: int) -> None:
        try:
            article = self.desk.article(self.source_id)
        except ClaimtrackError as exc:
            self.post_message(self.ArticleRead(request, None, str(exc)))
            return
        self.post_message(self.ArticleRead(request, article))

    def on_reader_screen_article_read(self, message: ArticleRead) -> None:
        if message.request != self.request:
            return  # the store changed again since: a newer read is on its way
        if message.article is None:
            self.notify(message.problem or "", severity="error")
            return
        self.show_article(message.article)

    def show_article(self, article: Article) -> None:
        source = article.source
        heading = " · ".join(x for x in (source.title or source.location or f"source {source.id}", source.outlet,
                                          source.published) if x)
        self.query_one("#reader-heading", Static).update(
            f"[b]{escape(for_terminal(heading))}[/b]  ({len(article.claims)} claims)")
        view = self.article_view
        if view is None:
            view = ArticleView(same_length(source.text), article.claims, id="article")  # offsets stay true
            self.query_one("#article-holder").mount(view)
            view.focus()
            if self.start_claim_id is not None:
                view.go_to_claim(self.start_claim_id)
        else:
            view.set_claims(article.claims)
        self.show_legend()
        self.show_claim_at_cursor()

    def show_legend(self, *_: object) -> None:
        """Who is in which colour (the theme's palette: shown again when the theme changes)."""
        view = self.article_view
        if view is None:
            return
        legend = "\n".join(f"[{colour}]■[/] {escape(for_terminal(name))}"
                           for name, colour in view.speaker_colour.items())
        self.query_one("#speaker-legend", Static).update(
            f"\n[b]speakers[/b]\n{legend}\n[{view.unattributed_colour}]■[/] unattributed\n[b u]cue[/] cue word"
            "\n[reverse]current[/] the claim at the cursor")

    @property
    def article_view(self) -> ArticleView | None:
        views = self.query(ArticleView)
        return views.first() if views else None

    def current_claim_id(self) -> int | None:
        view = self.article_view
        if view is None:
            return None
        item = view.claim_at(view.cursor_offset)
        return item.claim.id if item else None

    def shown_claim_version(self, claim_id: int) -> int | None:
        view = self.article_view
        item = view.claim_at(view.cursor_offset) if view is not None else None
        return item.claim.version if item and item.claim.id == claim_id else None

    @on(TextArea.SelectionChanged)
    def show_claim_at_cursor(self) -> None:
        view = self.article_view
        panel = self.query_one("#claim-facts", Static)
        if view is None:
            return
        item = view.mark_current()
        if item is None:
            panel.update("[dim]Move onto a highlighted span to see its claim; n / N step through them.[/dim]")
            return
        facts = claim_facts(item.claim, item.speaker, item.role, item.affiliation)
        if item.relations:
            facts.add_row("relations", f"{item.relations} · g to go to one")
        panel.update(facts)

    def export_selection(self) -> tuple[ReportFilter, str]:
        selection = ReportFilter(source_id=self.source_id)
        return selection, f"this article ({selection.describe()})"

    def action_next_claim(self) -> None:
        view = self.article_view
        if view is not None and view.next_claim(+1) is None:
            self.notify("this article has no claims", severity="warning")

    def action_previous_claim(self) -> None:
        view = self.article_view
        if view is not None and view.next_claim(-1) is None:
            self.notify("this article has no claims", severity="warning")

    def action_mark_claim(self) -> None:
        view = self.article_view
        span = view.selected_span() if view else None
        if view is None or span is None:
            self.notify("select the claim's words first (shift+arrows or the mouse), then press m",
                        severity="warning")
            return
        start, end = span
        words = view.text[start:end]
        self.ask(self.desk.speaker_choices, lambda choices: self.offer_new_claim(start, end, words, choices))

    def offer_new_claim(self, start: int, end: int, words: str, choices: list[tuple[str, str]]) -> None:
        from tui.screens.new_claim import NewClaimScreen

        desk = self.desk

        def chosen(draft: ManualClaimDraft | None) -> None:
            if draft is None:
                return

            def add() -> str:
                claim_id = desk.add_manual_claim(self.source_id, start, end, speaker=draft.speaker,
                                                 new_speaker=draft.is_new_speaker, stance=draft.stance,
                                                 kind=draft.kind)
                self.start_claim_id = claim_id
                return f"claim {claim_id} added by hand"

            self.change(add)

        self.app.push_screen(NewClaimScreen(words, choices), chosen)
