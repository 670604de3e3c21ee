"""Long inputs: one enormous paragraph must be extracted completely and correctly.

These tests assert results, never timings; their sizes are chosen so that the former
per-sentence scans over the whole paragraph (quadratic time) would run for far longer than
the suite tolerates, while the linear code takes about a second.
"""
from __future__ import annotations

import random
import string
import sys

import pytest

from claimtrack.engine import ExtractionTooSlow, extract, pipeline
from claimtrack.engine.quotes import find_quotes
from claimtrack.engine.text import paragraphs
from claimtrack.errors import ClaimtrackError


def test_twenty_thousand_quotes_in_one_paragraph():
    unit = 'He said "this is a long text". '
    n = 20_000
    ex = extract(unit * n)
    assert len(ex.claims) == n
    for i, c in enumerate(ex.claims):
        base = i * len(unit)
        assert (c.start, c.end) == (base + 8, base + 29)
        assert c.text == '"this is a long text"'
        assert (c.speaker_start, c.speaker_end) == (base, base + 2)
        assert (c.cue_start, c.cue_end) == (base + 3, base + 7)


def test_pronouns_in_one_long_paragraph_look_back_over_speakers_not_attributions():
    # Every "He" finds no male speaker: it once rescanned all earlier attributions each time.
    unit = 'Mary Brown said "this is a long text". He said "another long text here". '
    n = 10_000
    ex = extract(unit * n)
    assert len(ex.claims) == 2 * n
    for i in range(n):
        first, second = ex.claims[2 * i], ex.claims[2 * i + 1]
        base = i * len(unit)
        assert (first.start, first.end, first.speaker) == (base + 16, base + 37, "Mary Brown")
        assert (second.start, second.end, second.speaker) == (base + 47, base + 71, None)
    assert [s.name for s in ex.speakers] == ["Mary Brown"]


def test_thousands_of_continued_quotes_make_one_claim():
    head = 'Mary Brown said "this is a text." '
    unit = '"More text is here." '
    n = 20_000
    ex = extract(head + unit * n)
    assert len(ex.claims) == 1
    c = ex.claims[0]
    assert c.speaker == "Mary Brown"
    assert len(c.spans) == n + 1
    assert c.spans[0] == (16, 33)
    assert c.spans[-1] == (len(head) + (n - 1) * len(unit), len(head) + n * len(unit) - 1)


def test_thousands_of_distinct_speakers():
    rng = random.Random(7)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(8)).capitalize()

    # (surnames end in "-son": a random "-ly" word would read as an adverb, "said Xyzly")
    people = list(dict.fromkeys((word(), word() + "son") for _ in range(10_000)))
    text = "".join(f'{a} {b} said "this is a long text".\n\n' for a, b in people)
    ex = extract(text)
    assert [c.speaker for c in ex.claims] == [f"{a} {b}" for a, b in people]
    assert len(ex.speakers) == len(people)


# --- Hostile shapes: the work grows linearly with the article -------------------------------------
# Each shape is run at N and at 4N characters; a deterministic count of the engine's work (Python
# function calls, as a profiler counts them) may grow at most 6x, where a scan over the rest of the
# sentence per cue grows 16x (it grew 9x to 13x at 2.5 KB -> 10 KB before the scans were bounded).
# No clock is read: the counts are the same on any machine.
HOSTILE_SHAPES = {
    "repeated 'Kirby said'": lambda n: ("Kirby said " * n)[:n],
    "repeated 'He said that'": lambda n: ("He said that " * n)[:n],
    "repeated 'Kirby said,'": lambda n: ("Kirby said, " * n)[:n],
    "a line without sentence punctuation": lambda n: ("the minister said the plan would work and the critics " * n)[:n],
    "a sentence full of quote marks": lambda n: ('He said " ' * n)[:n],
    "many short quotes": lambda n: ('"This is a long text," Kirby said. ' * n)[:n],
    "many paragraphs": lambda n: ("Kirby said the plan would work.\n\n" * n)[:n],
}


