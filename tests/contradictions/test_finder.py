"""The finder on a real store: incremental and full passes, speakers across sources, people's decisions."""
from __future__ import annotations

from sqlmodel import select

from claimtrack.contradictions.finder import full_pass, load_facts, suggest_for_claims
from claimtrack.contradictions.index import TopicIndex
from claimtrack.contradictions.terms import build_terms
from claimtrack.review.relations import add_manual_relation, set_relation_status
from claimtrack.store.models import ClaimRelation, Revision
from claimtrack.vocabulary import SpeakerKind

DEPLOYMENT = "We are monitoring a large Serbian military deployment along the border with Kosovo"
DENIAL = "I have denied untruths about the highest level of combat readiness of our forces"


def pairs(found):
    """(claim a, claim b, kind) of stored relations or of a full pass's suggestions."""
    return {(getattr(r, "claim_a_id", None) or r.claim_a, getattr(r, "claim_b_id", None) or r.claim_b, r.kind)
            for r in found}


def kirby_and_vucic(store):
    kirby = store.speaker("John Kirby", "Kirby", affiliation="White House")
    vucic = store.speaker("Aleksandar Vucic", "Vucic", affiliation="Serbia")
    return kirby, vucic


def test_an_articles_claims_are_compared_with_the_store_across_sources(store):
    kirby, vucic = kirby_and_vucic(store)
    monday, tuesday = store.source("Monday", "2023-09-29"), store.source("Tuesday", "2023-09-30")
    asserted = store.claim(monday, kirby, DEPLOYMENT)
    denied = store.claim(tuesday, vucic, DENIAL, "denies")
    found = suggest_for_claims(store.session, [denied.id])
    assert pairs(found) == {(asserted.id, denied.id, "contradicts")}
    assert found[0].status == "suggested" and found[0].origin == "auto"
    assert found[0].reason.startswith("Vucic denies what Kirby asserts: ")


def test_incremental_compares_only_the_new_claims(store):
    kirby, vucic = kirby_and_vucic(store)
    old = store.source("Old")
    asserted, denied = store.claim(old, kirby, DEPLOYMENT), store.claim(old, vucic, DENIAL, "denies")
    new = store.source("New")
    unrelated = store.claim(new, kirby, "Prices of bread rose in Belgrade bakeries")
    assert suggest_for_claims(store.session, [unrelated.id]) == []  # the old pair is not looked at
    assert pairs(full_pass(store.session)) == {(asserted.id, denied.id, "contradicts")}  # a full pass finds it


def test_the_same_speaker_under_three_names_is_one_speaker_across_articles(store):
    first = store.speaker("Aleksandar Vucic", "Vucic", affiliation="Serbia")
    assert store.speaker("Vucic").id == first.id
    assert store.speaker("Aleksandar Vucic", "Serbian President Aleksandar Vucic").id == first.id
    assert store.speaker("Serbian President Aleksandar Vucic").id == first.id
    assert store.speaker("Dragan Vucic", "Vucic").id != first.id  # another Vucic is someone else


def test_a_surname_first_then_the_full_name_is_one_speaker(store):
    first = store.speaker("Vucic")
    assert store.speaker("Aleksandar Vucic", "Vucic").id == first.id


def test_a_speaker_contradicting_themself_across_sources(store):
    vucic = store.speaker("Aleksandar Vucic", "Vucic", affiliation="Serbia")
    before, after = store.source("Before", "2023-09-01"), store.source("After", "2023-10-02")
    first = store.claim(before, vucic, "Serbia will deploy troops to the border with Kosovo")
    second = store.claim(after, store.speaker("Vucic"), "Serbia will withdraw troops from the border with Kosovo")
    found = suggest_for_claims(store.session, [second.id])
    assert pairs(found) == {(first.id, second.id, "contradicts")}
    assert found[0].reason.startswith("Vucic contradicts themself (2023-09-01 / 2023-10-02)")


def test_never_from_an_uncommitted_claim_a_nested_claim_or_one_speakers_article(store):
    kirby, vucic = kirby_and_vucic(store)
    source = store.source()
    store.claim(source, kirby, DEPLOYMENT)
    store.claim(source, kirby, "That includes an unprecedented staging of advanced Serbian artillery, tanks")
    store.claim(source, vucic, "there had been a recent build-up of Serbian forces", "uncommitted")
    lawyer = store.claim(source, store.speaker("his lawyer", kind=SpeakerKind.PERSON),
                         "a member of a Serb party in Kosovo admitted to leading the gunmen")
    store.claim(source, vucic, "Serbia denies leading the gunmen in Kosovo", "denies", parent=lawyer)
    assert full_pass(store.session) == []


