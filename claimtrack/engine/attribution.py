"""Sentence-level attribution: cue -> speaker -> content, over tokens with quotations masked.

Every cue looks for its speaker (left subject, inverted subject, "according to S", or the subject
shared with an earlier cue in the sentence), then for its content: forward ("S said (that) X",
"S said: Q") or trailing ("X, S said"; "Q," S said, "Q2"). A later attribution that begins after a
clause boundary (", while", "but", ";") ends the earlier content; one that begins inside it
without a boundary is nested in it (its `parent`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from claimtrack.engine import lexicon as lx
from claimtrack.engine.cues import Cue, find_cues
from claimtrack.engine.speakers import Mention, subject_left, subject_right
from claimtrack.engine.text import Sentence, Token

BOUNDARY_WORDS = frozenset("and but while though although whereas yet as so".split())
ADJUNCT_PREPS = frozenset("on in at during via over from after before earlier late early last this".split())
TERMINAL_PUNCT = frozenset(".!?;")
ADDRESSEE_STOPS = frozenset(
    "that to about of if whether how why what on in at during the".split()
) | lx.DAYS


@dataclass
class Candidate:
    """One attribution found in one sentence, before speakers are resolved."""

    sentence: Sentence
    cue: Cue | None
    cue_span: tuple[int, int] | None
    mention: Mention | None  # the speaker mention the attribution rests on
    rule: str
    confidence: float
    pieces: list[tuple[int, int]] = field(default_factory=list)  # content, character spans
    quotes: set[int] = field(default_factory=set)
    parent: "Candidate | None" = None
    inherits: "Candidate | None" = None  # shares the speaker of this candidate
    needs_prev_quote: bool = False  # "Kirby said." after a quote sentence
    needs_next_quote: bool = False  # "He added:" before a quote paragraph
    # token bookkeeping inside the sentence
    a: int = 0  # first token of the attribution (speaker or cue)
    fwd: tuple[int, int] | None = None
    trailing: bool = False
    split_from: int | None = None  # token index where a split quote's second part starts


def attribute_sentence(text: str, sent: Sentence, toks: list[Token]) -> list[Candidate]:
    cues = [c for c in find_cues(toks) if not _non_cue_phrase(text, toks, c)]
    items: list[Candidate] = []
    n = len(toks)
    for cue in cues:
        cand = _speaker_for(text, sent, toks, cue, items)
        if cand is None:
            continue
        items.append(cand)
    # Content extents.
    for idx, c in enumerate(items):
        _content_extent(toks, c, items, idx)
    for idx, c in enumerate(items):
        if c.trailing:
            _trailing_region(toks, c, items, idx)
    out = []
    for c in items:
        if c.fwd is None and not c.needs_prev_quote and not c.needs_next_quote:
            continue
        if c.fwd is not None:
            a, b = c.fwd
            second = []
            if c.split_from is not None:
                stop = len(toks) if getattr(c, "_middle", False) else _end_of_quote_run(toks, c.split_from)
                second = [(c.split_from, stop)]
            _set_content(text, toks, c, [(a, b)] + second)
            if not c.pieces:
                if c.needs_next_quote:
                    out.append(c)
                continue
            if not _plausible_content(toks, c):
                continue
        out.append(c)
    del n
    return out


def _non_cue_phrase(text: str, toks: list[Token], cue: Cue) -> bool:
    a = toks[max(0, cue.head - 2)].start
    b = toks[min(len(toks) - 1, cue.end + 2)].end
    window = text[a:b]
    return any(p.search(window) for p in lx.NON_CUE_PHRASES)


def _speaker_for(text: str, sent: Sentence, toks: list[Token], cue: Cue, items: list[Candidate]) -> Candidate | None:
    span = (toks[cue.group_start].start, toks[cue.end - 1].end)
    n = len(toks)
    if cue.lemma == "according to":
        m = subject_right(toks, cue.end, text)
        if m is None:
            return None
        c = Candidate(sent, cue, span, m, "P8 according to", 0.8, a=cue.group_start)
        c._after = m.last  # type: ignore[attr-defined]
        return c
    if cue.passive:
        m = subject_right(toks, cue.end + 1, text)  # after "by"
        if m is None:
            return None
        c = Candidate(sent, cue, span, m, "P10 passive, by speaker", 0.7, a=cue.group_start)
        c._after = m.last  # type: ignore[attr-defined]
        return c
    m = subject_left(toks, cue.group_start, 0, text)
    if m is not None and m.kind == "relative" and m.text.lower() == "which" and not _quote_near(toks, cue):
        m = None
    prev = toks[cue.group_start - 1] if cue.group_start > 0 else None
    if m is not None:
        # "a status Belgrade and Moscow have refused to recognise": the object of a preposition
        # or verb right before the noun phrase is not a subject.
        c = Candidate(sent, cue, span, m, "", 0.8, a=m.first)
        c._after = cue.end  # type: ignore[attr-defined]
        return c
    if cue.form in ("ed", "s") and (cue.lemma in _INVERTING) and prev is not None and (
        prev.kind == "q" or prev.text in ",:—–"
    ):
        m = subject_right(toks, cue.end, text)
        if m is not None:
            c = Candidate(sent, cue, span, m, "", 0.85, a=cue.group_start)
            c._after = _skip_apposition(toks, m.last)  # type: ignore[attr-defined]
            c._inverted = True  # type: ignore[attr-defined]
            return c
    # Coordinated or participial cue sharing the subject of an earlier one:
    # "did not deny ... but rejected", '"...," he said, adding that'.
    if items and prev is not None and (prev.low in ("and", "but", "before", "after", "while", "by") or prev.text in ",;—–"):
        base = items[-1]
        while base.inherits is not None:
            base = base.inherits
        c = Candidate(sent, cue, span, base.mention, "", 0.75, a=cue.group_start, inherits=base)
        c._after = cue.end  # type: ignore[attr-defined]
        return c
    if prev is not None and prev.low in ("and", "but") and not items:
        # "The State Department has deemed ... and says it does not plan ..."
        m = _initial_subject(toks, text, cue.group_start)
        if m is not None:
            c = Candidate(sent, cue, span, m, "", 0.65, a=cue.group_start)
            c._after = cue.end  # type: ignore[attr-defined]
            c._participle = True  # type: ignore[attr-defined]
            return c
    if cue.form == "ing" and prev is not None and prev.text in ",;—–":
        m = _initial_subject(toks, text, cue.group_start)
        if m is not None:
            c = Candidate(sent, cue, span, m, "", 0.7, a=cue.group_start)
            c._after = cue.end  # type: ignore[attr-defined]
            c._participle = True  # type: ignore[attr-defined]
            return c
    del n
    return None


_INVERTING = frozenset(
    "say add tell write explain continue note ask reply respond answer insist argue warn "
    "declare recall acknowledge admit confirm deny claim state announce observe remark quip joke "
    "counter retort conclude concede urge suggest".split()
)


def _quote_near(toks: list[Token], cue: Cue) -> bool:
    return any(t.kind == "q" for t in toks[max(0, cue.head - 3): cue.end + 3])


def _initial_subject(toks: list[Token], text: str, limit: int) -> Mention | None:
    """The sentence's opening noun phrase, for ", saying ..." participles."""
    k = 0
    while k < limit and toks[k].kind == "w" and toks[k].low in ("but", "and", "so", "meanwhile", "still", "also"):
        k += 1
    if k < limit and toks[k].kind == "p":
        return None
    b = k
    while b < limit and toks[b].kind == "w" and (toks[b].capitalised or toks[b].low in ("of", "the", "'s", "and")):
        b += 1
    if b == k:
        if k < limit and toks[k].low in ("he", "she", "they", "it", "we", "i"):
            return subject_left(toks, k + 1, k, text)
        return None
    return subject_left(toks, b, k, text)


