"""Contradictions: claim A and claim B side by side (speakers, stances, sources, dates, the sentences
around them), the reason and the score; c confirms, d dismisses, Enter opens a claim in the reader."""
from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Label, Static

from claimtrack.display import clip as _clip
from claimtrack.display import for_terminal
from claimtrack.queries.contradictions import ClaimSide, RelationRow
from claimtrack.report_model import ReportFilter
from claimtrack.store.models import stored_id
from tui.screens.base import OffsetPagedScreen
from tui.widgets.claim_card import stance_text
from tui.widgets.desk_footer import DeskFooter
from tui.widgets.paged_table import PagedTable, page_size

STATUS_FILTERS = (None, "suggested", "confirmed", "dismissed")


class ContradictionsScreen(OffsetPagedScreen[RelationRow]):
    BINDINGS = [
        Binding("c", "decide('confirmed')", "Confirm", tooltip="Confirm: these claims do contradict each other",
                id="contradictions.confirm"),
        Binding("d", "decide('dismissed')", "Dismiss", tooltip="Dismiss: not a contradiction",
                id="contradictions.dismiss"),
        Binding("n", "note", "Note", tooltip="Keep a note on this relation", id="contradictions.note"),
        Binding("enter", "open_claim('a')", "Read A", tooltip="Open claim A in the reader",
                id="contradictions.read_a"),
        Binding("b", "open_claim('b')", "Read B", tooltip="Open claim B in the reader", id="contradictions.read_b"),
        Binding("f", "cycle_status", "Status filter", tooltip="Show all, suggested, confirmed or dismissed",
                id="contradictions.filter"),
    ]

    @dataclass
    class Loaded(Message):
        """A page of relations read by the worker."""

        request: int
        rows: list[RelationRow]
        first_page: bool

    def __init__(self) -> None:
        super().__init__(id="contradictions")
        self.status_filter: str | None = None
        self.rows: dict[int, RelationRow] = {}
        self.loaded = 0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Label("", id="relation-count")
        yield PagedTable(id="relations-table")
        with Horizontal(id="sides"):
            with Vertical(classes="side"):
                yield Static(id="side-a")
            with Vertical(classes="side"):
                yield Static(id="side-b")
        yield Static(id="relation-reason")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.sub_title = "Contradictions"
        table = self.query_one(PagedTable)
        for label, key in (("id", "id"), ("kind", "kind"), ("score", "score"), ("status", "status"),
                           ("speaker A", "a"), ("stance A", "stance_a"), ("speaker B", "b"), ("stance B", "stance_b")):
            table.add_column(label, key=key)
        table.focus()
        self.reload()

    @work(thread=True, exclusive=True, group="relations", exit_on_error=False)
    def load_page(self, request: int, first_page: bool) -> None:
        rows = self.desk.relations(status=self.status_filter, offset=0 if first_page else self.loaded,
                                   limit=page_size(first_page))
        self.post_message(self.Loaded(request, rows, first_page))

    def on_contradictions_screen_loaded(self, message: Loaded) -> None:
        if not self.keep_page(message.request, message.rows, message.first_page, lambda row: row.relation.id):
            return
        self.loaded += self.query_one(PagedTable).fill_page(
            message.rows, message.first_page, key=lambda row: row.relation.id,
            cells=lambda row: (f"#{row.relation.id}", row.relation.kind, f"{row.relation.score:.2f}",
                               row.relation.status, _clip(row.a.speaker or "unattributed", 22),
                               stance_text(row.a.claim.stance), _clip(row.b.speaker or "unattributed", 22),
                               stance_text(row.b.claim.stance)))
        shown = self.status_filter or "all statuses"
        self.query_one("#relation-count", Label).update(f"{self.loaded} relation(s) loaded · {shown} · f to filter")
        if message.first_page:
            self.show_sides()

    def current_relation(self) -> RelationRow | None:
        key = self.query_one(PagedTable).current_key()
        return None if key is None else self.rows.get(key)

    @on(DataTable.RowHighlighted)
    def show_sides(self) -> None:
        row = self.current_relation()
        side_a, side_b = self.query_one("#side-a", Static), self.query_one("#side-b", Static)
        reason = self.query_one("#relation-reason", Static)
        if row is None:
            side_a.update("[dim]No contradictions stored yet: they are found when articles are ingested.[/dim]")
            side_b.update("")
            reason.update("")
            return
        side_a.update(_side("A", row.a))
        side_b.update(_side("B", row.b))
        relation = row.relation
        text = Text.assemble(("why: ", "bold"), for_terminal(relation.reason or "—"), "   ", ("score ", "bold"),
                             f"{relation.score:.2f}", "   ", ("status ", "bold"), relation.status,
                             "   ", ("origin ", "bold"), relation.origin)
        if relation.note:
            text.append("\nnote: ", style="bold")
            text.append(for_terminal(relation.note))
        reason.update(text)

    def action_decide(self, status: str) -> None:
        row = self.current_relation()
        if row is None:
            self.notify("no relation here", severity="warning")
            return
        desk, relation_id, seen = self.desk, stored_id(row.relation), row.relation.version
        self.change(lambda: desk.set_relation_status(relation_id, status, expected_version=seen))

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
        selection = ReportFilter(status=self.status_filter)
        return selection, selection.describe()

    def action_cycle_status(self) -> None:
        self.status_filter = STATUS_FILTERS[(STATUS_FILTERS.index(self.status_filter) + 1) % len(STATUS_FILTERS)]
        self.reload()


def _side(label: str, side: ClaimSide) -> Group:
    claim = side.claim
    where = " · ".join(x for x in (side.source_title or side.source_location or f"source {claim.source_id}",
                                   side.published) if x)
    head = Text.assemble((f"{label}  ", "bold reverse"), " ", (for_terminal(side.speaker or "unattributed"), "bold"),
                         " ", stance_text(claim.stance), f"  · claim {claim.id}")
    words = for_terminal(" ".join(claim.text.split()))
    sentence = Text(for_terminal(side.sentence), style="dim")
    at = sentence.plain.find(words[:40])
    if at >= 0:
        sentence.stylize("not dim bold", at, at + len(words))
    return Group(head, Text(for_terminal(where), style="italic"), Text(""), sentence)
