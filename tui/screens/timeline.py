"""One speaker's timeline: their claims in date order across articles, each marked when someone else
contradicts it (⚡) or when it contradicts the speaker's own words elsewhere (↺); the pane below shows
the claim in its sentence. Enter opens it in its article, g lists its related claims."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Label

from claimtrack.display import clip as _clip
from claimtrack.display import for_terminal
from claimtrack.queries.timeline import TimelineRow
from tui.screens.base import ClaimActions, OffsetPagedScreen
from tui.widgets.claim_card import stance_text
from tui.widgets.desk_footer import DeskFooter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paged_table import PagedTable, page_size

CONTRADICTED, SELF = "⚡", "↺"
WIDE = 110  # from this many columns the article's title gets more room


def timeline_columns(width: int) -> list[tuple[str, str, int]]:
    """The columns (label, key, width) for a table *width* cells wide: the claim's words take the rest."""
    article = 26 if width >= WIDE else 14
    columns = [("date", "date", 10), ("article", "article", article), ("stance", "stance", 11), ("marks", "marks", 5)]
    used = sum(w + 2 for *_, w in columns) + 2 + 2  # each cell's spaces, the claim's, the scrollbar
    return [*columns, ("claim", "claim", max(20, width - used))]


def marks(row: TimelineRow) -> str:
    """⚡2 when two others contradict it, ↺1 when it contradicts one of the speaker's own claims."""
    shown = (f"{CONTRADICTED}{row.contradicted}" if row.contradicted else "",
             f"{SELF}{row.self_contradicted}" if row.self_contradicted else "")
    return " ".join(s for s in shown if s)


class TimelineScreen(ClaimActions, OffsetPagedScreen[TimelineRow]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to where you came from", id="timeline.back"),
        Binding("enter", "open_reader", "Read", tooltip="Open the claim in its article", id="timeline.read"),
        *ClaimActions.CLAIM_BINDINGS,
    ]

    @dataclass
    class Loaded(Message):
        request: int
        rows: list[TimelineRow]
        first_page: bool
        counts: tuple[int, int] | None = None  # (claims, articles), with a first page

    def __init__(self, speaker_id: int, speaker_name: str) -> None:
        super().__init__(id=None)
        self.speaker_id = speaker_id
        self.speaker_name = speaker_name
        self.rows: dict[int, TimelineRow] = {}
        self.loaded = 0
        self.layout_width = 0
        self.widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Label("", id="timeline-count")
        yield PagedTable(id="timeline-table")
        yield DetailPane(id="timeline-detail")
        yield DeskFooter()

    def on_mount(self) -> None:
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack and stack.index(self) > 0 else None
        came_from = below.sub_title if below is not None and below.sub_title else ""
        here = f"Timeline: {for_terminal(self.speaker_name)}"
        self.sub_title = f"{came_from} > {here}" if came_from else here
        self.lay_out_columns(self.size.width or self.app.size.width)
        self.query_one(PagedTable).focus()
        self.reload()

    def on_resize(self) -> None:
        self.lay_out_columns(self.size.width)

    def lay_out_columns(self, width: int) -> None:
        """The columns for this width (laid out again, with the rows loaded so far, when it changes)."""
        if width == self.layout_width:
            return
        self.layout_width = width
        columns = timeline_columns(width)
        self.widths = {key: column_width for _, key, column_width in columns}
        self.query_one(PagedTable).lay_out(columns, self.rows.values(), key=lambda row: row.claim.id,
                                           cells=self.cells)

    def cells(self, row: TimelineRow) -> tuple[object, ...]:
        return (row.published or "undated",
                _clip(row.source_title or f"source {row.claim.source_id}", self.widths["article"]),
                stance_text(row.claim.stance), marks(row),
                _clip(" ".join(row.claim.text.split()), self.widths["claim"]))

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load_page(self, request: int, first_page: bool) -> None:
        rows = self.desk.timeline(self.speaker_id, offset=0 if first_page else self.loaded,
                                  limit=page_size(first_page))
        counts = self.desk.speaker_claim_counts(self.speaker_id) if first_page else None
        self.post_message(self.Loaded(request, rows, first_page, counts))

    def on_timeline_screen_loaded(self, message: Loaded) -> None:
        if not self.keep_page(message.request, message.rows, message.first_page, lambda row: row.claim.id):
            return
        self.loaded += self.query_one(PagedTable).fill_page(message.rows, message.first_page,
                                                            key=lambda row: row.claim.id, cells=self.cells)
        if message.counts is not None:
            claims, articles = message.counts
            self.query_one("#timeline-count", Label).update(
                f"{claims:,} claim{'s' * (claims != 1)} in {articles:,} article{'s' * (articles != 1)}, oldest "
                f"first · {CONTRADICTED} contradicted · {SELF} against their own words")
        if message.first_page:
            self.show_detail()

    def current_row(self) -> TimelineRow | None:
        key = self.query_one(PagedTable).current_key()
        return None if key is None else self.rows.get(key)

    def current_claim_id(self) -> int | None:
        row = self.current_row()
        return row.claim.id if row is not None else None

    def shown_claim_version(self, claim_id: int) -> int | None:
        row = self.rows.get(claim_id)
        return row.claim.version if row is not None else None

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        row = self.current_row()
        detail = self.query_one("#timeline-detail", DetailPane)
        if row is None:
            detail.show(f"[dim]{for_terminal(self.speaker_name)} has no claims.[/dim]")
            return
        text = Text.assemble((f"#{row.claim.id} ", "bold"), stance_text(row.claim.stance), " · ",
                             for_terminal(row.source_title or f"source {row.claim.source_id}"), " · ",
                             row.published or "undated")
        if row.contradicted or row.self_contradicted:
            text.append(f"   {marks(row)} (g lists them)", style="bold")
        text.append("\n")
        text.append(for_terminal(" ".join(row.claim.text.split())))
        detail.show(text)

    def action_open_reader(self) -> None:
        from tui.screens.reader import ReaderScreen

        row = self.current_row()
        if row is not None:
            self.app.push_screen(ReaderScreen(row.claim.source_id, row.claim.id))

    @on(PagedTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_reader()