def _skip_apposition(toks: list[Token], k: int) -> int:
    """After '"...," said John Kirby' step over ", the White House spokesman," if present."""
    n = len(toks)
    if k < n and toks[k].kind == "p" and toks[k].text == "," and k + 1 < n and toks[k + 1].kind == "w" and (
        toks[k + 1].low in ("the", "a", "an", "who", "his", "her") or toks[k + 1].low in lx.ROLE_NOUNS
    ):
        j = k + 1
        while j < n and not (toks[j].kind == "p" and toks[j].text in ",.;:") and toks[j].kind != "q":
            j += 1
        return j
    return k


def _skip_adjuncts(toks: list[Token], j: int, addressee: bool) -> int:
    n = len(toks)
    moved = True
    while moved and j < n:
        moved = False
        t = toks[j]
        if t.kind != "w":
            break
        if t.low in lx.DAYS:
            j += 1
            moved = True
            continue
        if t.low in ADJUNCT_PREPS:
            k = j + 1
            while k < n and k - j <= 8 and toks[k].kind == "w" and toks[k].low != "that":
                k += 1
            if k >= n or (toks[k].kind == "p" and toks[k].text in ",:.") or toks[k].low == "that" or toks[k].kind == "q":
                j = k
                moved = True
                continue
        if addressee and t.low not in ("that", "to", "about", "of", "if", "whether", "how", "why", "what"):
            k = j
            while k < n and k - j <= 8 and toks[k].kind == "w" and toks[k].low not in ADDRESSEE_STOPS:
                k += 1
            # "told reporters", "told the BBC's Today programme", "told CNN"
            if k < n and toks[k].kind == "w" and toks[k].low == "the" and k == j:
                k += 1
                while k < n and k - j <= 8 and toks[k].kind == "w" and toks[k].low not in ("that", "to", "about", "on", "in", "at"):
                    k += 1
            if k > j:
                j = k
                addressee = False
                moved = True
                continue
    return j


