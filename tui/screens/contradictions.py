"""Contradictions: a triage queue. The pairs still to judge, strongest first, with both claims' words in
each row; a filter line (`/`: speaker, source, story, kind, score, status, sort; see
claimtrack.queries.triage) and the total it selects; claim A and claim B side by side (speakers,
stances, sources, dates, the sentences around them), the reason and the score. c confirms, d
dismisses (the cursor goes on to the next pair), D dismisses every suggestion of one claim, Enter
opens a claim in the reader."""
from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Label

from claimtrack.display import clip as _clip
from claimtrack.display import for_terminal
from claimtrack.errors import ClaimtrackError
from claimtrack.queries.contradictions import RELATION_ORDERS, ClaimSide, RelationRow
from claimtrack.queries.triage import STATUSES, TO_JUDGE, TriageQuery, parse_triage
from claimtrack.report_model import ReportFilter
from claimtrack.store.models import stored_id
from tui.screens.base import OffsetPagedScreen
from tui.widgets.claim_card import in_sentence, stance_text
from tui.widgets.desk_footer import DeskFooter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paged_table import PagedTable, page_size

EMPTY_QUEUE = ("No suggested pairs left to judge: f shows the confirmed, dismissed or all pairs; new ones are "
               "found when articles are ingested.")
NOTHING_MATCHES = "No pair matches this filter: / changes it, f shows another status."
WIDE = 110  # from this many columns the queue shows status and kind, and longer speaker names
SCROLLBAR = 2


