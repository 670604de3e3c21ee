"""Reading one line of JSON from a file nobody vouches for (an article batch, an annotations file, gold).

`json.loads` fails in three ways on hostile lines, not all of them `JSONDecodeError`: a syntax error,
nesting deeper than Python's recursion limit (`RecursionError`), and an integer of more than 4,300
digits (a plain `ValueError`). `parse_line` turns each into `UnreadableLine` with the reason in words,
so every reader can make it that line's one-line error.
"""
from __future__ import annotations

import json
from typing import Any


def unstorable_character(value: str) -> str | None:
    """The first character of *value* no database stores as text: NUL (PostgreSQL refuses it) or a
    lone surrogate (from a \\ud800 escape: not text at all); None when there is none."""
    if "\x00" in value:
        return "\x00"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return value[exc.start]
    return None


class UnreadableLine(ValueError):
    """The line is not JSON Python can read; str() is the reason in a few words."""


def parse_line(line: str) -> Any:
    """The JSON value of *line*, or `UnreadableLine` saying why not."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnreadableLine(f"{exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise UnreadableLine("nested too deeply") from None
    except ValueError:  # Python refuses integers of over 4,300 digits
        raise UnreadableLine("a number too long to read (over 4,300 digits)") from None