def _content_extent(toks: list[Token], c: Candidate, items: list[Candidate], idx: int) -> None:
    n = len(toks)
    after = getattr(c, "_after", c.cue.end if c.cue else 0)
    lemma = c.cue.lemma if c.cue else ""
    addressee = lemma in lx.ADDRESSEE_CUES and lemma not in lx.TARGET_CUES
    if lemma in ("urge", "ask", "call on", "warn", "promise") and after < n and toks[after].kind == "w" \
            and not toks[after].capitalised and toks[after].low not in ("reporters", "journalists", "him", "her", "them", "me", "us", "the"):
        addressee = False
    j = _skip_adjuncts(toks, after, addressee)
    sep = None
    if j < n and toks[j].kind == "p" and toks[j].text in ",:—–":
        sep = toks[j].text
        j += 1
        j = _skip_adjuncts(toks, j, False)
        if j < n and toks[j].kind == "p" and toks[j].text in ",:":
            sep = toks[j].text
            j += 1
    if j < n and toks[j].kind == "w" and toks[j].low == "that":
        j += 1
    rest = [t for t in toks[j:] if not (t.kind == "p" and t.text in ".!?;")]
    if c.a > 0 and _comma_quote_before(toks, c.a):
        # '"...," he said introducing Clinton': a quote closed by a comma is this cue's content.
        c.trailing = True
        if sep == "," and j < n and toks[j].kind == "q":
            c.split_from = j
        return
    left_region = c.a > 0 and _has_content_before(toks, c.a)
    inverted = getattr(c, "_inverted", False)
    if lemma == "according to" and sep is None and rest:
        # "X according to S" without a comma is rare; treat as trailing
        pass
    if not rest:
        if sep == ":":
            c.needs_next_quote = True
            c.fwd = None
            c.rule = c.rule or "P4 speaker cue: quote"
            return
        c.trailing = True
        return
    if inverted or (sep == "," and left_region) or (lemma == "according to" and left_region and sep == ","):
        c.trailing = True
        if toks[j].kind == "q":
            c.split_from = j
        elif sep == "," and _continues_clause(toks, j, c.a):
            c.split_from = j  # P11: "X, the company said, would be built ..."
            c._middle = True  # type: ignore[attr-defined]
        return
    if inverted or (left_region and lemma == "according to" and sep != ","):
        c.trailing = True
        return
    end = _forward_end(toks, j, items, idx)
    c.fwd = (j, end)
    if not c.rule:
        if toks[j].kind == "q" and (sep in (":", ",") or end - j == 1):
            c.rule = "P4 speaker cue: quote"
        else:
            c.rule = "P9 speaker cue (that) clause"
    if getattr(c, "_participle", False) or c.inherits is not None:
        c.confidence = min(c.confidence, 0.7)


