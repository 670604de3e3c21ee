"""Text shown on a terminal: article words, titles, file names, names and notes made harmless.

Stored and typed text is shown as it is, except the characters a terminal would obey rather than
show. An article could otherwise clear the screen (ESC [2J), set the window title (OSC 0), plant a
link (OSC 8), or with a bidi override make a quote read differently from what is stored. Rules:

- C0 controls (except newline and tab), DEL and C1 controls become visible escapes: ``\\x1b``,
  ``\\x7f``, ``\\x9b``; bidi controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) become
  ``\\u202e`` and the like. Everything else, backslashes included, is shown as it is.
- `for_terminal` is for everything a person reads: tables, `show`, messages, errors, the TUI;
  `one_line` also escapes newlines and tabs, for a value quoted inside a one-line message;
  `clip` puts a text on one line and cuts it to a column's width.
  Where offsets into the text must stay true (the TUI's article view, which selects words by
  offset), `same_length` shows each such character as one visible stand-in instead.
- Machine formats (JSON, CSV, Markdown, JSONL) stay faithful; `to_stream` makes them harmless
  only when they go to a terminal, where a person reads them (see claimtrack.cli.output).
- `TerminalConsole` is the CLI's rich Console: it escapes whatever text it renders, a last guard
  behind the explicit calls (which come first so that table widths are measured on what is shown).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
UNSHOWN = (*(c for c in range(0x20) if c not in (0x09, 0x0A)), 0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _stand_in(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC, ␍ for CR
    return "\u2421" if code == 0x7F else "\ufffd"  # ␡ for DEL; C1 and bidi controls have no picture


ESCAPES = {code: _escape(code) for code in UNSHOWN}
ONE_LINE = {**ESCAPES, 0x09: "\\t", 0x0A: "\\n"}
STAND_INS = {code: _stand_in(code) for code in UNSHOWN}
_FIND = frozenset(chr(code) for code in UNSHOWN)


def needs_escaping(text: str) -> bool:
    return not _FIND.isdisjoint(text)


def for_terminal(text: object) -> str:
    """*text* (any value, as str) with every control a terminal would obey shown as an escape."""
    text = "" if text is None else str(text)
    return text.translate(ESCAPES) if needs_escaping(text) else text


def one_line(text: object) -> str:
    """`for_terminal`, with newlines and tabs shown as \\n and \\t too: a value quoted in a one-line message."""
    return ("" if text is None else str(text)).translate(ONE_LINE)


def same_length(text: str) -> str:
    """*text* with every such control shown as one visible character, so offsets stay true."""
    return text.translate(STAND_INS) if needs_escaping(text) else text


def clip(text: str | None, width: int, *, escaped: bool = False) -> str:
    """*text* on one line (each run of whitespace one space), cut to *width* characters with an ellipsis;
    "—" when there is no text at all. *escaped*: shown through `for_terminal` before it is cut, so that
    the width is measured on what a person sees."""
    if text is None:
        return "—"
    text = " ".join(text.split())
    if escaped:
        text = for_terminal(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def to_stream(stream: IO[str], text: str) -> None:
    """Write machine-readable *text* as it is, or harmless when *stream* is a terminal."""
    isatty = getattr(stream, "isatty", None)
    stream.write(for_terminal(text) if isatty is not None and isatty() else text)


class TerminalConsole(Console):
    """A rich Console that never passes a control character from the text it shows to the terminal
    (its own styling and cursor moves are added after this, and are untouched)."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and needs_escaping(segment.text):
                segment = Segment(segment.text.translate(ESCAPES), segment.style)
            yield segment
