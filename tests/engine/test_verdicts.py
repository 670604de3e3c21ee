"""The article's own verdicts (P19): the reporter's sentences that say a claim of the article is not so.
Texts written for the project."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract
from claimtrack.engine.rules import ARTICLE_VERDICT
from claimtrack.vocabulary import Stance

LEAD = "Harbour row\n\n"
CLAIM = 'Mayor Ana Ruiz said on Monday that ferry fraud is "a huge problem in this town".'


@pytest.mark.parametrize("verdict, answered", [
    ("Ferry fraud is, in fact, very rare.", "ferry fraud is"),
    ("That comment is a lie.", "ferry fraud is"),
    ("Ferry fraud is in no way common in the town.", "ferry fraud is"),
    ("Contrary to her account, the port has reported two cases of ferry fraud in ten years.", "ferry fraud is"),
])
def test_a_verdict_answers_the_claim_before_it(verdict, answered):
    found = extract(f"{LEAD}{CLAIM} {verdict}")
    [v] = found.verdicts
    assert v.text == verdict and v.speaker is None and v.stance is Stance.REJECTS and v.rule == ARTICLE_VERDICT.label
    assert answered in found.claims[v.parent].text and found.claims[v.parent].speaker == "Ana Ruiz"
    assert v not in found.claims  # no attribution: the attribution scores never see it


def test_a_short_negation_answers_what_was_just_said():
    found = extract(f"{LEAD}Ruiz said she had read the harbour audit. She hadn't.")
    [v] = found.verdicts
    assert v.text == "She hadn't." and found.claims[v.parent].text == "she had read the harbour audit"


@pytest.mark.parametrize("text", [
    f"{CLAIM} The harbour, in fact, opens at six.",  # shares no word of substance with the claim
    f"{CLAIM} Ferry fraud has grown and in fact may be rising.",  # "and in fact": an intensifier
    f"{CLAIM} It did not admit wrongdoing.",  # a report of its own ("admit"), not a verdict
    f"{CLAIM} Many residents say the claim is false.",  # someone else's words
    'Ruiz replied: "The idea is outrageous. It is untrue. Ask anyone.',  # inside an unclosed quotation
    "Ferry fraud is, in fact, very rare.",  # no claim to answer
])
def test_no_verdict(text):
    assert not extract(f"{LEAD}{text}").verdicts


def test_the_store_keeps_verdicts_after_the_claims():
    found = extract(f"{LEAD}{CLAIM} Ferry fraud is, in fact, very rare.")
    stored = found.for_the_store()
    assert stored.claims == found.claims + found.verdicts
    assert stored.claims[-1].parent == found.verdicts[0].parent
