"""Paragraphs, sentences and tokens, all as offsets into the untouched article text.

Quote contents are masked before sentence splitting, so a full stop inside a quotation never
ends a sentence and a quotation running over several sentences stays in one.

Invisible characters (zero-width spaces and joiners, word joiners, byte-order marks, soft hyphens)
are taken out before anything is read, so "Kir\u200bby" is the name Kirby; `Invisibles` maps the
offsets found in the cleaned text back to the text as given.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from claimtrack.engine.lexicon import ABBREVIATIONS, BOILERPLATE_LINE, BOILERPLATE_MAX_WORDS, CAPTION_MARKERS
from claimtrack.engine.lexicon import SPEECH_VERBS as SPEECH_VERBS  # quotes.py imports it from here

WORD = re.compile(r"[^\W_]+(?:[’'.\-&][^\W_]+)*[’']?")
TERMINAL = ".!?"
SIGNED_QUOTE = re.compile(r"[\"”»]\s*[-—–―]+\s*[A-Z]")  # '"..." ― Dev Patel' is not a headline
# A sentence ending inside the line ("... said the man. And ..."): a lower-case word, a full stop,
# a space and a capital or an opening mark. Such a line is prose, whatever its last character is
# (a quotation left open at the end of a paragraph must not turn it into a "headline").
INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"”’']?\s+[\"“‘'(]?[A-Z]")
CLOSERS = "\"”’')]»"


# Characters that show nothing and join or split nothing a reader sees; an article (or a hostile one)
# may put them inside a name, where they would end the word.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


class Invisibles:
    """The text without its invisible characters, and the way back to the offsets of the text given."""

    def __init__(self, text: str) -> None:
        removed = [m.start() for m in INVISIBLE.finditer(text)]
        self.text = INVISIBLE.sub("", text) if removed else text
        # The k-th removed character stood just before cleaned offset removed[k] - k.
        self._before = [p - k for k, p in enumerate(removed)]

    def start(self, i: int) -> int:
        """The offset given for cleaned offset *i* (a start: the character itself)."""
        return i + bisect.bisect_right(self._before, i) if self._before else i

    def end(self, i: int) -> int:
        """The offset given for cleaned offset *i* (an end: just after the character before it)."""
        return self.start(i - 1) + 1 if self._before and i > 0 else i


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    skip: bool  # headline, caption, byline or other boilerplate: no claims from it


class Token(NamedTuple):
    kind: str  # "w" word, "p" punctuation, "q" a quotation piece (marks included)
    start: int
    end: int
    text: str
    quote: int = -1  # index of the Quote for "q" tokens
    low: str = ""  # lower-cased text (precomputed: the rules read it constantly)
    capitalised: bool = False  # a word starting with a capital


def make_token(kind: str, start: int, end: int, text: str, quote: int = -1) -> Token:
    return Token(kind, start, end, text, quote, text.lower(), kind == "w" and text[:1].isupper())


@dataclass(frozen=True, slots=True)
class Sentence:
    paragraph: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """One paragraph per non-blank line; headline, captions and boilerplate lines are marked skip."""
    out: list[Paragraph] = []
    pos = 0
    first = True
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            end = pos + len(body.rstrip())
            out.append(Paragraph(len(out), start, end, _is_boilerplate(stripped, first)))
            first = False
        pos += len(line)
    return out


def _is_boilerplate(line: str, first: bool) -> bool:
    words = line.split()
    if (len(words) <= BOILERPLATE_MAX_WORDS and BOILERPLATE_LINE.match(line)) or _caption(line):
        return True
    if first and len(words) <= 25 and (
        _title_case(words) or (line[-1] not in TERMINAL + CLOSERS and not _inner_sentence_end(line))
    ):
        return True  # the headline (a first line that reads as a sentence is kept as the lede)
    # Headlines, standfirst labels and menu items carry no final punctuation.
    return len(words) <= 20 and line[-1] not in TERMINAL + CLOSERS + ":;,…—-" and not SIGNED_QUOTE.search(line) \
        and not _inner_sentence_end(line)


# Every caption marker holds one of these: a plain substring test rules out most lines before the regex.
_CAPTION_WORDS = ("photo", "image", "picture", "credit", "video", "getty", "afp via", "reuters/")


def _caption(line: str) -> bool:
    low = line.lower()
    return any(word in low for word in _CAPTION_WORDS) and CAPTION_MARKERS.search(line) is not None


def _inner_sentence_end(line: str) -> bool:
    """A sentence ends inside the line, after a word that is no abbreviation ("Mr.", "U.S.")."""
    for m in INNER_SENTENCE_END.finditer(line):
        k = m.start() + 2
        j = k
        while j > 0 and line[j - 1].isalpha():
            j -= 1
        if line[j:k].lower() not in ABBREVIATIONS:
            return True
    return False


def _title_case(words: list[str]) -> bool:
    """"Council Votes To Close Two Libraries" - most words capitalised."""
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) >= 0.7 * len(long_words)


def split_sentences(text: str, para: Paragraph, masked: str) -> list[Sentence]:
    """Split one paragraph; *masked* is the whole text with quotation contents blanked out."""
    a, b = para.start, para.end
    cuts: list[int] = []
    i = a  # read on from here (a stop's closing marks and spaces are read with it)
    for found in _STOP_OR_QUOTE_END.finditer(masked, a, b):
        at = found.start()
        if at < i:
            continue
        if masked[at] == "_":  # the last blanked character of a quotation
            cut = _cut_after_quotation(text, masked, at, b) if at + 1 < b else None
        else:
            j = _past_stop(masked, at, b)
            if j >= b:
                break
            cut, i = _cut_after_stop(masked, a, at, j, b)
        if cut is not None:
            cuts.append(cut)
    return _sentences(text, para, cuts)


# Where a sentence may end: a stop, or the end of a blanked quotation (the rest is read by the rules).
_STOP_OR_QUOTE_END = re.compile(f"[{re.escape(TERMINAL)}]|_(?!_)")


def _past_stop(masked: str, i: int, b: int) -> int:
    """After the run of terminal punctuation at *i* and the closing marks after it."""
    j = i + 1
    while j < b and masked[j] in TERMINAL:
        j += 1
    while j < b and masked[j] in CLOSERS:
        j += 1
    return j


def _past_space(masked: str, k: int, b: int) -> int:
    while k < b and masked[k].isspace():
        k += 1
    return k


def _cut_after_stop(masked: str, a: int, i: int, j: int, b: int) -> tuple[int | None, int]:
    """Where a sentence starts after the stop at *i* (None: nowhere), and where to read on."""
    if masked[j].isspace():
        k = _past_space(masked, j, b)
        starts = k < b and _starts_sentence(masked[k]) and not _abbreviation(masked, a, i)
        return (k if starts else None), k
    # "Kirby said.US Secretary": a missing space after a full stop.
    if masked[i] == "." and masked[j].isupper() and _glued_stop(masked, a, i, j, b):
        return j, j
    return None, j


def _cut_after_quotation(text: str, masked: str, i: int, b: int) -> int | None:
    """At the end of a masked quotation (*i*, its last masked character): a sentence ends after it
    when the quote ended with terminal punctuation and a new sentence visibly begins."""
    j = i + 1
    while j < b and masked[j] in CLOSERS:
        j += 1
    if text[i] not in TERMINAL or j >= b or not masked[j].isspace():
        return None
    k = _past_space(masked, j, b)
    if k < b and _starts_sentence(masked[k]) and not (text[i] in "?!" and _attribution_follows(masked, k, b)):
        return k
    return None


def _sentences(text: str, para: Paragraph, cuts: list[int]) -> list[Sentence]:
    """The paragraph's sentences between its cuts, trimmed of space; empty ones left out."""
    out: list[Sentence] = []
    start = para.start
    for cut in [*cuts, para.end]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(para.index, s, e))
        start = cut
    return out