def test_a_pair_is_suggested_once_and_a_dismissed_pair_never_again(store):
    kirby, vucic = kirby_and_vucic(store)
    source = store.source()
    asserted, denied = store.claim(source, kirby, DEPLOYMENT), store.claim(source, vucic, DENIAL, "denies")
    [suggestion] = full_pass(store.session)
    relation = store.session.exec(select(ClaimRelation)).one()
    assert (relation.claim_a_id, relation.claim_b_id, relation.reason) == \
        (suggestion.claim_a, suggestion.claim_b, suggestion.reason)
    assert full_pass(store.session) == [] and suggest_for_claims(store.session, [asserted.id, denied.id]) == []
    set_relation_status(store.session, relation.id, "dismissed", author="tester", note="different matter")
    store.session.flush()
    assert full_pass(store.session) == [] and suggest_for_claims(store.session, [denied.id]) == []
    assert relation.status == "dismissed"
    revision = store.session.exec(select(Revision).where(Revision.table_name == "claimrelation",
                                                         Revision.field == "status")).one()
    assert (revision.field, revision.old_value, revision.new_value, revision.author) == \
        ("status", "suggested", "dismissed", "tester")


def test_a_relation_added_by_hand_is_not_suggested_again(store):
    kirby, vucic = kirby_and_vucic(store)
    source = store.source()
    asserted, denied = store.claim(source, kirby, DEPLOYMENT), store.claim(source, vucic, DENIAL, "denies")
    manual = add_manual_relation(store.session, denied.id, asserted.id, "counters", author="tester")
    assert full_pass(store.session) == []
    relations = store.session.exec(select(ClaimRelation)).all()
    assert [(r.id, r.origin, r.status) for r in relations] == [(manual.id, "manual", "confirmed")]


def test_full_pass_and_incremental_agree(store, engine):
    kirby, vucic = kirby_and_vucic(store)
    nato = store.speaker("Jens Stoltenberg", affiliation="NATO")
    texts = [(kirby, DEPLOYMENT, "asserts"), (vucic, DENIAL, "denies"),
             (vucic, "We don't even have half the troops we had at the border with Kosovo", "asserts"),
             (nato, "NATO would increase its peacekeeping force in Kosovo", "asserts"),
             (kirby, "Serbia has 12,000 troops at the border", "asserts"),
             (nato, "Serbia has 4,000 troops at the border", "asserts")]
    claims = [store.claim(store.source(f"Article {i}"), who, text, stance)
              for i, (who, text, stance) in enumerate(texts)]
    incremental = set()
    for claim in claims:  # one article at a time, as ingestion does
        incremental |= pairs(suggest_for_claims(store.session, [claim.id]))
    for relation in store.session.exec(select(ClaimRelation)).all():
        store.session.delete(relation)
    store.session.flush()
    assert pairs(full_pass(store.session)) == incremental
    assert len(incremental) >= 4


def test_the_index_pairs_only_claims_about_the_same_matter(store):
    kirby, vucic = kirby_and_vucic(store)
    source = store.source()
    for i in range(30):  # thirty denials about thirty different things
        store.claim(source, vucic, f"Serbia denies the report about bakery number {i} in Novi Sad", "denies")
    asserted = store.claim(store.source(), kirby, DEPLOYMENT)
    denied = store.claim(store.source(), vucic, DENIAL, "denies")
    index = TopicIndex(load_facts(store.session, build_terms()), build_terms())
    candidate_pairs = set(index.candidate_pairs())
    assert (asserted.id, denied.id) in candidate_pairs
    assert all(asserted.id in pair for pair in candidate_pairs)  # the bakeries meet neither each other nor Kirby


def test_odd_words_in_a_users_terms_never_break_the_search(store):
    terms = build_terms({"related": {"forces": ['"', "*", 'a"b', "(", "NEAR", "AND"]},
                         "entities": {"Kosovo": '"Kos" AND ('}})
    kirby, vucic = kirby_and_vucic(store)
    source = store.source()
    asserted = store.claim(source, kirby, DEPLOYMENT)
    denied = store.claim(source, vucic, DENIAL, "denies")
    found = suggest_for_claims(store.session, [asserted.id, denied.id], terms=terms)
    assert pairs(found) == {(asserted.id, denied.id, "contradicts")}


def test_an_article_of_thousands_of_claims_is_compared_only_up_to_the_cap(store, monkeypatch):
    """Issue 18: one search per claim made an article of 20,000 quotes take many minutes to store."""
    from claimtrack.contradictions import finder
    from claimtrack.contradictions.index import StoreSearch

    searched: list[int] = []
    real = StoreSearch.candidates
    monkeypatch.setattr(StoreSearch, "candidates", lambda self, facts: searched.append(facts.id) or real(self, facts))
    monkeypatch.setattr(finder, "MAX_COMPARED_PER_ARTICLE", 3)
    kirby, vucic = kirby_and_vucic(store)
    asserted = store.claim(store.source("Monday"), kirby, DEPLOYMENT)
    tuesday = store.source("Tuesday")
    denials = [store.claim(tuesday, vucic, DENIAL, "denies") for _ in range(5)]
    found = suggest_for_claims(store.session, [c.id for c in denials])
    assert searched == [c.id for c in denials[:3]]  # the first three, in the article's order
    # The three compared are one sentence said three times: one suggestion, the other two its copies.
    assert pairs(found) == {(asserted.id, denials[0].id, "contradicts")}
    assert found[0].reason.endswith("copies: 2 (same sources)")
