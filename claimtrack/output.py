"""Rendering rows for the terminal: rich tables, JSON and CSV (with spreadsheet-injection guard)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise a CSV cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    # CRLF as RFC 4180 says: with "\n" the csv module would not quote a cell holding a lone "\r".
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(row.get(key)) for key in columns})
    return buffer.getvalue()


def to_json(rows: Any) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str)


def to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None,
             wide: Sequence[str] = ()) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        if column in wide:  # the words themselves: wrap, never cut
            table.add_column(column, overflow="fold", ratio=1, min_width=20)
        else:  # short facts: one line, cut with an ellipsis when long
            table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=22, min_width=min(len(column), 6))
    for row in rows:
        # Text, not str: words from articles are never read as rich markup ("[bold]" stays as typed).
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in columns))
    return table


def emit(console: Console, rows: list[dict[str, Any]], columns: Sequence[str], fmt: str, *,
         title: str | None = None, wide: Sequence[str] = ()) -> None:
    if fmt == "json":
        console.file.write(to_json(rows) + "\n")
    elif fmt == "csv":
        console.file.write(to_csv(rows, columns))
    else:
        if not rows:
            console.print(f"[dim]No {title.lower() if title else 'rows'} match.[/dim]")
            return
        console.print(to_table(rows, columns, title=title, wide=wide))
