"""Long inputs: one enormous paragraph must be extracted completely and correctly.

These tests assert results, never timings; their sizes are chosen so that the former
per-sentence scans over the whole paragraph (quadratic time) would run for far longer than
the suite tolerates, while the linear code takes about a second.
"""
from __future__ import annotations

import random
import string

from claimtrack.engine import extract


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
