"""Answers linked to what they answer, table-driven on invented sentences: one case per way an answer
links, and the replies that must link nothing."""
from __future__ import annotations

import itertools

import pytest
from sqlmodel import select

from claimtrack.contradictions.answers import link_across, link_article, place, read_answer
from claimtrack.contradictions.finder import full_pass, suggest_for_claims
from claimtrack.contradictions.signals import ClaimFacts
from claimtrack.contradictions.targets import PERSON, accused, claim_targets
from claimtrack.contradictions.terms import build_terms
from claimtrack.contradictions.topics import claim_topic, speaker_entities
from claimtrack.review.relations import set_relation_status
from claimtrack.store.models import ClaimRelation

TERMS = build_terms()
SPEAKERS = {  # id: (name shown, names)
    1: ("Roe", ["Jane Roe"]),
    2: ("Blake", ["Senator Tom Blake", "Blake"]),
    3: ("Okafor", ["Ada Okafor"]),
    4: ("Marsh", ["Lena Marsh", "Harbour Party"]),
    5: ("Ministry of Ports", ["Ministry of Ports"]),
}
KINDS = {5: "organization"}
_ids = itertools.count(1)


def placed(speaker: int, stance: str, cue: str, text: str, start: int, source: int = 1, parent: int | None = None):
    name, names = SPEAKERS[speaker]
    facts = ClaimFacts(id=next(_ids), source_id=source, stance=stance, topic=claim_topic(text, TERMS),
                       speaker_id=speaker, speaker=name, speaker_entities=speaker_entities(names, TERMS),
                       parent_id=parent)
    return place(facts, start, cue, text, f"{cue} {text}", TERMS, KINDS.get(speaker, "person"))


ROE_ALLEGES = (1, "alleges", "alleged", "Senator Blake took bribes from a harbour contractor", 100)
OKAFOR_ON_WEATHER = (3, "asserts", "said", "the storm flooded the lower town on Tuesday", 300)

# (earlier claims, the answer, the index of the claim it answers, words the reason must hold)
LINKS = [
    pytest.param([ROE_ALLEGES], (2, "denies", "denied", "the charge", 500), 0,
                 "Blake denies the charge (Roe alleges Senator Blake took bribes", id="anaphoric object"),
    pytest.param([ROE_ALLEGES, OKAFOR_ON_WEATHER], (2, "asserts", "said", "It is categorically untrue", 500), 0,
                 'Blake answers "It is categorically untrue" (Roe alleges', id="pronoun and rebuttal words"),
    pytest.param([ROE_ALLEGES], (2, "asserts", "said", "Complete and utter nonsense", 500), 0,
                 'Blake calls it "nonsense" (Roe alleges', id="bare rebuttal"),
    pytest.param([(1, "accuses", "accused", "Blake of hiding the audit from the council", 100)],
                 (2, "denies", "denied", "he had always acted within the rules", 500), 0,
                 "Blake denies the accusation (Roe accuses Blake of hiding", id="accusation target"),
    pytest.param([(3, "accuses", "accused", "the Harbour Party of rigging the vote", 100)],
                 (4, "denies", "denied", "we have never rigged anything", 500), 0,
                 "Marsh denies the accusation (Okafor accuses", id="the speaker's own side"),
    pytest.param([ROE_ALLEGES, (3, "asserts", "said", "Senator Blake was in the capital that week", 300)],
                 (2, "rejects", "rejected", "Roe's account as a fantasy", 500), 0,
                 "Blake rejects Roe's account (Roe alleges", id="counter-claim naming its author"),
    pytest.param([(1, "asserts", "said", "the harbour has doubled its trade since 2010", 100),
                  (5, "asserts", "said", "the harbour trade report is due in May", 300)],
                 (3, "asserts", "concluded", "her comments were \"false\"", 500), 0,
                 "Okafor rebuts her comments (Roe asserts the harbour", id="a verdict on his or her words"),
    pytest.param([(1, "accuses", "accused", "Blake of treating the dock workers like servants", 100)],
                 (2, "asserts", "said", 'is a "distortion,"', 500), 0,
                 'Blake answers ‘is a "distortion"’ (Roe accuses Blake', id="its subject left outside the content"),
    pytest.param([ROE_ALLEGES], (2, "asserts", "said", "She just made it up", 500), 0,
                 'Blake calls it "made it up" (Roe alleges', id="made it up"),
    pytest.param([OKAFOR_ON_WEATHER, (3, "uncommitted", "asking", "why did the senator leave so early?", 350)],
                 (2, "denies", "said", "That never happened", 500), 1,
                 'Blake answers "That never happened" (Okafor says why did', id="what was said just before"),
    pytest.param([ROE_ALLEGES, (3, "hedges", "suggested", "the senator simply meant the harbour was poorly run", 350)],
                 (2, "asserts", "replied", "No, I meant the harbour is run by crooks", 500), 1,
                 'Blake replies "No, I meant the harbour is run by crooks" (Okafor hedges', id="a reply that says no"),
    pytest.param([(1, "asserts", "said", "Marsh has a criminal record", 100), OKAFOR_ON_WEATHER],
                 (2, "accuses", "said", "Roe's tweets accusing Marsh of having a criminal record are lies", 500), 0,
                 "Blake rebuts Roe's tweets (Roe asserts Marsh has a criminal record",
                 id="an accusation that calls its author's words lies"),
]


