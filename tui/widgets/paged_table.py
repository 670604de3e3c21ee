"""A DataTable that asks for the next page when the cursor nears its last loaded row.

Every text cell is shown through `for_terminal`: rows hold article words and people's names."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from claimtrack.display import for_terminal

FIRST_PAGE = 60  # enough to fill a tall terminal: the first screen shows sooner
PAGE = 200  # each later page, asked for as the cursor comes near the end


def page_size(first_page: bool) -> int:
    return FIRST_PAGE if first_page else PAGE


class PagedTable(DataTable[Any]):
    """Rows arrive a page at a time; `NeedMore` is posted when fewer than `margin` rows are left below."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", tooltip="Open the row under the cursor"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Next row"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Previous row"),
        Binding("g", "scroll_top", "Top", show=False, tooltip="First row"),
        Binding("G", "scroll_bottom", "Bottom", show=False, tooltip="Last loaded row"),
    ]

    @dataclass
    class NeedMore(Message):
        """The cursor is near the end of what is loaded."""

        table: PagedTable

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(self, *args: Any, margin: int = 40, **kwargs: Any) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(*args, **kwargs)
        self.margin = margin
        self.exhausted = False  # True when the last page came back short: nothing more to ask for
        self._asked = False

    def page_arrived(self, full_page: bool) -> None:
        self.exhausted = not full_page
        self._asked = False

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if not self.exhausted and not self._asked and self.row_count - new.row <= self.margin:
            self._asked = True
            self.post_message(self.NeedMore(self))

    def fill_page(self, rows: Iterable[Any], first_page: bool, *, key: Callable[[Any], int],
                  cells: Callable[[Any], tuple[Any, ...]]) -> int:
        """Show one page of rows: a first page replaces the table (the cursor keeps its place), a
        later page is appended, skipping rows already shown. Returns how many rows came."""
        keep = self.cursor_row if first_page else None
        if first_page:
            self.clear()
        count = 0
        for row in rows:
            count += 1
            row_key = str(key(row))
            if not first_page and row_key in self.rows:
                continue  # asked for twice
            self.add_row(*(for_terminal(cell) if isinstance(cell, str) else cell for cell in cells(row)),
                         key=row_key)
        self.page_arrived(count == page_size(first_page))
        if keep is not None and self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1))
        return count

    def lay_out(self, columns: Iterable[tuple[str, str, int]], rows: Iterable[Any], *, key: Callable[[Any], int],
                cells: Callable[[Any], tuple[Any, ...]]) -> None:
        """Columns (label, key, width) laid out afresh, with the rows already loaded shown again in them
        (a terminal's width changed): the cursor keeps its place, and no page more or less is asked for."""
        cursor, exhausted = self.cursor_row, self.exhausted
        self.clear(columns=True)
        for label, column_key, width in columns:
            self.add_column(label, key=column_key, width=width)
        kept = list(rows)
        if kept:
            self.fill_page(kept, True, key=key, cells=cells)
            self.exhausted = exhausted
            self.move_cursor(row=min(cursor, self.row_count - 1))

    def current_key(self) -> int | None:
        """The id in the row under the cursor (rows are keyed by the id they show)."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key is None else int(key)
