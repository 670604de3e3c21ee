"""Direct-quotation segmentation: a stack-free scanner over double quotation marks.

Straight marks get a direction from their neighbours; curly marks keep theirs unless the context
plainly contradicts it. Single marks are inner quotes or apostrophes and are left inside.
An unclosed quotation is continued by a following paragraph that opens with a mark of the same
kind (the news convention for long quotes), or else closed at its paragraph's end: a stray
straight mark never swallows the next paragraph's curly quotation. Nothing here raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.engine import lexicon as lx
from claimtrack.engine.text import SPEECH_VERBS, Paragraph

OPEN, CLOSE, EITHER = 1, 2, 3
DOUBLE_MARK = re.compile(r"'''|''|``|[\"“”„«»]")  # ''' = an inner and an outer close
SINGLE_MARK = re.compile(r"[‘’']")
LOWER_WORD = re.compile(r"[a-z]+")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Quote:
    pieces: tuple[tuple[int, int], ...]  # one (start, end) per paragraph, marks included
    unclosed: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _direction(text: str, i: int, j: int) -> int:
    mark = text[i:j]
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    space_before = before.isspace() or before in "([{—–-/:"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if mark == "'" * 3:
        return CLOSE
    if mark in ("“", "„", "«", "``"):
        return CLOSE if (space_after and not space_before) else OPEN
    if mark in ("”", "»"):
        return OPEN if (space_before and not space_after) else CLOSE
    if space_before and not space_after:
        return OPEN
    if space_after and not space_before:
        return CLOSE
    return EITHER


def _single_direction(text: str, i: int, j: int) -> int | None:
    """Single marks as primary quotation marks (British style); None for apostrophes."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None  # don't, Kosovo's
    opens = (before.isspace() or before in "([{—–-:") and (after.isalnum() or after in "\"“…")
    closes = (not before.isspace()) and (after.isspace() or after in ".,;:!?)]}—–-\"”")
    if opens and not closes:
        return OPEN
    if closes and not opens:
        if before in "sS" and text[i] in "'’":
            return EITHER  # "the players’ union" or the end of a quote ending in s
        return CLOSE
    return None


def find_quotes(text: str, paras: list[Paragraph]) -> list[Quote]:
    if DOUBLE_MARK.search(text):
        marks_by_para = [
            [(m.start(), m.end(), _direction(text, m.start(), m.end()))
             for m in DOUBLE_MARK.finditer(text, p.start, p.end)]
            for p in paras
        ]
    else:
        # No double marks anywhere: the article quotes with single marks ('...', ‘...’).
        marks_by_para = []
        for p in paras:
            marks = []
            for m in SINGLE_MARK.finditer(text, p.start, p.end):
                d = _single_direction(text, m.start(), m.end())
                if d is not None:
                    marks.append((m.start(), m.end(), d))
            marks_by_para.append(_pair_singles(marks))
    return _scan(text, paras, marks_by_para)


