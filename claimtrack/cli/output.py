"""Rendering rows for the terminal: rich tables, or JSON and CSV (written by claimtrack.reports.writers).

Tables are for people: every cell is shown through `for_terminal` (see claimtrack.display). JSON
and CSV stay faithful to the data; JSON writes the controls a terminal would obey as \\u escapes
(the same string to any JSON reader), CSV is made harmless only when it goes to a terminal.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimtrack.display import for_terminal, to_stream
from claimtrack.reports.writers import to_csv, to_json

WIDE_MIN = 20  # a wide column's width when the terminal allows it: room for a few words a line
SHORT_MAX = 22  # a short column's widest


def to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None,
             wide: Sequence[str] = (), width: int | None = None) -> Table:
    """*rows* as a table; *wide* columns hold the words themselves (wrapped, never cut), the others short
    facts (one line, cut with an ellipsis). With *width* (the terminal's) the short columns are cut first,
    so that the wide ones keep their room on a narrow terminal."""
    table = Table(title=for_terminal(title) if title else None, show_lines=False, header_style="bold")
    # Widths are measured on what is shown: controls from articles as visible escapes.
    cells = [["" if row.get(c) is None else for_terminal(str(row.get(c))) for c in columns] for row in rows]
    short_widths = _short_widths(cells, columns, wide, width)
    for place, column in enumerate(columns):
        if column in wide:  # the words themselves: wrap, never cut
            table.add_column(column, overflow="fold", ratio=1, min_width=WIDE_MIN)
        else:  # short facts: one line, cut with an ellipsis when long
            table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=short_widths[place],
                             min_width=min(len(column), 6, short_widths[place]))
    for row in cells:
        # Text, not str: words from articles are never read as rich markup ("[bold]" stays as typed).
        table.add_row(*(Text(value) for value in row))
    return table


def _short_widths(cells: list[list[str]], columns: Sequence[str], wide: Sequence[str],
                  width: int | None) -> list[int]:
    """Each short column's widest (its content's, at most SHORT_MAX); when the table would not fit in
    *width*, the short columns with most to spare give up room, one cell at a time, down to a few
    cells each, until the wide columns have theirs."""
    # Wide columns (an article's words) are never measured: their width is rich's to give.
    natural = [0 if column in wide else
               min(SHORT_MAX, max([cell_len(column)] + [max(map(cell_len, row[place].splitlines() or [""]))
                                                        for row in cells]))
               for place, column in enumerate(columns)]
    if width is None:
        return natural
    floors = [min(natural[place], 4) for place in range(len(columns))]
    short = [place for place, column in enumerate(columns) if column not in wide]
    rules = 3 * len(columns) + 1  # a cell's padding and rule each side, and the table's left edge
    wide_room = sum(WIDE_MIN for column in columns if column in wide)
    widths = list(natural)
    excess = sum(widths[place] for place in short) + wide_room + rules - width
    while excess > 0:
        place = max(short, key=lambda k: widths[k] - floors[k], default=None)
        if place is None or widths[place] <= floors[place]:
            break  # a terminal too narrow for any table: rich squeezes what is left
        widths[place] -= 1
        excess -= 1
    return widths


def emit(console: Console, rows: list[dict[str, Any]], columns: Sequence[str], fmt: str, *,
         title: str | None = None, wide: Sequence[str] = ()) -> None:
    if fmt == "json":
        console.file.write(to_json(rows) + "\n")
    elif fmt == "csv":
        to_stream(console.file, to_csv(rows, columns))
    else:
        if not rows:
            console.print(f"[dim]No {title.lower() if title else 'rows'} match.[/dim]")
            return
        console.print(to_table(rows, columns, title=title, wide=wide, width=console.width))
