"""Pair scoring, table-driven: each signal, each "never" rule, and the pairs that must stay apart."""
from __future__ import annotations

import itertools

import pytest

from claimtrack.contradictions.signals import ClaimFacts, compare
from claimtrack.contradictions.terms import build_terms
from claimtrack.contradictions.topics import claim_topic, speaker_entities

TERMS = build_terms()
SPEAKERS = {  # id: (name shown, names)
    1: ("Kirby", ["John Kirby", "White House"]),
    2: ("Vucic", ["Aleksandar Vucic", "Serbia"]),
    3: ("Stoltenberg", ["Jens Stoltenberg", "NATO"]),
    4: ("Kosovo's government", ["Kosovo's government", "Kosovo"]),
}
_ids = itertools.count(1)


def claim(text: str, stance: str = "asserts", speaker: int | None = 1, source: int = 1, *,
          parent: int | None = None, claim_id: int | None = None, published: str | None = None) -> ClaimFacts:
    name, names = SPEAKERS.get(speaker, (None, []))
    return ClaimFacts(id=claim_id or next(_ids), source_id=source, stance=stance, topic=claim_topic(text, TERMS),
                      speaker_id=speaker, speaker=name, speaker_entities=speaker_entities(names, TERMS),
                      parent_id=parent, published=published, text=text)


KIRBY_DEPLOYMENT = ("We are monitoring a large Serbian military deployment along the border with Kosovo", "asserts", 1)

# (first claim, second claim, expected kind, a signal the reason must name)
CONFLICTS = [
    pytest.param(KIRBY_DEPLOYMENT,
                 ("I have denied untruths about the highest level of combat readiness of our forces", "denies", 2),
                 "contradicts", "denies what Kirby asserts", id="opposite commitment"),
    pytest.param(("Serbia has put its forces on high alert", "warns", 1),
                 ("claims that his country's forces were on alert", "rejects", 2),
                 "counters", "rejects claims Kirby warns", id="counter-claim"),
    pytest.param(("Belgrade of backing the attack on the Kosovo police", "accuses", 4),
                 ("Serbia had nothing to do with the attack on the police in Kosovo", "denies", 2),
                 "contradicts", "denies the accusation by Kosovo's government", id="accusation answered by denial"),
    pytest.param(KIRBY_DEPLOYMENT,
                 ("We don't even have half the troops we had at the border", "asserts", 2),
                 "contradicts", "negation: don't even have half", id="negation"),
    pytest.param(("Serbia deployed tanks to the border with Kosovo", "asserts", 1),
                 ("Serbia withdrew its tanks from the border with Kosovo", "asserts", 2),
                 "contradicts", "antonyms: deploy / withdraw", id="antonyms"),
    pytest.param(("Serbia has 12,000 troops at the border with Kosovo", "asserts", 1),
                 ("Serbia has 4,000 troops at the border with Kosovo", "asserts", 2),
                 "contradicts", "numbers: 12,000 troops / 4,000 troops", id="numbers"),
]


@pytest.mark.parametrize("first, second, kind, named", CONFLICTS)
def test_each_signal_finds_its_contradiction(first, second, kind, named):
    found = compare(claim(*first), claim(*second), TERMS.antonyms)
    assert found is not None
    assert found.kind == kind
    assert named in found.reason
    assert 0.0 < found.score <= 1.0
    assert "\n" not in found.reason


@pytest.mark.parametrize("first, second, kind, named", CONFLICTS)
def test_a_pair_scores_the_same_whichever_comes_first(first, second, kind, named):
    one, other = claim(*first), claim(*second)
    forward, backward = compare(one, other, TERMS.antonyms), compare(other, one, TERMS.antonyms)
    assert (forward.claim_a, forward.claim_b, forward.score, forward.reason) == \
        (backward.claim_a, backward.claim_b, backward.score, backward.reason)


def test_the_reason_names_the_shared_matter_and_both_stances():
    found = compare(claim(*KIRBY_DEPLOYMENT),
                    claim("I have denied untruths about the combat readiness of our troops", "denies", 2),
                    TERMS.antonyms)
    assert found.reason.startswith("Vucic denies what Kirby asserts: ")
    assert {"troops", "deployment"} <= set(found.reason.split(": ")[1].split(" / "))


def test_a_denial_with_a_negation_names_both():
    found = compare(claim(*KIRBY_DEPLOYMENT),
                    claim("We don't even have half the troops at the border", "denies", 2), TERMS.antonyms)
    assert found.reason.startswith("Vucic denies what Kirby asserts")
    assert found.reason.endswith("negation: don't even have half")
    assert found.signals == ("opposite commitment", "negation")


