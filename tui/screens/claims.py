"""Claims: every claim in a table (a page at a time), filtered by speaker, stance, status and source,
with full-text search on /; the detail pane shows the sentence around the claim and its history."""
from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Label, Select

from claimtrack.display import clip as _clip
from claimtrack.display import for_terminal
from claimtrack.queries.claims import ClaimFilter, ClaimRow
from claimtrack.queries.pages import position_of
from claimtrack.queries.speaker_filter import SpeakerNotFound
from claimtrack.report_model import ReportFilter
from claimtrack.review.human_input import row_number
from claimtrack.vocabulary import ClaimKind, ReviewStatus, Stance
from tui.desk import ClaimDetail
from tui.desk_calls import NotDone
from tui.screens.base import ClaimActions, PagedScreen
from tui.widgets.claim_card import claim_panel_body, in_sentence, stance_text
from tui.widgets.desk_footer import DeskFooter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paged_table import PagedTable, page_size

DETAIL_DELAY = 0.04  # seconds the cursor rests on a row before its detail is read: a held key (a repeat every
# 30-40 ms) does not read every row it passes, and a single press shows the detail within a tenth of a second
WIDE = 110  # from this many columns the table shows kind and source too, and longer speaker names
SCROLLBAR = 2  # the table's vertical scrollbar


def claim_columns(width: int) -> tuple[list[tuple[str, str, int]], int]:
    """The table's columns (label, key, width) for a table *width* cells wide, and the width left to the
    claim's words: every other column has a fixed width, the claim takes the rest."""
    wide = width >= WIDE
    columns = [("id", "id", 7), ("speaker", "speaker", 24 if wide else 14),
               ("stance", "stance", max(len(s.value) for s in Stance)),
               ("status", "status", max(len(s.value) for s in ReviewStatus))]
    if wide:
        columns += [("kind", "kind", max(len(k.value) for k in ClaimKind)), ("source", "source", 7)]
    used = sum(w + 2 for *_, w in columns) + 2 + SCROLLBAR  # each cell has a space either side
    return columns, max(20, width - used)


