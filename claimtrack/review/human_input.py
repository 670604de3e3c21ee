"""What people type, checked before it is stored: names (authors, speakers) and free text (verdicts,
explanations, notes).

Rules:
- A name (--author, $CLAIMTRACK_AUTHOR, the configuration's author, a speaker a person creates or
  moves an alias to) is one line of visible text: spaces around it are dropped; empty or
  only-space names, control characters (newlines and tabs included), line separators and bidi
  controls are refused, and so are names over NAME_MAX characters. Joiners (U+200C/U+200D) stay:
  Persian and Indic names need them.
- Free text may hold several lines; it is refused over its limit (VERDICT_MAX, EXPLANATION_MAX,
  NOTE_MAX), so a 20 MB verdict never reaches the store.
- A row's number (a claim or source id typed in the TUI) is ASCII digits from 1 to MAX_ROW_ID, the
  largest id both backends hold (PostgreSQL's integer column); anything else is no number.
Every refusal is a `ClaimtrackError` of one line naming what was refused and why.

Nothing here touches the database (so no session, no transaction: see claimtrack.review).
"""
from __future__ import annotations

import unicodedata

from claimtrack.display import BIDI_CONTROLS, one_line
from claimtrack.errors import ClaimtrackError

NAME_MAX = 200
VERDICT_MAX = 200  # "False", "Misleading", "Half true, see explanation": a verdict is a few words
EXPLANATION_MAX = 20_000
NOTE_MAX = 20_000
MAX_ROW_ID = 2**31 - 1  # PostgreSQL's integer: a store must copy there, so no id is larger
SHOWN = 40  # characters of a refused value quoted in the error

_BIDI = frozenset(chr(code) for code in BIDI_CONTROLS)


def _shown(value: str) -> str:
    clipped = value if len(value) <= SHOWN else value[:SHOWN] + "…"
    return f"“{one_line(clipped)}”"


def _unfit_for_a_name(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI


def checked_name(value: str, what: str) -> str:
    """*value* as a name may be stored (stripped), or a one-line error naming *what* it is for."""
    name = value.strip()
    if not name:
        raise ClaimtrackError(f"{what}: empty; give a name")
    bad = next((char for char in name if _unfit_for_a_name(char)), None)
    if bad is not None:
        raise ClaimtrackError(f"{what} {_shown(name)}: holds a control character ({one_line(bad)}); "
                              "a name is one line of visible text")
    if len(name) > NAME_MAX:
        raise ClaimtrackError(f"{what} {_shown(name)}: too long ({len(name):,} characters; at most {NAME_MAX:,})")
    return name


def checked_text(value: str | None, what: str, limit: int) -> str | None:
    """*value* unchanged when it is at most *limit* characters long, else a one-line error."""
    if value is not None and len(value) > limit:
        raise ClaimtrackError(f"{what}: too long ({len(value):,} characters; at most {limit:,})")
    return value


def row_number(text: str) -> int | None:
    """*text* as a row's id (1 to MAX_ROW_ID), or None: not str.isdigit(), which takes "²" and "٣"."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_ROW_ID)):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ROW_ID else None