def test_more_signals_and_more_shared_matter_score_higher():
    weak = compare(claim(*KIRBY_DEPLOYMENT), claim("the military deployment is untrue, says Serbia", "denies", 2),
                   TERMS.antonyms)
    strong = compare(claim(*KIRBY_DEPLOYMENT),
                     claim("Serbia has no military deployment at the border with Kosovo", "denies", 2),
                     TERMS.antonyms)
    assert weak.score < strong.score


def test_one_speaker_contradicting_themself_across_sources_names_both_dates():
    first = claim("Serbia will deploy troops to the border with Kosovo", "asserts", 2, source=1, published="2023-09-01")
    later = claim("Serbia will withdraw troops from the border with Kosovo", "asserts", 2, source=2,
                  published="2023-10-02")
    found = compare(first, later, TERMS.antonyms)
    assert found.reason.startswith("Vucic contradicts themself (2023-09-01 / 2023-10-02)")
    assert "antonyms: deploy / withdraw" in found.reason


def test_one_speaker_taking_back_what_they_said_in_one_article():
    said = claim("We made a terrible mistake sending troops to the border with Kosovo", "asserts", 2)
    taken_back = claim("I have never said we made a mistake sending troops to Kosovo", "denies", 2)
    found = compare(said, taken_back, TERMS.antonyms)
    assert found is not None and "reversal" in found.signals
    assert found.reason.startswith("Vucic contradicts themself")


# Pairs that must never become a relation: (first, second, why)
NEVER = [
    pytest.param(KIRBY_DEPLOYMENT, ("there had been a recent build-up of Serbian forces", "uncommitted", 2),
                 id="uncommitted: did not directly deny"),
    pytest.param(KIRBY_DEPLOYMENT, ("We are calling on Serbia to withdraw those forces from the border", "asserts", 3),
                 id="a directive says nothing is so"),
    pytest.param(KIRBY_DEPLOYMENT, ("Serbia must withdraw its forces from the border", "urges", 3), id="urges"),
    pytest.param(("Serbia has deployed tanks near Kosovo", "asserts", 1),
                 ("We have not deployed anything near Kosovo, Serbian forces are at base", "asserts", 1),
                 id="one speaker, one article"),
    pytest.param(("Serbia deployed tanks near Kosovo", "asserts", 1),
                 ("Serbian tanks are near Kosovo, and more troops deployed there", "asserts", 2), id="agreement"),
    pytest.param(("Serbia denied sending tanks to Kosovo", "denies", 1),
                 ("Serbia sent no tanks to Kosovo", "denies", 2), id="two denials agree"),
    pytest.param(("there were no Serbian troops at the border with Kosovo", "asserts", 1),
                 ("Serbian troops at the border with Kosovo", "denies", 2),
                 id="a negated assertion and a denial agree"),
    pytest.param(("NATO would increase the peacekeeping force in Kosovo", "asserts", 1),
                 ("I have denied untruths about the combat readiness of our forces", "denies", 2),
                 id="same matter word, other entities"),
    pytest.param(("Serbia deployed tanks near Kosovo", "asserts", 1), ("Serbian wine exports fell", "denies", 2),
                 id="same entity, other matter"),
    pytest.param(("Serbia has 12,000 troops at the border with Kosovo", "asserts", 1),
                 ("Serbia has around 11,000 troops at the border with Kosovo", "asserts", 2),
                 id="approximate numbers that agree"),
    pytest.param(("around 20 vehicles attacked the police in Kosovo", "asserts", 1),
                 ("Serbia sent three gunmen to attack the police in Kosovo", "asserts", 2),
                 id="numbers of other things"),
]


@pytest.mark.parametrize("first, second", NEVER)
def test_never(first, second):
    assert compare(claim(*first), claim(*second), TERMS.antonyms) is None
    assert compare(claim(*second), claim(*first), TERMS.antonyms) is None


def test_never_a_claim_and_the_claim_it_is_reported_inside():
    lawyer = claim("a member of a Kosovo Serb party admitted to leading the gunmen in Kosovo", "asserts", 4,
                   claim_id=900)
    member = claim("Serbia denies leading the gunmen in Kosovo", "denies", 2, parent=900)
    assert compare(lawyer, member, TERMS.antonyms) is None
    assert compare(member, lawyer, TERMS.antonyms) is None
    unrelated = claim("Serbia denies leading the gunmen in Kosovo", "denies", 2)
    assert compare(lawyer, unrelated, TERMS.antonyms) is not None  # the same words outside the nesting do conflict