class ClaimsScreen(ClaimActions, PagedScreen):
    BINDINGS = [
        Binding("slash", "search", "Search", tooltip="Full-text search in the claims' words", id="claims.search"),
        Binding("f", "focus_filters", "Filters", tooltip="Filter by speaker, stance, status and source",
                id="claims.filters"),
        Binding("enter", "open_reader", "Read", tooltip="Open the claim in its article", id="claims.read"),
        Binding("escape,down", "back_to_table", "Back", show=False,
                tooltip="From a filter or the search box back to the list"),
        *ClaimActions.CLAIM_BINDINGS,
    ]

    @dataclass
    class Loaded(Message):
        """A page of claims (and, with the first page, how many match) read by the worker."""

        request: int
        rows: list[ClaimRow]
        first_page: bool
        total: int | None
        problem: str | None = None  # why nothing is listed: the speaker box names no one speaker

    @dataclass
    class DetailRead(Message):
        """The claim under the cursor, with what the detail pane shows, read by the worker."""

        request: int
        claim_id: int
        detail: ClaimDetail

    def __init__(self) -> None:
        super().__init__(id="claims")
        self.claim_filter = ClaimFilter()
        self.last_position: tuple[int, int, int] | None = None
        self.rows: dict[int, ClaimRow] = {}  # claim id -> row, for every row loaded
        self.shown_claim: int | None = None
        self.detail_request = 0  # which detail the pane waits for: an older one is dropped
        self.shown_versions: dict[int, int] = {}  # claim id -> version, as the detail pane last showed it
        self.detail_timer: Timer | None = None
        self.layout_width = 0  # the table width the columns were laid out for (see `lay_out_columns`)
        self.claim_width = 70

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="claim-filters"):
            yield Input(placeholder="/ search words (↓ to the list)", id="search")
            yield Input(placeholder="speaker", id="speaker-filter")
            yield Select([(s.value, s.value) for s in Stance], prompt="stance", id="stance-filter")
            yield Select([(s.value, s.value) for s in ReviewStatus], prompt="status", id="status-filter")
            yield Input(placeholder="source id", type="integer", id="source-filter")
        yield Label("", id="claim-count")
        yield PagedTable(id="claims-table")
        with VerticalScroll(id="claim-detail-scroll"):
            yield DetailPane(id="claim-detail")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.sub_title = "Claims"
        table = self.query_one(PagedTable)
        self.lay_out_columns(self.size.width or self.app.size.width)
        table.focus()
        self.reload()

    def on_resize(self) -> None:
        self.lay_out_columns(self.size.width)

    def lay_out_columns(self, width: int) -> None:
        """Fixed widths for every column but the claim's words, which take what is left (laid out again,
        with the rows loaded so far, when the terminal's width changes)."""
        columns, claim_width = claim_columns(width)
        if width == self.layout_width:
            return
        self.layout_width, self.claim_width = width, claim_width
        self.query_one(PagedTable).lay_out([*columns, ("claim", "claim", claim_width)], self.rows.values(),
                                           key=lambda row: row.claim.id, cells=self.cells)

    def cells(self, row: ClaimRow) -> tuple[object, ...]:
        speaker_width = 24 if self.layout_width >= WIDE else 14
        cells: tuple[object, ...] = (str(row.claim.id), _clip(row.speaker or "unattributed", speaker_width),
                                     stance_text(row.claim.stance), row.claim.status)
        if self.layout_width >= WIDE:
            cells += (row.claim.kind, str(row.claim.source_id))
        return (*cells, _clip(row.claim.text, self.claim_width))

    # ------------------------------------------------------------------ loading

    def restart_paging(self) -> None:
        self.last_position = None

    @work(thread=True, exclusive=True, group="claims", exit_on_error=False)
    def load_page(self, request: int, first_page: bool) -> None:
        flt = self.claim_filter
        try:
            rows = self.desk.claims(flt, after=None if first_page else self.last_position, limit=page_size(first_page))
        except SpeakerNotFound as problem:  # "Blair" while typing, or two Blairs: say so, list nothing
            self.post_message(self.Loaded(request, [], first_page, None))
            self.post_message(self.Loaded(request, [], False, 0, str(problem)))
            return
        self.post_message(self.Loaded(request, rows, first_page, None))
        if first_page:
            self.post_message(self.Loaded(request, [], False, self.desk.count_claims(flt)))

    def on_claims_screen_loaded(self, message: Loaded) -> None:
        if message.request != self.request:
            return  # a page of an older reload (the filter changed since)
        table = self.query_one(PagedTable)
        if message.total is not None:
            noun = "claim" if message.total == 1 else "claims"
            why = f" · {for_terminal(message.problem)}" if message.problem else ""
            self.query_one("#claim-count", Label).update(f"{message.total:,} {noun}" + _described(self.claim_filter)
                                                         + why)
            return
        if message.first_page:
            self.rows.clear()
        self.rows.update((row.claim.id, row) for row in message.rows if row.claim.id is not None)
        table.fill_page(message.rows, message.first_page, key=lambda row: row.claim.id, cells=self.cells)
        if message.rows:
            self.last_position = position_of(message.rows[-1].claim)
        if message.first_page:
            self.show_detail()

    # ------------------------------------------------------------------ the current claim

    def current_claim_id(self) -> int | None:
        return self.query_one(PagedTable).current_key()

    def shown_claim_version(self, claim_id: int) -> int | None:
        return self.shown_versions.get(claim_id)

    @on(DataTable.RowHighlighted)
    def row_highlighted(self) -> None:
        """Show the claim once the cursor rests (holding j does not query every row it passes)."""
        if self.detail_timer is not None:
            self.detail_timer.stop()
        self.detail_timer = self.set_timer(DETAIL_DELAY, self.show_detail)

    def show_detail(self) -> None:
        claim_id = self.current_claim_id()
        self.detail_request += 1
        self.shown_claim = claim_id
        if claim_id is None:
            self.query_one("#claim-detail", DetailPane).show("[dim]No claim matches.[/dim]")
            return
        self.read_detail(self.detail_request, claim_id)

    @work(thread=True, exclusive=True, group="claim detail", exit_on_error=False)
    def read_detail(self, request: int, claim_id: int) -> None:
        try:
            detail = self.desk.claim_detail(claim_id)
        except Exception as error:  # a claim removed meanwhile (an undo), the database gone: told, as always
            self.app.post_message(NotDone("", error))
            return
        self.post_message(self.DetailRead(request, claim_id, detail))

    def on_claims_screen_detail_read(self, message: DetailRead) -> None:
        if message.request != self.detail_request:
            return  # the cursor moved on, or the store changed, since it was asked for
        detail = message.detail
        c = detail.claim
        self.shown_versions[message.claim_id] = c.version  # what the person sees: a change from here expects it
        sentence = in_sentence(detail.source.text, detail.sentence_start, detail.sentence_end, c.start, c.end)
        speaker = detail.speaker
        self.query_one("#claim-detail", DetailPane).show(
            claim_panel_body(c, speaker.name if speaker else None, speaker.role if speaker else None,
                             speaker.affiliation if speaker else None, sentence, detail.history, detail.relations))

    def action_open_reader(self) -> None:
        from tui.screens.reader import ReaderScreen

        claim_id = self.current_claim_id()
        row = None if claim_id is None else self.rows.get(claim_id)
        if row is not None:  # the row knows its article: nothing to read before the reader opens
            self.app.push_screen(ReaderScreen(row.claim.source_id, claim_id))

    @on(PagedTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_reader()

    # ------------------------------------------------------------------ filters

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#speaker-filter", Input).focus()

    def action_back_to_table(self) -> None:
        self.query_one(PagedTable).focus()

    def set_filter(self, **changes: object) -> None:
        values = {**self.claim_filter.__dict__, **changes}
        self.claim_filter = ClaimFilter(**values)
        self.reload()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.set_filter(search=event.value.strip() or None)

    @on(Input.Changed, "#speaker-filter")
    def speaker_changed(self, event: Input.Changed) -> None:
        self.set_filter(speaker=event.value.strip() or None)

    @on(Input.Changed, "#source-filter")
    def source_changed(self, event: Input.Changed) -> None:
        self.set_filter(source_id=row_number(event.value))

    @on(Select.Changed, "#stance-filter")
    def stance_changed(self, event: Select.Changed) -> None:
        self.set_filter(stance=None if event.value is Select.NULL else str(event.value))

    @on(Select.Changed, "#status-filter")
    def status_changed(self, event: Select.Changed) -> None:
        self.set_filter(status=None if event.value is Select.NULL else str(event.value))

    @on(Input.Submitted)
    def filter_done(self, event: Input.Submitted) -> None:
        """Enter keeps the focus in the box (what is typed next must not land on the claim keys):
        the list is one ↓ or Esc away."""
        event.stop()

    def export_selection(self) -> tuple[ReportFilter, str]:
        """The speaker and source filters (a report selects claims by these); a search, stance or status
        filter is named as not carried over."""
        flt = self.claim_filter
        selection = ReportFilter(speaker=flt.speaker, source_id=flt.source_id)
        left_out = [name for name in ("search", "stance", "status") if getattr(flt, name)]
        words = selection.describe() + (f" (a report does not filter by {', '.join(left_out)})" if left_out else "")
        return selection, words

    def filter_by_speaker(self, name: str) -> None:
        """Show one speaker's claims (from the speakers screen)."""
        self.query_one("#speaker-filter", Input).value = name


def _described(flt: ClaimFilter) -> str:
    parts = [f"{name} {value!r}" if name == "search" else f"{name} {value}"
             for name, value in flt.__dict__.items() if value not in (None, "")]
    return for_terminal(" · " + ", ".join(parts)) if parts else ""
