"""Sources: every stored article with its claim and contradiction counts; a filter; ingesting a file
or a folder in a worker, with its progress (count, current file) and one summary notification at the
end (added, skipped, failed), the details on `l`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Header, Input, Label, ProgressBar
from textual.worker import Worker, WorkerState

from claimtrack.display import clip as _clip
from claimtrack.display import for_terminal
from claimtrack.ingest.batch import IngestReport
from tui.desk import SourceListing
from tui.screens.base import PagedScreen
from tui.widgets.desk_footer import DeskFooter
from tui.widgets.paged_table import PagedTable, page_size

WIDE = 110  # from this many columns the outlet and the date are shown too, and more of the story
SCROLLBAR = 2


def source_columns(width: int) -> list[tuple[str, str, int]]:
    """The columns (label, key, width) for a table *width* cells wide: the counts before the story (on an
    80-column terminal they stay on screen), the title taking what the others leave."""
    wide = width >= WIDE
    columns = [("id", "id", 5), ("title", "title", 0), ("claims", "claims", 6),
               ("contradictions", "contradictions", 14), ("story", "story", 20 if wide else 12)]
    if wide:
        columns += [("outlet", "outlet", 14), ("published", "published", 10)]
    title = max(16, width - sum(w + 2 for *_, w in columns) - SCROLLBAR - 2)  # 2: the table's own edge
    return [(label, key, title if key == "title" else w) for label, key, w in columns]


class SourcesScreen(PagedScreen):
    BINDINGS = [
        Binding("enter", "open_reader", "Read", tooltip="Open the article with its claims highlighted",
                id="sources.read"),
        Binding("slash", "focus_filter", "Filter", tooltip="Show only sources whose title, outlet or path match",
                id="sources.filter"),
        Binding("i", "focus_ingest", "Ingest", tooltip="Ingest a file or a folder (path below)",
                id="sources.ingest"),
        Binding("l", "ingest_log", "Ingest log", tooltip="What the last ingest added, skipped and why it failed",
                id="sources.ingest_log"),
        Binding("escape,down", "back_to_table", "Back", show=False,
                tooltip="From the filter or the ingest path back to the list"),
    ]

    @dataclass
    class Loaded(Message):
        """A page of sources read by the worker."""

        request: int
        rows: list[SourceListing]
        first_page: bool

    @dataclass
    class IngestProgress(Message):
        """One more document ingested (*location*), of *total*."""

        location: str
        done: int
        total: int

    @dataclass
    class IngestFinished(Message):
        path: str
        report: IngestReport

    def __init__(self) -> None:
        super().__init__(id="sources")
        self.title_filter = ""
        self.layout_width = 0
        self.widths: dict[str, int] = {}
        self.last_id: int | None = None
        self.last_ingest: SourcesScreen.IngestFinished | None = None  # for the log (`l`)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Input(placeholder="/ filter sources by title, outlet or path", id="source-filter")
        yield PagedTable(id="sources-table")
        with Horizontal(id="ingest-bar"):
            yield Label("ingest ", classes="bar-label")
            yield Input(placeholder="i · path to a file or folder (txt, md, html, jsonl)", id="ingest-path")
            with Vertical(id="ingest-status"):
                yield Label("", id="ingest-now", markup=False)
                yield ProgressBar(id="ingest-progress", show_eta=False)
        yield DeskFooter()

    def on_mount(self) -> None:
        self.sub_title = "Sources"
        table = self.query_one(PagedTable)
        self.lay_out_columns(self.size.width or self.app.size.width)
        self.query_one("#ingest-status").display = False
        table.focus()
        self.reload()

    def on_resize(self) -> None:
        if (self.size.width or self.app.size.width) != self.layout_width:
            self.lay_out_columns(self.size.width)
            self.reload()  # the rows again, cut to the new widths

    def lay_out_columns(self, width: int) -> None:
        """Fixed widths (a table measured as rows arrive could leave the title at its header's width), the
        title taking what the others leave."""
        self.layout_width = width
        columns = source_columns(width)
        self.widths = {key: column_width for _, key, column_width in columns}
        self.query_one(PagedTable).lay_out(columns, (), key=lambda row: row.source.id, cells=self.cells)

    def cells(self, row: SourceListing) -> tuple[str, ...]:
        title = _clip(row.source.title or row.source.location or "untitled", self.widths["title"])
        cells: tuple[str, ...] = (str(row.source.id), title, str(row.claims), str(row.contradictions),
                                  _clip(row.story or "", self.widths["story"]))
        if "outlet" in self.widths:
            cells += (_clip(row.source.outlet or "", self.widths["outlet"]), row.source.published or "")
        return cells

    def restart_paging(self) -> None:
        self.last_id = None

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def load_page(self, request: int, first_page: bool) -> None:
        rows = self.desk.sources(title=self.title_filter or None, after=None if first_page else self.last_id,
                                 limit=page_size(first_page))
        self.post_message(self.Loaded(request, rows, first_page))

    def on_sources_screen_loaded(self, message: Loaded) -> None:
        if message.request != self.request:
            return  # a page of an older reload (the filter changed since)
        self.query_one(PagedTable).fill_page(message.rows, message.first_page, key=lambda row: row.source.id,
                                             cells=self.cells)
        if message.rows:
            self.last_id = message.rows[-1].source.id

    def current_source_id(self) -> int | None:
        return self.query_one(PagedTable).current_key()

    def action_open_reader(self) -> None:
        from tui.screens.reader import ReaderScreen

        source_id = self.current_source_id()
        if source_id is not None:
            self.app.push_screen(ReaderScreen(source_id))

    @on(PagedTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_reader()

    def action_focus_filter(self) -> None:
        self.query_one("#source-filter", Input).focus()

    def action_focus_ingest(self) -> None:
        self.query_one("#ingest-path", Input).focus()

    def action_back_to_table(self) -> None:
        self.query_one(PagedTable).focus()

    @on(Input.Changed, "#source-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.title_filter = event.value.strip()
        self.reload()

    @on(Input.Submitted, "#source-filter")
    def filter_done(self, event: Input.Submitted) -> None:
        """Enter keeps the focus in the filter (keys typed next stay text): ↓ or Esc go to the list."""
        event.stop()

    # ------------------------------------------------------------------ ingesting

    @on(Input.Submitted, "#ingest-path")
    def ingest_submitted(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        if not path:
            return
        if not Path(path).expanduser().exists():
            self.notify(f"{path}: no such file or folder", title="Ingest", severity="error")
            return
        event.input.value = ""
        self.query_one("#ingest-status").display = True
        self.query_one("#ingest-now", Label).update(for_terminal(f"reading {path}"))
        self.query_one("#ingest-progress", ProgressBar).update(total=None, progress=0)
        self.query_one(PagedTable).focus()
        self.ingest(str(Path(path).expanduser()))

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def ingest(self, path: str) -> None:
        from claimtrack.ingest.readers import count_inputs

        total = count_inputs([path])
        done = 0

        def one_more(location: str) -> None:
            nonlocal done
            done += 1
            self.post_message(self.IngestProgress(location, done, total))

        self.post_message(self.IngestProgress("", 0, total))
        report = self.desk.ingest(path, on_document=one_more)
        self.post_message(self.IngestFinished(path, report))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An ingest that failed outright (the app shows the error): the progress bar goes away."""
        if event.worker.group == "ingest" and event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.query_one("#ingest-status").display = False

    def on_sources_screen_ingest_progress(self, message: IngestProgress) -> None:
        total = max(message.total, 1)
        self.query_one("#ingest-progress", ProgressBar).update(total=total, progress=message.done)
        where = Path(message.location).name if message.location else ""
        self.query_one("#ingest-now", Label).update(
            for_terminal(f"{message.done:,} / {message.total:,}" + (f" · {where}" if where else "")))

    def on_sources_screen_ingest_finished(self, message: IngestFinished) -> None:
        """One summary, however many documents: the details (each failure, skip and note) on `l`."""
        report = message.report
        self.last_ingest = message
        self.query_one("#ingest-status").display = False
        trouble = bool(report.failed or report.notes or report.skipped)
        self.notify(f"{len(report.added):,} added, {len(report.skipped):,} skipped, {len(report.failed):,} failed; "
                    f"{report.claims_stored:,} claims stored" + (" · l for the details" if trouble else "")
                    + (f"\nfirst failure: {report.failed[0]}" if report.failed else ""),
                    title=f"Ingested {Path(message.path).name}", severity="error" if report.failed else "information",
                    timeout=10 if trouble else 5)
        self.reload()

    def action_ingest_log(self) -> None:
        from tui.screens.ingest_log import IngestLogScreen

        if self.last_ingest is None:
            self.notify("nothing ingested from this desk yet: i to ingest a file or a folder", severity="warning")
            return
        self.app.push_screen(IngestLogScreen(self.last_ingest.path, self.last_ingest.report))