@pytest.mark.parametrize("earlier, answer, answered, reason", LINKS)
def test_an_answer_is_linked_to_what_it_answers(earlier, answer, answered, reason):
    article = [placed(*claim) for claim in [*earlier, answer]]
    [found] = link_article(article)
    assert (found.claim_a, found.claim_b) == (article[answered].facts.id, article[-1].facts.id)
    assert found.kind == "contradicts" and found.score >= 0.35
    assert reason in found.reason and "\n" not in found.reason


NOTHING = [
    pytest.param([ROE_ALLEGES], (2, "uncommitted", "declined", "to comment on the charge", 500),
                 id="a noncommittal reply"),
    pytest.param([OKAFOR_ON_WEATHER], (2, "denies", "denied", "the rumours", 500),
                 id="a denial of something nobody claimed"),
    pytest.param([ROE_ALLEGES], (2, "rejects", "opposed", "the harbour bill", 500), id="an opposition is no answer"),
    pytest.param([(1, "asserts", "said", "the harbour has doubled its trade since 2010", 100)],
                 (3, "rejects", "contradicted", "her public statements", 500), id="his or her, not a verdict"),
    pytest.param([ROE_ALLEGES], (2, "asserts", "repeated", "a false claim that the port was sold", 500),
                 id="a verdict on the object is not the speaker's answer"),
    pytest.param([(1, "alleges", "alleged", "Senator Blake took bribes", 700)],
                 (2, "denies", "denied", "the charge", 500),
                 id="an answer answers nothing said after it"),
    pytest.param([(1, "alleges", "alleged", "he had taken the money", 100)], (5, "denies", "denied", "the claims", 500),
                 id="a body is not the he of an unnamed accusation"),
    pytest.param([(1, "asserts", "said", "he does not feel bitter", 100)], (2, "denies", "denied", "the claims", 500),
                 id="an unnamed he is a target only of an accusation"),
    pytest.param([(2, "asserts", "said", "Senator Blake is the best candidate", 100)],
                 (2, "denies", "denied", "the charge", 500), id="nobody answers themself"),
    pytest.param([(3, "denies", "denied", "the harbour was ever closed", 350)],
                 (2, "asserts", "said", "That is untrue", 500), id="denying a denial agrees with it"),
    pytest.param([(3, "asserts", "said", "the storm flooded the lower town", 50)],
                 (2, "asserts", "said", "That never happened", 500), id="what was said long before is no antecedent"),
    pytest.param([OKAFOR_ON_WEATHER], (2, "asserts", "said", "It is wrong to close the harbour", 500),
                 id="wrong to do is no verdict on a claim"),
    pytest.param([OKAFOR_ON_WEATHER], (2, "asserts", "replied", "the harbour would reopen on Monday", 500),
                 id="a reply that does not say no"),
    pytest.param([OKAFOR_ON_WEATHER], (2, "asserts", "replied", "No decision has been made yet", 500),
                 id="no as a determiner"),
]


@pytest.mark.parametrize("earlier, answer", NOTHING)
def test_replies_that_answer_nothing(earlier, answer):
    assert link_article([placed(*claim) for claim in [*earlier, answer]]) == []