def _work(text: str) -> int:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += 1

    sys.setprofile(count)
    try:
        extract(text)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("shape", HOSTILE_SHAPES)
def test_hostile_shapes_take_linear_work(shape):
    make = HOSTILE_SHAPES[shape]
    small, large = _work(make(5_000)), _work(make(20_000))
    assert large <= 6 * small, f"{shape}: {small} calls at 5 KB, {large} at 20 KB"


def _lines_run(function, *args) -> int:
    lines = 0

    def trace(frame, event, arg):
        nonlocal lines
        lines += 1
        return trace

    sys.settrace(trace)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return lines


def test_possessive_marks_are_paired_in_one_pass():
    """'‘The Jones’ Jones’ ... end’.': each possessive-looking mark once looked ahead for a clear
    closing mark over all the marks after it."""
    def lines(n: int) -> int:
        text = "‘The Jones’ " + "Jones’ " * n + "end’."
        return _lines_run(find_quotes, text, paragraphs(text))

    small, large = lines(1_000), lines(4_000)
    assert large <= 6 * small, f"{small} lines run at 1,000 marks, {large} at 4,000"


def test_sentence_scans_are_bounded(monkeypatch):
    """However long a sentence without punctuation runs, each piece the attribution rules scan
    (over and over, once per cue) has at most MAX_SENTENCE_TOKENS tokens and MAX_SENTENCE_CUES cues."""
    seen: list[tuple[int, int]] = []
    real = pipeline.attribute_sentence

    def spy(text, sent, toks):
        seen.append((len(toks), sum(t.low == "said" for t in toks)))
        return real(text, sent, toks)

    monkeypatch.setattr(pipeline, "attribute_sentence", spy)
    ex = extract("Kirby said " * 5_000)
    assert max(cues for _, cues in seen) <= pipeline.MAX_SENTENCE_CUES
    assert sum(size for size, _ in seen) == 10_000  # every token is still read
    assert ex.claims and all(c.speaker == "Kirby" for c in ex.claims)
    seen.clear()
    extract("Kirby said " + "the minister and the critics of the plan " * 5_000)
    assert max(size for size, _ in seen) <= pipeline.MAX_SENTENCE_TOKENS
    assert sum(size for size, _ in seen) == 2 + 40_000


def test_too_many_candidates_stop_with_what_was_found(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CANDIDATES", 100)
    unit = 'He said "this is a long text". '
    ex = extract(unit * 1_000)
    assert 100 <= len(ex.claims) < 1_000
    assert ex.truncated_at is not None and 100 * len(unit) <= ex.truncated_at < 1_000 * len(unit)
    assert all(c.end <= ex.truncated_at for c in ex.claims)
    for i, c in enumerate(ex.claims):
        assert (c.start, c.end) == (i * len(unit) + 8, i * len(unit) + 29)
    assert extract(unit * 10).truncated_at is None


class StopAfter:
    """A fake budget: time is up after *checks* looks at the clock the engine does not have."""

    allowed = "30 s"

    def __init__(self, checks: int) -> None:
        self.left = checks

    def expired(self) -> bool:
        self.left -= 1
        return self.left < 0


def test_budget_stops_one_article_with_a_one_line_message():
    text = "Kirby said the plan would work.\n\n" * 2_000
    with pytest.raises(ExtractionTooSlow) as caught:
        extract(text, budget=StopAfter(50))
    message = str(caught.value)
    assert isinstance(caught.value, ClaimtrackError)
    assert "\n" not in message
    assert message.startswith("article too long to analyse within 30 s (stopped at character ")
    assert message.endswith(f" of {len(text):,})")
    # A budget that is never spent changes nothing.
    assert extract(text, budget=StopAfter(10**9)) == extract(text)


def test_budget_is_checked_within_one_huge_sentence():
    with pytest.raises(ExtractionTooSlow):
        extract("Kirby said " * 20_000, budget=StopAfter(3))