CONTENT_STOPS = frozenset(
    "compared according referring citing adding saying noting arguing explaining speaking "
    "calling prompting sparking drawing echoing insisting warning".split()
)
MIDDLE_STOPS = frozenset(
    "adding saying noting arguing explaining citing referring calling according who which whose "
    "and but after before while when as in on at during with without because".split()
)


def _continues_clause(toks: list[Token], j: int, a: int) -> bool:
    """After "X, he said," the rest continues X when X is not a quotation and the rest does not
    start a new phrase of its own."""
    first = toks[j]
    if first.kind != "w" or first.low in MIDDLE_STOPS or first.low.endswith("ing"):
        return False
    before = [t for t in toks[:a] if t.kind in ("w", "q")]
    return bool(before) and before[-1].kind != "q"


def _comma_quote_before(toks: list[Token], a: int) -> bool:
    k = a - 1
    if k >= 0 and toks[k].kind == "p" and toks[k].text == ",":
        k -= 1
        if k >= 0 and toks[k].kind == "q":
            return True
    if k >= 0 and toks[k].kind == "q":
        inner = toks[k].text.rstrip("\"”'’ ")
        return inner.endswith((",", "?", "!", "—", "-"))
    return False


def _has_content_before(toks: list[Token], a: int) -> bool:
    return any(t.kind in ("w", "q") for t in toks[:a])


def _boundary_run(toks: list[Token], a: int, floor: int) -> int:
    """Start of the run of boundary tokens (",", ";", "and", "but", "while") ending before *a*."""
    k = a
    while k > floor and (
        (toks[k - 1].kind == "p" and toks[k - 1].text in ",;—–")
        or (toks[k - 1].kind == "w" and toks[k - 1].low in BOUNDARY_WORDS)
    ):
        k -= 1
    return k


def _forward_end(toks: list[Token], j: int, items: list[Candidate], idx: int) -> int:
    n = len(toks)
    end = n
    while end > j and toks[end - 1].kind == "p" and toks[end - 1].text in ".!?;)":
        end -= 1
    for k in range(j + 1, end - 1):
        # ", compared with ...", ", referring to ...": an adjunct of the report, not its content
        if toks[k].kind == "p" and toks[k].text == "," and toks[k + 1].kind == "w" and toks[k + 1].low in CONTENT_STOPS:
            end = k
            break
    for later in items[idx + 1:]:
        if later.a <= j or later.a >= end:
            continue
        k = _boundary_run(toks, later.a, j)
        if k < later.a:
            if toks[later.a - 1].kind == "p" and later.inherits is None and _is_trailing_shape(toks, later):
                # "X admitted A, his lawyer said": this content ends at the comma; the later
                # attribution owns it (nesting is settled in _trailing_region).
                return k
            return k
        # no boundary: the later attribution is nested inside this content
    return end


def _is_trailing_shape(toks: list[Token], c: Candidate) -> bool:
    after = getattr(c, "_after", c.cue.end if c.cue else 0)
    j = _skip_adjuncts(toks, after, True)
    return j >= len(toks) or toks[j].kind == "p"