def _pair_singles(marks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Keep a possessive-looking closer only when an opener is waiting for it."""
    out = []
    waiting = False
    clear_ahead = _clear_closers_ahead(marks)
    for n, (s, e, d) in enumerate(marks):
        if d == OPEN:
            waiting = True
            out.append((s, e, d))
        elif waiting:
            if d == EITHER and clear_ahead[n + 1]:
                continue  # "‘The players’ union has made its case.’"
            out.append((s, e, CLOSE))
            waiting = False
        # a closer with no opener waiting is an apostrophe
    return out


def _clear_closers_ahead(marks: list[tuple[int, int, int]]) -> list[bool]:
    """For each n: does a clear closer come from marks[n] on before any opener? (One pass from the
    end, not a scan per possessive-looking mark: a line of "Jones’ Jones’ ..." would be quadratic.)"""
    ahead = [False] * (len(marks) + 1)
    for n in range(len(marks) - 1, -1, -1):
        d = marks[n][2]
        ahead[n] = d == CLOSE or (d == EITHER and ahead[n + 1])
    return ahead


def _family(mark: str) -> str:
    """The kind of a mark: straight, curly, guillemet or TeX-style, double or single."""
    if mark[:2] in ("``", "''"):
        return "tex"
    return {"\"": "straight", "“": "curly", "”": "curly", "„": "curly", "«": "guillemet", "»": "guillemet",
            "'": "straight single", "‘": "curly single", "’": "curly single"}.get(mark[:1], mark[:1])


def _scan(text: str, paras: list[Paragraph], marks_by_para: list[list[tuple[int, int, int]]]) -> list[Quote]:
    quotes: list[Quote] = []
    pieces: list[tuple[int, int]] = []  # finished pieces of a quote running over paragraphs
    open_at: int | None = None
    open_mark = ""  # the mark that opened the quotation running over paragraphs
    skip_first = False
    for pi, para in enumerate(paras):
        marks = marks_by_para[pi]
        if skip_first:
            marks = marks[1:]
            skip_first = False
        for s, e, d in marks:
            if open_at is None:
                if d != CLOSE:
                    open_at = s
                    open_mark = text[s:e]
            elif d != OPEN:
                pieces.append((open_at, e))
                quotes.append(Quote(tuple(pieces)))
                pieces, open_at = [], None
            else:
                # Two openers in a row: the first mark was stray; restart here.
                if pieces:
                    quotes.append(Quote(tuple(pieces), unclosed=True))
                    pieces = []
                open_at = s
                open_mark = text[s:e]
        if open_at is None:
            continue
        piece = (open_at, para.end)
        nxt = paras[pi + 1] if pi + 1 < len(paras) else None
        nxt_marks = marks_by_para[pi + 1] if nxt else []
        if nxt and nxt_marks and nxt_marks[0][0] == nxt.start and nxt_marks[0][2] != CLOSE \
                and _family(text[nxt_marks[0][0]:nxt_marks[0][1]]) == _family(open_mark) \
                and not _separately_attributed(text, para, open_at, nxt, nxt_marks):
            pieces.append(piece)
            open_at = nxt.start
            skip_first = True
        else:
            pieces.append(piece)
            quotes.append(Quote(tuple(pieces), unclosed=True))
            pieces, open_at = [], None
    return quotes


def _separately_attributed(text: str, para: Paragraph, open_at: int, nxt: Paragraph,
                           nxt_marks: list[tuple[int, int, int]]) -> bool:
    """'The mayor said "we will fix it.' + '"It is too small," Ann Lee said.': each paragraph
    attributes its own quotation, so the unclosed mark was stray; a quotation running over
    paragraphs is attributed once."""
    if len(nxt_marks) < 2 or nxt_marks[1][2] == OPEN:
        return False
    after = LOWER_WORD.findall(text[nxt_marks[1][1]:min(nxt.end, nxt_marks[1][1] + 60)].lower())[:4]
    if not any(w in SPEECH_VERBS for w in after):
        return False  # '"...," Ann Lee said': the second paragraph's quotation has its own speaker
    return any(w in SPEECH_VERBS for w in LOWER_WORD.findall(text[para.start:open_at].lower()))


MARK_CHARS = "\"“”„«»‘’'`"


def interior(text: str, start: int, end: int) -> tuple[int, int]:
    """The span inside the marks of one piece (one opening and one closing mark stripped)."""
    s, e = start, end
    if text.startswith(("''", "``"), s):
        s += 2
    elif s < e and text[s] in MARK_CHARS:
        s += 1
    if e - s >= 2 and text[e - 2:e] == "''":
        e -= 2
    elif e > s and text[e - 1] in MARK_CHARS:
        e -= 1
    return s, e


def word_count(text: str, quote: Quote) -> int:
    return sum(len(WORD.findall(text, *interior(text, a, b))) for a, b in quote.pieces)


def looks_like_title(text: str, quote: Quote) -> bool:
    """A title of a work or a name in marks: every word capitalised ("Summer in Paris")."""
    words = [w for a, b in quote.pieces for w in WORD.findall(text, *interior(text, a, b))]
    return bool(words) and all(w[0].isupper() or w in lx.TITLE_SMALL_WORDS for w in words) and len(words) <= 8


def mask(text: str, quotes: list[Quote]) -> str:
    """The text with quotation contents replaced by underscores (same length, same offsets)."""
    chars = list(text)
    for q in quotes:
        for a, b in q.pieces:
            s, e = interior(text, a, b)
            for k in range(s, e):
                if chars[k] not in "\r\n":
                    chars[k] = "_"
    return "".join(chars)
