"""Invisible characters inside words: names, cues and quotes are read through them, and every offset
still points into the text exactly as given."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def _article(zw: str) -> str:
    return ("Lede line of the article is here.\n\n"
            f"Mary Brown said the plan would work. \"We will not give up on this,\" John Kir{zw}by said.\n\n"
            f"Kir{zw}by s{zw}aid the talks had fa{zw}iled.")


@pytest.mark.parametrize("zw", INVISIBLE, ids=lambda zw: f"U+{ord(zw):04X}")
def test_invisible_characters_in_a_name_do_not_give_the_quote_to_the_previous_speaker(zw):
    text = _article(zw)
    plain = extract(_article(""))
    ex = extract(text)
    assert [(c.speaker, c.rule, c.kind) for c in ex.claims] == [(c.speaker, c.rule, c.kind) for c in plain.claims]
    assert [c.speaker for c in ex.claims] == ["Mary Brown", "John Kirby", "John Kirby"]
    assert [s.name for s in ex.speakers] == ["Mary Brown", "John Kirby"]
    for c in ex.claims:
        assert text[c.start:c.end] == c.text
        assert text[c.speaker_start:c.speaker_end].replace(zw, "") in ("Mary Brown", "John Kirby", "Kirby")
        assert text[c.cue_start:c.cue_end].replace(zw, "") == "said"
    last = ex.claims[-1]
    assert last.text == f"the talks had fa{zw}iled"
    assert last.cue == f"s{zw}aid"


def test_offsets_stay_those_of_the_text_given():
    zw = "\u200b"
    text = f"{zw}Lede line of the article is here.\n\n{zw * 3}\"Tax{zw}es will rise next year,\" said Ann{zw} Lee{zw}."
    ex = extract(text)
    (c,) = ex.claims
    assert c.text == f"\"Tax{zw}es will rise next year,\""
    assert text[c.start:c.end] == c.text
    assert text[c.speaker_start:c.speaker_end] == f"Ann{zw} Lee"
    assert c.speaker == "Ann Lee"