def _trailing_region(toks: list[Token], c: Candidate, items: list[Candidate], idx: int) -> None:
    end = c.a
    while end > 0 and toks[end - 1].kind == "p" and toks[end - 1].text in ",—–(":
        end -= 1
    start = 0
    for k in range(idx):
        prev = items[k]
        if prev.fwd is not None and prev.fwd[1] <= end and prev.parent is None:
            # content after a boundary that closed an earlier forward attribution
            s = prev.fwd[1]
            while s < end and ((toks[s].kind == "p" and toks[s].text in ",;—–") or (toks[s].kind == "w" and toks[s].low in BOUNDARY_WORDS)):
                s += 1
            if prev.fwd[1] < end and _closes_before(toks, prev.fwd[1], end):
                start = max(start, s)
        elif prev.trailing and prev.a < end and prev.cue is not None:
            s = getattr(prev, "_after", prev.cue.end)
            start = max(start, s)
    for k in range(end - 1, start - 1, -1):
        if toks[k].kind == "p" and toks[k].text == ":" and k + 1 < end and toks[k + 1].kind == "q":
            start = k + 1  # 'His final assessment: "..." he said'
            break
    while start < end and toks[start].kind == "p":
        start += 1
    while start < end and toks[start].kind == "w" and toks[start].low in ("but", "and", "so"):
        start += 1
    if start >= end:
        c.needs_prev_quote = True
        c.trailing = True
        c.fwd = None
        return
    c.fwd = (start, end)
    for k in range(idx):
        prev = items[k]
        if prev.cue is not None and start <= prev.cue.head < end and prev.parent is None:
            prev.parent = c
    inverted = getattr(c, "_inverted", False)
    if c.cue and c.cue.lemma == "according to":
        c.rule = "P8 according to"
    elif c.split_from is not None and getattr(c, "_middle", False):
        c.rule = "P11 clause, speaker cue, clause"
        c.confidence = 0.7
    elif c.split_from is not None:
        c.rule = "P6 split quote"
        c.confidence = 0.85
    elif all(t.kind == "q" or t.kind == "p" for t in toks[start:end]):
        if inverted:
            c.rule = "P2 quote, cue speaker"
        elif c.cue and c.cue.lemma in lx.ADDRESSEE_CUES:
            c.rule = "P3 quote, speaker told addressee"
        else:
            c.rule = "P1 quote, speaker cue"
        c.confidence = 0.9
    else:
        c.rule = "P9 clause, speaker cue" + (" (inverted)" if inverted else "")
        c.confidence = min(c.confidence, 0.75)


def _closes_before(toks: list[Token], a: int, b: int) -> bool:
    return a < b


def _end_of_quote_run(toks: list[Token], j: int) -> int:
    k = j
    while k < len(toks) and toks[k].kind in ("q",):
        k += 1
    return k


def _set_content(text: str, toks: list[Token], c: Candidate, ranges: list[tuple[int, int]]) -> None:
    pieces: list[tuple[int, int]] = []
    for a, b in ranges:
        while a < b and toks[a].kind == "p" and toks[a].text in ",:;—–-":
            a += 1
        while b > a and toks[b - 1].kind == "p" and toks[b - 1].text in ",:;.—–-(":
            b -= 1
        if a >= b:
            continue
        for t in toks[a:b]:
            if t.kind == "q":
                c.quotes.add(t.quote)
        pieces.append((toks[a].start, toks[b - 1].end))
    c.pieces = pieces


def _plausible_content(toks: list[Token], c: Candidate) -> bool:
    """Weak cues ("found", "added", "showed") need a clause or a quote, not a bare object."""
    if c.fwd is None or c.cue is None:
        return True
    a, b = c.fwd
    words = [t for t in toks[a:b] if t.kind in ("w", "q")]
    if not words:
        return False
    if c.quotes:
        return True
    if c.cue.lemma in lx.QUOTE_ONLY_CUES:
        return False
    if c.trailing:
        extra = 0
        if c.split_from is not None:
            extra = sum(1 for t in toks[c.split_from:] if t.kind in ("w", "q"))
        return len(words) + extra >= 3
    lemma = c.cue.lemma
    before = toks[a - 1] if a > 0 else None
    had_that = before is not None and before.kind == "w" and before.low == "that"
    if lemma in lx.INTENT_CUES and words[0].low == "to":
        return len(words) >= 3
    if lemma in lx.POSITION_CUES:
        return len(words) >= 1
    if lemma in lx.WEAK_CUES and not had_that:
        # a bare object is not a report ("added salt", "found the keys")
        return len(words) >= 4 and _has_finite_verb(words)
    return len(words) >= 2


FINITE_HINTS = frozenset(
    "is was are were has have had will would could can should may might must did does do "
    "won't can't isn't wasn't aren't weren't hasn't haven't didn't doesn't don't".split()
)


def _has_finite_verb(words: list[Token]) -> bool:
    for t in words:
        low = t.low
        if low in FINITE_HINTS or low.endswith(("ed", "n't", "n’t")):
            return True
    return False