_NEXT_WORDS = re.compile(r"[^\W\d_][\w'’.\-]*|[,;:!?.()\"“”]")


def _attribution_follows(masked: str, k: int, b: int) -> bool:
    """'"Why not?" the mayor asked.': the words after a quotation are its attribution."""
    for n, m in enumerate(_NEXT_WORDS.finditer(masked, k, min(b, k + 80))):
        w = m.group()
        if w.lower() in SPEECH_VERBS:
            return True
        if n >= 6 or (len(w) == 1 and not w.isalpha()):
            return False
    return False


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"“‘'(«„[" or ch == "_"


def _word_before(masked: str, floor: int, i: int) -> str:
    k = i
    while k > floor and (masked[k - 1].isalnum() or masked[k - 1] == "."):
        k -= 1
    return masked[k:i]


def _abbreviation(masked: str, floor: int, i: int) -> bool:
    if masked[i] != ".":
        return False
    word = _word_before(masked, floor, i).lower().strip(".")
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "George W. Bush"
    return "." in word and len(word) <= 5  # "U.S.", "a.m."


def _glued_stop(masked: str, floor: int, i: int, j: int, b: int) -> bool:
    word = _word_before(masked, floor, i)
    if len(word) < 2 or not word.isalpha() or not word.islower():
        return False
    if word in ABBREVIATIONS:
        return False
    nxt = j
    while nxt < b and masked[nxt].isalpha():
        nxt += 1
    return nxt - j >= 2  # "said.US", not "e.g.X"


def tokenize(text: str, start: int, end: int, pieces: list[tuple[int, int, int]]) -> list[Token]:
    """Tokens of text[start:end]; each quotation piece (s, e, quote index) becomes one token."""
    toks: list[Token] = []
    pos = start
    for s, e, qi in sorted(pieces):
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        _words(text, pos, s, toks)
        toks.append(make_token("q", s, e, text[s:e], qi))
        pos = e
    _words(text, pos, end, toks)
    return toks


TOKEN = re.compile(WORD.pattern + r"|\S")


def _words(text: str, a: int, b: int, out: list[Token]) -> None:
    skip_to = a
    append = out.append
    for m in TOKEN.finditer(text, a, b):
        i, word_end = m.span()
        if i < skip_to:
            continue
        word = m.group()
        if word_end - i == 1 and not word.isalnum():
            append(Token("p", i, word_end, word, -1, word, False))  # `make_token`, inlined: the hot loop
            continue
        if word[-1] not in "'’" and (word_end >= b or text[word_end] != "."):
            append(Token("w", i, word_end, word, -1, word.lower(), word[0].isupper()))  # the common case
            continue
        # Keep a trailing full stop only for abbreviations and initials ("U.S.", "Mr.").
        if word_end < b and text[word_end] == ".":
            w = word.lower()
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w:
                word_end += 1
        if text[word_end - 1] in "'’" and not word.lower().endswith(("s'", "s’")):
            word_end -= 1  # a closing single quote, not a plural possessive
        written = text[i:word_end]
        out.append(Token("w", i, word_end, written, -1, written.lower(), written[:1].isupper()))
        if word_end < m.end():
            out.append(make_token("p", word_end, m.end(), text[word_end:m.end()]))
        skip_to = word_end if word_end > m.end() else m.end()
