"""Tables on a narrow terminal keep the words people need (a source's title, a claim's text): the short
facts beside them are cut first, and no line is wider than the terminal."""
from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from claimtrack.cli.output import emit

SOURCES = ["id", "title", "outlet", "published", "claims", "contradictions", "location"]
TITLE = "US warns of large Serbian military build-up near Kosovo"
ROWS = [
    {"id": 1, "title": TITLE, "outlet": "Reuters World News", "published": "2023-09-29", "claims": 19,
     "contradictions": 9, "location": "/work/desk/articles/serbia-kosovo-build-up-2023-09-29.txt"},
    {"id": 1234, "title": "Turnout", "outlet": None, "published": "2023-09-29T10:00:00+00:00", "claims": 123456,
     "contradictions": 9999, "location": "https://example.com/a/very/long/path/to/the/article"},
]


def shown(rows, columns, width: int, wide) -> list[str]:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    emit(console, rows, columns, "table", title="Table", wide=wide)
    return console.file.getvalue().splitlines()


def column_text(lines: list[str], index: int) -> str:
    """The words of one column (0-based, between the table's │ rules), its cells' lines joined."""
    cells = [line.split("│")[index + 1].strip() for line in lines if line.startswith("│")]
    return " ".join(cell for cell in cells if cell)


@pytest.mark.parametrize("width", [80, 72, 100, 120])
def test_the_title_stays_whole_at_80_columns(width):
    lines = shown(ROWS, SOURCES, width, ("title",))
    assert max(cell_len(line) for line in lines) <= width
    header = next(line for line in lines if line.startswith("┃"))
    assert [cell.strip() for cell in header.split("┃")[1:-1]][:2] == ["id", "title"]
    assert TITLE in column_text(lines, 1)  # every word of the title, wrapped but never cut
    assert "Turnout" in column_text(lines, 1)
    assert column_text(lines, 0).split() == ["1", "1234"]  # ids are short: never cut either


def test_at_80_columns_the_short_facts_are_cut_not_dropped():
    lines = shown(ROWS, SOURCES, 80, ("title",))
    header = [cell.strip() for cell in next(line for line in lines if line.startswith("┃")).split("┃")[1:-1]]
    assert len(header) == len(SOURCES) and all(header)  # every column keeps some room
    assert "…" in column_text(lines, 6)  # the long location is cut with an ellipsis


def test_several_wide_columns_share_a_narrow_terminal():
    rows = [{"id": 3, "kind": "contradicts", "score": "0.91", "status": "suggested",
             "a": "John Kirby: we are monitoring a large Serbian military deployment along the border",
             "b": "Aleksandar Vucic: Serbia does not want war and will not send troops",
             "reason": "same topic (troops, border), opposite stances (asserts vs denies)"}]
    columns = ["id", "kind", "score", "status", "a", "b", "reason"]
    lines = shown(rows, columns, 80, ("a", "b", "reason"))
    assert max(cell_len(line) for line in lines) <= 80
    assert column_text(lines, 4) == rows[0]["a"] and column_text(lines, 5) == rows[0]["b"]
