"""The desk list and propositions, table-driven on invented sentences: copies collapsed, three per claim,
generic words that never make a pair, one speaker's reversal that pairs and compatible claims that do not."""
from __future__ import annotations

import itertools

import pytest

from claimtrack.contradictions.desk_list import MAX_PER_CLAIM, Stored, desk_list, pair_key
from claimtrack.contradictions.propositions import reversal, term_weight
from claimtrack.contradictions.signals import ClaimFacts, Suggestion, compare
from claimtrack.contradictions.terms import build_terms
from claimtrack.contradictions.topics import claim_topic, speaker_entities

TERMS = build_terms()
SPEAKERS = {1: ("Marlow", ["Edith Marlow", "Harbour Party"]), 2: ("Quill", ["Tobias Quill", "Valley Union"]),
            3: ("Rennet", ["Oona Rennet"]), 4: ("Sallow", ["Piet Sallow"])}
_ids = itertools.count(1)


def claim(text: str, speaker: int = 1, source: int = 1, stance: str = "asserts") -> ClaimFacts:
    name, names = SPEAKERS[speaker]
    return ClaimFacts(id=next(_ids), source_id=source, stance=stance, topic=claim_topic(text, TERMS),
                      speaker_id=speaker, speaker=name, speaker_entities=speaker_entities(names, TERMS), text=text)


def found(*claims: ClaimFacts) -> list[Suggestion]:
    out = []
    for a, b in itertools.combinations(claims, 2):
        suggestion = compare(a, b, TERMS.antonyms)
        if suggestion is not None:
            out.append(suggestion)
    return out


CLOSURE = "The Dunmore ferry service will close in spring, the harbour board confirmed"
OPEN = "The Dunmore ferry service will not close in spring"


# ----------------------------------------------------------------------------- copies and the cap

@pytest.mark.parametrize("copies, shown", [
    pytest.param([(1, 2), (1, 3)], "copies: 2 (also in sources 2, 3)", id="near-duplicate articles"),
    pytest.param([(3, 1), (4, 1)], "copies: 2 (same sources)", id="several speakers of one sentence"),
])
def test_copies_of_a_pair_of_sentences_are_one_suggestion(copies, shown):
    answer = claim(OPEN, speaker=2, source=9)
    closures = [claim(CLOSURE, speaker=1, source=1)] + [claim(CLOSURE, speaker=s, source=src) for s, src in copies]
    facts = {c.id: c for c in (answer, *closures)}
    suggestions = [s for s in found(answer, *closures) if answer.id in (s.claim_a, s.claim_b)]
    assert len(suggestions) == 3
    listed = desk_list(suggestions, facts)
    assert len(listed) == 1
    assert listed[0].reason.endswith(shown)


def test_a_pair_already_stored_is_not_suggested_again_through_a_copy():
    answer, closure = claim(OPEN, speaker=2, source=9), claim(CLOSURE, speaker=1, source=5)
    facts = {answer.id: answer, closure.id: closure}
    stored = Stored(pairs=frozenset({pair_key(CLOSURE.upper(), OPEN + ".")}))  # case and punctuation aside
    assert desk_list(found(answer, closure), facts, stored) == []


def test_at_most_three_suggestions_per_claim_the_strongest_first():
    answer = claim(OPEN, speaker=2, source=9)
    others = [claim(f"The Dunmore ferry service will close in spring{tail}", speaker=1, source=i)
              for i, tail in enumerate(["", " and the board confirmed it", " for good", " says the Dunmore board",
                                        " after the board vote"], start=1)]
    facts = {c.id: c for c in (answer, *others)}
    suggestions = found(answer, *others)
    assert len(suggestions) == 5
    listed = desk_list(suggestions, facts)
    assert len(listed) == MAX_PER_CLAIM == 3
    assert [s.score for s in listed] == sorted((s.score for s in listed), reverse=True)
    assert desk_list(suggestions, facts, Stored(open={pair_key(OPEN, "")[1]: 2})) == listed[:1]


# ----------------------------------------------------------------------------- generic words

GENERIC = [  # pairs that share only generic words (and numbers or a negation): never a contradiction
    pytest.param("The prime minister said the referendum would be held on 23 June",
                 "Four Britons held abroad will not be returned, the prime minister said", id="held"),
    pytest.param("People need a government that works", "People do not need another government review",
                 id="people need government"),
    pytest.param("The president told the committee that 40 officials were working on it",
                 "The president said 12 officials were not working on the case", id="president officials"),
    pytest.param("Rennet said the council will buy the Dunmore quarry next year",
                 "The council is not planning to use the Dunmore quarry", id="a negation of another predicate"),
]


@pytest.mark.parametrize("first, second", GENERIC)
def test_generic_words_never_make_a_shared_matter_alone(first, second):
    assert compare(claim(first, 1), claim(second, 2, source=2), TERMS.antonyms) is None
    assert compare(claim(second, 2, source=2), claim(first, 1), TERMS.antonyms) is None


def test_word_weights_can_come_from_elsewhere():
    a, b = claim(CLOSURE, 1), claim(OPEN, 2, source=2)
    assert compare(a, b, TERMS.antonyms) is not None
    assert compare(a, b, TERMS.antonyms, weight=lambda term: 0.1) is None  # every word generic in this store
    assert term_weight("held") < term_weight("ferry") == 1.0


# ----------------------------------------------------------------------------- one speaker

REVERSALS = [
    pytest.param("We made a terrible mistake getting involved in the Varnia war",
                 "I've never said we made a mistake getting involved in the Varnia war", id="never said"),
    pytest.param("The Dunmore ferry subsidy is a waste of money",
                 "I was wrong: the Dunmore ferry subsidy is not a waste of money", id="I was wrong"),
]


@pytest.mark.parametrize("first, second", REVERSALS)
def test_one_speakers_explicit_reversal_in_one_article_pairs(first, second):
    assert reversal(second) and not reversal(first)
    suggestion = compare(claim(first, 1, source=3), claim(second, 1, source=3), TERMS.antonyms)
    assert suggestion is not None
    assert "contradicts themself" in suggestion.reason


COMPATIBLE = [  # one speaker, one article, no reversal: elaboration, not a contradiction
    pytest.param("Taxes on Dunmore tobacco sales rose this year", "Taxes on Dunmore ferry tickets did not rise",
                 id="different things"),
    pytest.param("The Dunmore ferry service will close in spring", "The Dunmore ferry service will not close in winter",
                 id="different times"),
]


@pytest.mark.parametrize("first, second", COMPATIBLE)
def test_one_speakers_compatible_claims_do_not_pair(first, second):
    assert compare(claim(first, 1, source=3), claim(second, 1, source=3), TERMS.antonyms) is None


def test_a_suggestion_about_a_claim_not_loaded_is_listed_on_its_own():
    answer = claim(OPEN, speaker=2, source=9)
    linked = Suggestion(claim_a=answer.id, claim_b=99_999, kind="contradicts", score=0.9, reason="linked", signals=())
    assert desk_list([linked], {answer.id: answer}) == [linked]