def relation_columns(width: int) -> tuple[list[tuple[str, str, int]], int]:
    """The queue's fixed columns (label, key, width) for a table *width* cells wide, and the width each
    claim's words get: the two claims share what the other columns leave."""
    wide = width >= WIDE
    speaker = 20 if wide else 12
    columns = [("id", "id", 6), ("score", "score", 5)]
    if wide:
        columns += [("status", "status", 9), ("kind", "kind", 11)]
    used = sum(w + 2 for *_, w in columns) + 2 * (speaker + 2) + 2 * 2 + 2 + SCROLLBAR
    return columns, max(8, (width - used) // 2)


class ContradictionsScreen(OffsetPagedScreen[RelationRow]):
    BINDINGS = [
        Binding("c", "decide('confirmed')", "Confirm", tooltip="Confirm: these claims do contradict each other",
                id="contradictions.confirm"),
        Binding("d", "decide('dismissed')", "Dismiss", tooltip="Dismiss: not a contradiction",
                id="contradictions.dismiss"),
        Binding("D", "dismiss_all_of_claim", "Dismiss all of a claim",
                tooltip="Dismiss every suggestion of claim A or of claim B (asks which)",
                id="contradictions.dismiss_all"),
        Binding("n", "note", "Note", tooltip="Keep a note on this relation", id="contradictions.note"),
        Binding("enter", "open_claim('a')", "Read A", tooltip="Open claim A in the reader",
                id="contradictions.read_a"),
        Binding("b", "open_claim('b')", "Read B", tooltip="Open claim B in the reader", id="contradictions.read_b"),
        Binding("slash", "filter", "Filter", tooltip="Filter: speaker: source: story: kind: score: status: sort:",
                id="contradictions.filter_line"),
        Binding("f", "cycle_status", "Status", tooltip="Show suggested, confirmed, dismissed or all pairs",
                id="contradictions.filter"),
        Binding("o", "cycle_sort", "Sort", tooltip="Sort by score, by date or by speaker",
                id="contradictions.sort"),
        Binding("escape,down", "back_to_table", "Back", show=False, tooltip="From the filter line back to the list"),
    ]

    @dataclass
    class Loaded(Message):
        """A page of relations read by the worker (with the total, on a first page), or why none could be."""

        request: int
        rows: list[RelationRow]
        first_page: bool
        total: int | None = None
        error: str | None = None

    def __init__(self) -> None:
        super().__init__(id="contradictions")
        self.triage: TriageQuery = TO_JUDGE  # what the queue shows (the filter line, f and o change it)
        self.rows: dict[int, RelationRow] = {}
        self.loaded = 0
        self.total: int | None = None
        self.layout_width = 0
        self.claim_width = 20
        self.decided: int | None = None  # the pair just confirmed or dismissed: the cursor goes past it

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Input(TO_JUDGE.text(), placeholder="/ filter: speaker:Blair story:3 kind:counters score:0.6 "
                    "status:all sort:date", id="triage-filter")
        yield Label("", id="relation-count")
        yield PagedTable(id="relations-table")
        with Horizontal(id="sides"):
            with Vertical(classes="side"):
                yield DetailPane(id="side-a")
            with Vertical(classes="side"):
                yield DetailPane(id="side-b")
        yield DetailPane(id="relation-reason")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.sub_title = "Contradictions"
        self.lay_out_columns(self.size.width or self.app.size.width)
        self.query_one(PagedTable).focus()
        self.reload()

    def on_resize(self) -> None:
        self.lay_out_columns(self.size.width)

    def lay_out_columns(self, width: int) -> None:
        """Fixed widths for all but the two claims' words, which share the rest (laid out again, with the
        rows loaded so far, when the terminal's width changes)."""
        if width == self.layout_width:
            return
        columns, claim_width = relation_columns(width)
        self.layout_width, self.claim_width = width, claim_width
        speaker = 20 if width >= WIDE else 12
        self.query_one(PagedTable).lay_out(
            [*columns, ("speaker A", "a", speaker), ("claim A", "text_a", claim_width), ("speaker B", "b", speaker),
             ("claim B", "text_b", claim_width)],
            self.rows.values(), key=lambda row: row.relation.id, cells=self.cells)

    def cells(self, row: RelationRow) -> tuple[object, ...]:
        relation, wide = row.relation, self.layout_width >= WIDE
        speaker = 20 if wide else 12
        cells: tuple[object, ...] = (f"#{relation.id}", f"{relation.score:.2f}")
        if wide:
            cells += (relation.status, relation.kind)
        return (*cells, _clip(row.a.speaker or "unattributed", speaker), _words(row.a, self.claim_width),
                _clip(row.b.speaker or "unattributed", speaker), _words(row.b, self.claim_width))

    @work(thread=True, exclusive=True, group="relations", exit_on_error=False)
    def load_page(self, request: int, first_page: bool) -> None:
        query = self.triage
        try:
            rows = self.desk.relations(query, offset=0 if first_page else self.loaded, limit=page_size(first_page))
            total = self.desk.count_relations(query) if first_page else None
        except ClaimtrackError as error:  # a speaker the filter names nobody by, or several
            self.post_message(self.Loaded(request, [], first_page, error=str(error)))
            return
        self.post_message(self.Loaded(request, rows, first_page, total))

    def on_contradictions_screen_loaded(self, message: Loaded) -> None:
        if message.error is not None:
            if message.request == self.request:
                self.notify(message.error, title="Filter", severity="warning", markup=False)
                # Text, not markup: the error quotes what was typed ("speaker:[/b]")
                shown = Text(f"filter not applied: {for_terminal(message.error)}")
                self.query_one("#relation-count", Label).update(shown)
            return
        if not self.keep_page(message.request, message.rows, message.first_page, lambda row: row.relation.id):
            return
        table = self.query_one(PagedTable)
        self.loaded += table.fill_page(message.rows, message.first_page, key=lambda row: row.relation.id,
                                       cells=self.cells)
        if message.total is not None:
            self.total = message.total
        if message.first_page:
            still_listed = self.decided is not None and table.current_key() == self.decided
            if still_listed and table.cursor_row + 1 < table.row_count:
                table.move_cursor(row=table.cursor_row + 1)  # status:all lists it still: on to the next
            self.decided = None
        self.show_count()
        if message.first_page:
            self.show_sides()

    def show_count(self) -> None:
        query = self.triage
        what = "pairs" if query.status == "all" else f"{query.status} pairs"
        total = "…" if self.total is None else f"{self.total:,}"
        shown = f" ({self.loaded:,} loaded)" if self.total is not None and self.loaded < self.total else ""
        self.query_one("#relation-count", Label).update(
            f"{total} {what}{shown} · sorted by {query.sort}")

    def current_relation(self) -> RelationRow | None:
        key = self.query_one(PagedTable).current_key()
        return None if key is None else self.rows.get(key)

    @on(DataTable.RowHighlighted)
    def show_sides(self) -> None:
        row = self.current_relation()
        side_a, side_b = self.query_one("#side-a", DetailPane), self.query_one("#side-b", DetailPane)
        reason = self.query_one("#relation-reason", DetailPane)
        if row is None:
            side_a.show(Text(EMPTY_QUEUE if self.triage == TO_JUDGE else NOTHING_MATCHES, style="dim"))
            side_b.show("")
            reason.show("")
            return
        side_a.show(_side("A", row.a))
        side_b.show(_side("B", row.b))
        relation = row.relation
        text = Text.assemble(("why: ", "bold"), for_terminal(relation.reason or "—"), "   ", ("score ", "bold"),
                             f"{relation.score:.2f}", "   ", ("status ", "bold"), relation.status,
                             "   ", ("origin ", "bold"), relation.origin)
        if relation.note:
            text.append("\nnote: ", style="bold")
            text.append(for_terminal(relation.note))
        reason.show(text)

    def action_decide(self, status: str) -> None:
        row = self.current_relation()
        if row is None:
            self.notify("no relation here", severity="warning")
            return
        desk, relation_id, seen = self.desk, stored_id(row.relation), row.relation.version
        self.decided = relation_id
        self.change(lambda: desk.set_relation_status(relation_id, status, expected_version=seen))

    def action_dismiss_all_of_claim(self) -> None:
        """Dismiss every suggestion of one claim of the pair (a claim the finder pairs wrongly again and again)."""
        from tui.screens.choice import ChoiceScreen

        row = self.current_relation()
        if row is None:
            self.notify("no relation here", severity="warning")
            return
        desk = self.desk

        def chosen(claim_id: int | None) -> None:
            if claim_id is not None:
                self.change(lambda: desk.dismiss_suggestions_of(claim_id), title="Dismiss all")

        options = [(f"claim {label} #{side.claim.id} · {side.speaker or 'unattributed'}: {_words(side, 50)}",
                    side.claim.id) for label, side in (("A", row.a), ("B", row.b))]
        self.app.push_screen(ChoiceScreen("Dismiss every suggestion of which claim? (confirmed pairs stay)",
                                          options), chosen)

    def action_note(self) -> None:
        from tui.screens.prompt import TextPromptScreen

        row = self.current_relation()
        if row is None:
            self.notify("no relation here", severity="warning")
            return

        desk, relation_id, seen = self.desk, stored_id(row.relation), row.relation.version

        def chosen(note: str | None) -> None:
            if note:
                self.change(lambda: desk.note_relation(relation_id, note, expected_version=seen))

        self.app.push_screen(TextPromptScreen(f"Note on relation #{row.relation.id}", value=row.relation.note or ""),
                             chosen)

    def action_open_claim(self, side: str) -> None:
        from tui.screens.reader import ReaderScreen

        row = self.current_relation()
        if row is None:
            return
        claim = (row.a if side == "a" else row.b).claim
        self.app.push_screen(ReaderScreen(claim.source_id, claim.id))

    @on(PagedTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_claim("a")

    def export_selection(self) -> tuple[ReportFilter, str]:
        selection = self.triage.report_filter()
        return selection, selection.describe()

    def apply(self, query: TriageQuery) -> None:
        """Show what *query* selects, and write it in the filter line."""
        self.triage, self.total = query, None
        self.query_one("#triage-filter", Input).value = query.text()
        self.reload()

    def action_cycle_status(self) -> None:
        self.apply(self.triage.with_status(STATUSES[(STATUSES.index(self.triage.status) + 1) % len(STATUSES)]))

    def action_cycle_sort(self) -> None:
        orders = RELATION_ORDERS
        self.apply(self.triage.with_sort(orders[(orders.index(self.triage.sort) + 1) % len(orders)]))

    def action_filter(self) -> None:
        self.query_one("#triage-filter", Input).focus()

    def action_back_to_table(self) -> None:
        self.query_one(PagedTable).focus()

    @on(Input.Submitted, "#triage-filter")
    def filter_submitted(self, event: Input.Submitted) -> None:
        """Enter applies the filter line; the focus stays in it (↓ or Esc goes back to the list)."""
        event.stop()
        try:
            query = parse_triage(event.value)
        except ClaimtrackError as error:
            self.notify(str(error), title="Filter", severity="warning", markup=False)
            return
        self.apply(query)


def _words(side: ClaimSide, width: int) -> str:
    return _clip(" ".join(side.claim.text.split()), width)


def _side(label: str, side: ClaimSide) -> Group:
    claim = side.claim
    where = " · ".join(x for x in (side.source_title or side.source_location or f"source {claim.source_id}",
                                   side.published) if x)
    head = Text.assemble((f"{label}  ", "bold reverse"), " ", (for_terminal(side.speaker or "unattributed"), "bold"),
                         " ", stance_text(claim.stance), f"  · claim {claim.id}")
    # The sentence exactly as the article has it (no space added or taken away), the claim marked by style.
    start = claim.start - side.sentence_start
    sentence = in_sentence(side.sentence, 0, len(side.sentence), start, start + (claim.end - claim.start))
    return Group(head, Text(for_terminal(where), style="italic"), Text(""), sentence)
