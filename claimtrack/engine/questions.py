"""Questions put to someone: "Asked whether the ferry would close, Ruiz said ...", "When asked by
reporters if he would run, ...", "The mayor was asked why the bridge was late" (P17).

The question is a claim of its own, with no stance but `uncommitted`: it is what the answer answers, and
news attributes it as such. Its speaker is the one who asked, named only by "asked by S"; otherwise
the questioner is unnamed and the claim has no speaker. Active questions ("A reporter asked how ...")
are ordinary cues of the sentence (attribution.py).
"""
from __future__ import annotations

from claimtrack.engine import lexicon as lx
from claimtrack.engine import rules
from claimtrack.engine.attribution import Candidate
from claimtrack.engine.cues import Cue
from claimtrack.engine.speakers import Mention, subject_right
from claimtrack.engine.text import Sentence, Token

# Words before "asked" that make it a passive question put to the sentence's subject.
PASSIVE_OPENERS = frozenset("when after once if being was were is are been".split())
# Words that open the question itself.
QUESTION_WORDS = frozenset("whether if what who whom which how why when where".split())
MAX_ADJUNCT = 8  # "asked on Fox News on Sunday whether": words between "asked" and the question word
MIN_QUESTION_WORDS = 3


def questions_put(text: str, sent: Sentence, toks: list[Token]) -> list[Candidate]:
    """The questions put to someone in this sentence, passive "asked" only."""
    out = []
    for i, t in enumerate(toks):
        if t.kind == "w" and t.low == "asked" and _passive(toks, i):
            c = _question(text, sent, toks, i)
            if c is not None:
                out.append(c)
    return out


def _passive(toks: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = toks[i - 1]
    return (prev.kind == "p" and prev.text in ",(—–") or (prev.kind == "w" and prev.low in PASSIVE_OPENERS)


def _question(text: str, sent: Sentence, toks: list[Token], i: int) -> Candidate | None:
    j = i + 1
    mention: Mention | None = None
    if j < len(toks) and toks[j].low == "by":
        mention = _asker(text, toks, j + 1)
        if mention is None:
            return None
        j = mention.last
    start = _question_word(toks, j)
    if start is None:
        return None
    end = _question_end(toks, start)
    words = sum(1 for t in toks[start:end] if t.kind in "wq")
    if words < MIN_QUESTION_WORDS:
        return None
    cue = Cue("ask", i, i + 1, i, "ed", passive=True)
    c = Candidate(sent, cue, (toks[i].start, toks[i].end), mention, rules.QUESTION_PUT,
                  rules.QUESTION_PUT.own_confidence, a=i, after=i + 1)
    c.pieces = [(toks[start].start, toks[end - 1].end)]
    c.quotes = {t.quote for t in toks[start:end] if t.kind == "q"}
    return c


def _asker(text: str, toks: list[Token], k: int) -> Mention | None:
    """The one who asked, after "asked by", up to the question word ("asked by reporters why ...")."""
    m = subject_right(toks, k, text, loose=True)
    if m is None:
        return None
    end = next((i for i in range(m.first, m.last) if toks[i].low in QUESTION_WORDS), m.last)
    if end == m.first:
        return None
    return m if end == m.last else Mention(m.first, end, m.start, toks[end - 1].end,
                                           text[m.start:toks[end - 1].end], m.kind)


def _question_word(toks: list[Token], j: int) -> int | None:
    """The question word after "asked" and an adjunct ("on Fox News", "specifically"), if any."""
    for k in range(j, min(len(toks), j + MAX_ADJUNCT)):
        t = toks[k]
        if t.kind != "w":
            return None
        if t.low in QUESTION_WORDS:
            # "specifically what ...": an adverb right before the question word stays with it
            return k - 1 if k > j and toks[k - 1].low.endswith("ly") else k
        if t.low in lx.CLAUSE_BOUNDARIES or t.low == "to":
            return None  # "asked to leave", "asked that": a request, the cue's own business
    return None


def _question_end(toks: list[Token], start: int) -> int:
    """The token after the question: at a comma, colon, semicolon or dash, or after a quotation that
    closes on a comma ('whether he "has the integrity to serve,"')."""
    k = start
    while k < len(toks):
        t = toks[k]
        if t.kind == "p" and t.text in ",;:—–()":
            break
        k += 1
        if t.kind == "q" and t.text.rstrip("\"”'’ ").endswith(","):
            break
    while k > start and toks[k - 1].kind == "p":
        k -= 1
    return k