@pytest.mark.parametrize("text, cue, stance, how", [
    ("those reports as lies", "dismissed", "rejects", "object"),
    ("the notion that the port was sold", "denied", "denies", "denial"),
    ("This is some sort of nonsense", "said", "asserts", "object"),
    ("baseless", "said", "asserts", "rebuttal"),
    ("that the port had been sold", "denied", "denies", "denial"),
    ("the port had been sold", "said", "asserts", None),
    ("Is he pretending this is all made up?", "asked", "asserts", None),
    ("ministers of telling lies about the budget", "accused", "accuses", None),
    ("the matter should now be left to lie", "said", "asserts", None),
    ("That comment is a \"boldfaced lie\"", "said", "asserts", "object"),
    ("the claim he had broken his promise", "rejected", "rejects", "denial"),
    ("Mr Roe's comment", "rejected", "rejects", "object"),
    ('is a "distortion,"', "said", "asserts", "object"),
    ("She's absolutely wrong.", "said", "asserts", "rebuttal"),
    ("It is wrong to close the harbour", "said", "asserts", None),
    ("the move would be profoundly wrong", "said", "asserts", None),
    ("of being sued if something went wrong", "said", "asserts", None),
    ("she had made the whole thing up", "said", "asserts", "rebuttal"),
])
def test_how_a_claim_answers(text, cue, stance, how):
    answer = read_answer(placed(2, stance, cue, text, 0))
    assert (answer.how if answer else None) == how


def test_a_dispute_answers_the_claim_reported_inside_it():
    dispute = placed(5, "rejects", "has disputed", "Roe has said the port was sold in secret, a point that", 100)
    inner = placed(1, "asserts", "has said", "the port was sold in secret", 110, parent=dispute.facts.id)
    own = placed(5, "asserts", "said", "the sale was lawful", 130, parent=dispute.facts.id)  # its own words
    [found] = link_article([dispute, inner, own])
    assert (found.claim_a, found.claim_b) == (inner.facts.id, dispute.facts.id)
    assert found.reason.startswith("Ministry of Ports has disputed it (Roe asserts the port was sold in secret")
    agreeing = placed(5, "asserts", "said", "Roe has said the port was sold in secret", 100)
    assert link_article([agreeing, placed(1, "asserts", "has said", "the port was sold in secret", 110,
                                          parent=agreeing.facts.id)]) == []


def test_targets_name_the_accused_the_named_and_an_unnamed_person():
    facts = placed(1, "accuses", "accused", "Blake of lying", 0).facts
    assert "blake" in accused("accused Senator Blake of lying", TERMS)
    assert PERSON in accused("accused him of lying", TERMS)
    assert claim_targets(facts, "accused Blake of lying", TERMS) >= {"blake"}
    unnamed = placed(1, "alleges", "alleged", "he had taken the money", 0).facts
    assert claim_targets(unnamed, "he had taken the money", TERMS) == {PERSON}


def test_across_articles_an_answer_links_only_to_a_claim_the_finder_compares_it_with():
    alleged, weather = placed(*ROE_ALLEGES, source=1), placed(*OKAFOR_ON_WEATHER, source=3)
    answer = placed(2, "denies", "denied", "the charge", 50, source=2)
    how = read_answer(answer)
    assert how is not None and link_article([answer]) == []  # nothing earlier in its own article
    pending, others = {answer.facts.id: (answer, how)}, {c.facts.id: c for c in (alleged, weather)}
    [found] = link_across(pending, [(alleged.facts.id, answer.facts.id), (answer.facts.id, weather.facts.id)], others)
    assert (found.claim_a, found.claim_b) == (alleged.facts.id, answer.facts.id)
    assert found.reason.startswith("Blake denies the charge (Roe alleges Senator Blake took bribes")
    assert link_across(pending, [(answer.facts.id, weather.facts.id)], others) == []  # not compared: no link


def _article(store):
    roe, blake = store.speaker("Jane Roe"), store.speaker("Tom Blake", "Blake")
    source = store.source("Harbour")
    alleged = store.claim(source, roe, "Senator Blake took bribes from a harbour contractor", "alleges")
    denied = store.claim(source, blake, "the charge", "denies")
    denied.start, denied.end, denied.cue = 200, 210, "denied"
    store.session.flush()
    return alleged, denied


def test_the_finder_links_answers_at_ingest_and_in_a_full_pass_and_never_after_a_dismissal(store):
    alleged, denied = _article(store)
    [found] = suggest_for_claims(store.session, [alleged.id, denied.id])
    assert (found.claim_a_id, found.claim_b_id) == (alleged.id, denied.id)
    assert found.reason.startswith("Blake denies the charge (Roe alleges Senator Blake took bribes")
    store.session.delete(found)
    store.session.flush()
    [again] = full_pass(store.session)
    assert (again.claim_a, again.claim_b, again.reason) == (alleged.id, denied.id, found.reason)
    relation = store.session.exec(select(ClaimRelation)).one()
    set_relation_status(store.session, relation.id, "dismissed", author="tester", note="not an answer")
    store.session.flush()
    assert full_pass(store.session) == [] and suggest_for_claims(store.session, [alleged.id, denied.id]) == []
