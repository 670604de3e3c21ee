"""Findings reported as a poll's: "In a Des Moines Register poll last month, Mr. Cruz had a 10-point lead"
(P18).

The sentence opens with "In" and a poll or survey, then a comma, then what the poll found; the poll is
the source. Only where the rest of the sentence has no attribution of its own ("In a poll released on
Monday, officials said ..." is the officials'). Polls named inside a clause ("Trump leads in the polls")
are left alone: what they are said to show is too loosely bounded to be a claim.
"""
from __future__ import annotations

from claimtrack.engine import rules
from claimtrack.engine.attribution import Candidate
from claimtrack.engine.cues import FORMS, Cue
from claimtrack.engine.speakers import Mention
from claimtrack.engine.text import Sentence, Token

POLL_NOUNS = frozenset("poll polls survey surveys".split())
# Words that may open a sentence before "In" ("But in a poll ...").
OPENERS = frozenset("but and yet still".split())
MAX_POLL_WORDS = 16  # "an NBC News/Wall Street Journal poll released Monday"
MIN_FINDING_WORDS = 4


def poll_finding(text: str, sent: Sentence, toks: list[Token], found: list[Candidate]) -> Candidate | None:
    """The finding of the poll that opens this sentence, if the sentence is that."""
    if found:
        return None
    k = 1 if toks and toks[0].low in OPENERS else 0
    if len(toks) < k + 4 or toks[k].low != "in":
        return None
    comma = next((j for j in range(k + 1, min(len(toks), k + 2 + MAX_POLL_WORDS))
                  if toks[j].kind == "p"), None)
    if comma is None or toks[comma].text != "," or not any(t.low in POLL_NOUNS for t in toks[k + 1:comma]):
        return None
    words = [t for t in toks[comma + 1:] if t.kind in "wq"]
    if len(words) < MIN_FINDING_WORDS or any(t.low in FORMS for t in words):
        return None  # "In the survey, 14% said they never voted": someone speaks, the rules' business
    a, b = k + 1, comma
    mention = Mention(a, b, toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end], "nominal")
    end = len(toks)
    while end > comma + 1 and toks[end - 1].kind == "p":
        end -= 1
    cue = Cue("in", k, k + 1, k, "prep")
    c = Candidate(sent, cue, (toks[k].start, toks[k].end), mention, rules.POLL_FINDING,
                  rules.POLL_FINDING.own_confidence, a=k, after=comma + 1)
    c.pieces = [(toks[comma + 1].start, toks[end - 1].end)]
    c.quotes = {t.quote for t in toks[comma + 1:end] if t.kind == "q"}
    return c
