"""The claimtrack terminal UI: Sources, Claims, Contradictions and Speakers (keys 1-4), the Reader for
one article, annotation with undo/redo, exports from the command palette.

    make_app(db)   the app on a database (what tests and `claimtrack tui` use)
    run_app(db)    make it and run it in the terminal
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets import HelpPanel
from textual.worker import Worker, WorkerState

from claimtrack.display import for_terminal
from claimtrack.report_model import EVERYTHING, ReportFilter
from claimtrack.store.database import report_name
from tui.commands import ClaimtrackCommands
from tui.desk import Desk, StoreStamp
from tui.desk_calls import Answered, ChangeMade, NotDone, Turns, tell_failure
from tui.export import CONFIRMED_ONLY, EXPORT_FORMATS, ExportFormat, default_path, export_report
from tui.screens.base import DeskScreen
from tui.screens.claims import ClaimsScreen
from tui.screens.contradictions import ContradictionsScreen
from tui.screens.sources import SourcesScreen
from tui.screens.speakers import SpeakersScreen

Answer = TypeVar("Answer")


class ClaimtrackApp(App[None]):
    """Who asserted what, and where their claims collide: the fact-checker's desk in a terminal."""

    TITLE = "claimtrack"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ClaimtrackCommands}
    MODES = {
        "sources": SourcesScreen,
        "claims": ClaimsScreen,
        "contradictions": ContradictionsScreen,
        "speakers": SpeakersScreen,
    }
    DEFAULT_MODE = "sources"
    BINDINGS = [
        Binding("1", "switch_mode('sources')", "Sources", tooltip="Articles, counts and ingest", id="screen.sources"),
        Binding("2", "switch_mode('claims')", "Claims", tooltip="Every claim, filtered and searched",
                id="screen.claims"),
        Binding("3", "switch_mode('contradictions')", "Contradictions", tooltip="Claims that collide, side by side",
                id="screen.contradictions"),
        Binding("4", "switch_mode('speakers')", "Speakers", tooltip="Entities, aliases, merge and split",
                id="screen.speakers"),
        # No bare key changes stored work: a letter typed where a field was expected must do no harm.
        Binding("ctrl+z", "undo", "Undo", priority=True, tooltip="Take back your last change (says what it was)",
                id="edit.undo"),
        Binding("ctrl+y", "redo", "Redo", priority=True, show=False, tooltip="Apply again what was undone",
                id="edit.redo"),
        Binding("ctrl+r", "refresh_store", "Refresh", tooltip="Read the store again: see what others changed",
                id="refresh"),
        Binding("e", "export", "Export", tooltip="Write a report or an export to a file", id="export"),
        Binding("question_mark", "help", "Help", tooltip="Show or hide the keys that work here", id="help"),
        Binding("q", "quit", "Quit", tooltip="Leave claimtrack (every change is already saved)", id="quit"),
    ]

    @dataclass
    class ExportWritten(Message):
        path: Path
        label: str
        warnings: list[str]

    OTHERS_CHECK_S = 15  # how often to look for changes made by others on a shared database

    def __init__(self, desk: Desk, *, export_folder: Path | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.export_folder = export_folder
        self.title = for_terminal(f"claimtrack · {desk.place}")
        self.seen_stamp: StoreStamp | None = None  # the store as last shown (see `watch_for_others`)
        self.seen_generation = -1
        self.turns = Turns()  # what the person asked of the desk, in the order asked (see tui.desk_calls)

    def notify(self, message: str, *, title: str = "", **how: Any) -> None:
        """Every notification (screens and widgets notify through the app) may name a file or hold
        stored words: shown through for_terminal."""
        super().notify(for_terminal(message), title=for_terminal(title), **how)

    def on_mount(self) -> None:
        self.watch_for_others()
        self.set_interval(self.OTHERS_CHECK_S, self.watch_for_others)

    # ------------------------------------------------------------------ others on the same store

    @work(thread=True, exclusive=True, group="others", exit_on_error=False)
    def watch_for_others(self) -> None:
        """Tell the person when the store changed without them (a colleague on a shared database)."""
        busy = self.desk.own_work > 0
        stamp, generation = self.desk.store_stamp(), self.desk.generation
        self.call_from_thread(self.compare_stamp, stamp, generation, busy)

    def compare_stamp(self, stamp: StoreStamp, generation: int, busy: bool = False) -> None:
        others = False
        busy = busy or self.desk.own_work > 0  # this desk's own ingest under way: its rows are no news
        if self.seen_stamp is not None and not busy:
            contents, others_newest = stamp
            seen_contents, seen_others = self.seen_stamp
            # After this desk's own changes, only revisions by others tell; otherwise any change does.
            others = others_newest != seen_others or (generation == self.seen_generation and contents != seen_contents)
        self.seen_stamp, self.seen_generation = stamp, generation
        if others:
            self.notify("Someone else changed the store: Ctrl+R shows their work.", title="New work by others",
                        timeout=10)

    # ------------------------------------------------------------------ what the person asks of the desk

    def change(self, edit: Callable[[], str | None], *, title: str = "") -> None:
        """Make a change in turn, in a worker: its sentence, or why it was refused, comes back as a
        notification, and the screen in front reads the store again."""
        self._in_turn(edit, lambda sentence: self.post_message(ChangeMade(title, sentence)), title=title)

    def ask(self, question: Callable[[], Answer], then: Callable[[Answer], None], *, asker: MessagePump,
            title: str = "") -> None:
        """Read in turn, in a worker (after the person's changes asked for before): *then* takes the answer
        on the UI thread, in *asker*."""
        self._in_turn(question, lambda answer: asker.post_message(Answered(answer, then)), title=title)

    def _in_turn(self, call: Callable[[], Answer], done: Callable[[Answer], object], *, title: str) -> None:
        def in_turn() -> None:
            try:
                outcome = call()
            except Exception as error:  # every failure is told (never a traceback), and the next call runs
                self.post_message(NotDone(title, error))
            else:
                done(outcome)

        self.turns.hand_in(in_turn)
        self.run_worker(self.turns.work_through, name="desk call", group="desk", thread=True, exit_on_error=False)

    def on_change_made(self, message: ChangeMade) -> None:
        if message.sentence:
            self.notify(message.sentence, title=message.title)
        self.store_changed()

    def on_not_done(self, message: NotDone) -> None:
        tell_failure(self, message.error, title=message.title)

    # ------------------------------------------------------------------ after a change

    def store_changed(self) -> None:
        """The store changed: the screen in front reads its data again (the others when they come back)."""
        if isinstance(self.screen, DeskScreen):
            self.screen.reload()

    def refresh_from_store(self) -> None:
        """Read everything again (others on a shared database may have changed it)."""
        self.desk.refreshed()
        self.store_changed()
        self.watch_for_others()  # what is shown now is the store as it is

    def action_refresh_store(self) -> None:
        self.refresh_from_store()
        self.notify("read the store again", title="Refresh", timeout=2)

    def action_undo(self) -> None:
        self.take_back(redo=False)

    def action_redo(self) -> None:
        self.take_back(redo=True)

    def take_back(self, *, redo: bool) -> None:
        """Undo (or redo) the last change; one that changes many rows (a merge, a move) is asked about
        first. Counted and done in one turn, so a second Ctrl+Z pressed meanwhile counts its own change."""
        desk, word = self.desk, "Redo" if redo else "Undo"
        act = desk.redo if redo else desk.undo

        def confirm(rows: int) -> None:
            from tui.screens.choice import ChoiceScreen

            def chosen(yes: bool | None) -> None:
                if yes:
                    self.change(act, title=word)

            self.push_screen(ChoiceScreen(f"{word} your last change? It changes {rows} rows.",
                                          [("no, keep things as they are", False), (f"yes: {word.lower()} it", True)]),
                             chosen)

        def one_row_or_ask() -> str | None:
            rows = desk.rows_of_next(redo=redo)
            if rows > 1:
                self.call_from_thread(confirm, rows)
                return None
            return act()

        self.change(one_row_or_ask, title=word)

    async def action_switch_mode(self, mode: str) -> None:
        """1-4 always show their list: a Reader (or any screen) opened from it is closed, never resumed,
        so that keys pressed next land on the list the person expects."""
        await self.show_list(mode)

    async def show_list(self, mode: str) -> None:
        if self.current_mode != mode:
            await self.switch_mode(mode)
        while len(self.screen_stack) > 1 and isinstance(self.screen, DeskScreen):
            await self.pop_screen()

    async def show_claims_of(self, speaker: str) -> None:
        await self.show_list("claims")
        if isinstance(self.screen, ClaimsScreen):
            self.screen.filter_by_speaker(speaker)

    # ------------------------------------------------------------------ help

    def action_help(self) -> None:
        if self.screen.query(HelpPanel):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    # ------------------------------------------------------------------ export

    def action_export(self) -> None:
        from tui.screens.choice import ChoiceScreen

        def chosen(fmt: ExportFormat | None) -> None:
            if fmt is not None:
                self.ask_export_path(fmt)

        self.push_screen(ChoiceScreen("Export", [(f"export: {f.label}", f) for f in EXPORT_FORMATS]), chosen)

    def ask_export_path(self, fmt: ExportFormat) -> None:
        """What to export: what the screen in front shows (its filters), the confirmed contradictions
        only, or everything; then where (a new name each time; an existing file is replaced only when
        the person says so)."""
        from tui.screens.choice import ChoiceScreen

        shown, words = (self.screen.export_selection() if isinstance(self.screen, DeskScreen)
                        else (EVERYTHING, "everything"))
        options: list[tuple[str, ReportFilter]] = [(f"what this screen shows: {words}", shown)]
        options += [(label, selection) for label, selection in (
            ("confirmed contradictions only", CONFIRMED_ONLY), ("everything in the store", EVERYTHING))
            if selection != shown]

        def chosen(selection: ReportFilter | None) -> None:
            if selection is not None:
                self.ask_export_file(fmt, selection, default_path(fmt, self.export_folder, store=self.desk.place))

        self.push_screen(ChoiceScreen(f"export: {fmt.label} — of what?", options), chosen)

    def ask_export_file(self, fmt: ExportFormat, selection: ReportFilter, proposed: Path) -> None:
        from tui.screens.choice import ChoiceScreen
        from tui.screens.prompt import TextPromptScreen

        def chosen(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            if not path.exists():
                self.export(fmt, path, selection)
                return

            def replace(yes: bool | None) -> None:
                if yes:
                    self.export(fmt, path, selection)
                elif yes is not None:
                    self.ask_export_file(fmt, selection, path)

            self.push_screen(ChoiceScreen(f"{path} exists", [("keep it: choose another name", False),
                                                              ("replace it", True)]), replace)

        self.push_screen(TextPromptScreen(f"export: {fmt.label} — write to", value=str(proposed)), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(self, fmt: ExportFormat, path: Path, selection: ReportFilter = EVERYTHING) -> None:
        written, warnings = export_report(self.desk.engine, fmt, path, database=report_name(self.desk.database),
                                          selection=selection)
        self.post_message(self.ExportWritten(written, fmt.label, warnings))

    def on_claimtrack_app_export_written(self, message: ExportWritten) -> None:
        self.notify(str(message.path), title=f"{message.label} written")
        for warning in message.warnings:
            self.notify(warning, title="Export", severity="warning", timeout=10)

    # ------------------------------------------------------------------ errors from workers

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(f"{error}" if error else "something went wrong", title="Not done", severity="error",
                        timeout=10)


def make_app(db: str, *, author: str | None = None, export_folder: Path | None = None) -> ClaimtrackApp:
    """The app on the database at *db* (a path or URL), annotating as *author* (default: the configured one)."""
    return ClaimtrackApp(Desk.open(db, author=author), export_folder=export_folder)


def run_app(db: str, *, author: str | None = None) -> None:
    """Run the UI in this terminal until the person quits."""
    make_app(db, author=author).run()
