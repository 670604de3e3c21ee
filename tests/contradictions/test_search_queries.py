"""The candidate search's query trees, written for SQLite FTS5 and for PostgreSQL (no database needed)."""
from __future__ import annotations

import pytest

from claimtrack.contradictions.index import AllOf, AnyOf, Term, search_queries, to_fts5, to_tsquery
from claimtrack.contradictions.signals import ClaimFacts
from claimtrack.contradictions.terms import build_terms
from claimtrack.contradictions.topics import claim_topic, speaker_entities
from claimtrack.queries.claims import fts_query, ts_query

TERMS = build_terms()
FORCES = ('"armor" OR "armour" OR "army" OR "artillery" OR "battalion" OR "brigade" OR "build up" OR "deploy" OR '
          '"deployment" OR "force" OR "infantry" OR "military" OR "soldier" OR "tank" OR "troop" OR "unit"')

FORCES_SEEN = ('"armor" OR "armour" OR "army" OR "artillery" OR "battalion" OR "brigade" OR "build up" OR '
               '"build-up" OR "deploy" OR "force" OR "infantry" OR "military" OR "soldier" OR "tank" OR "tanks" OR '
               '"troop" OR "unit"')


def facts(text: str, stance: str = "asserts", *speaker_names: str) -> ClaimFacts:
    return ClaimFacts(id=1, source_id=1, stance=stance, topic=claim_topic(text, TERMS),
                      speaker_entities=speaker_entities(list(speaker_names), TERMS))


# The FTS5 strings the finder sent before the query trees, byte for byte: SQLite must search as it did.
FTS5_BEFORE = {
    "We are monitoring a large Serbian military deployment along the border with Kosovo": [
        '("belgrade"* OR "kosovan"* OR "kosovar"* OR "kosovo"* OR "pristina"* OR "serb"* OR "serbia"* OR "serbian"* OR '
        f'"serbs"*) AND (("border") OR ({FORCES}) OR ("monitoring"))',
        f'(("border") AND ({FORCES})) OR (("border") AND ("monitoring")) OR (({FORCES}) AND ("monitoring"))',
    ],
    "Turnout was below 45 percent in the northern districts": [
        '(("districts") AND ("northern")) OR (("districts") AND ("turnout")) OR (("northern") AND ("turnout"))',
        '("turnout")',
    ],
    "U.S. officials said the build-up of tanks was not a threat": [
        '("america"* OR "american"* OR "americans"* OR "u.s."* OR "united states"* OR "us"* OR "usa"* OR "washington"*)'
        f' AND (({FORCES_SEEN}) OR ("officials") OR ("threat"))',
        f'(({FORCES_SEEN}) AND ("officials")) OR (({FORCES_SEEN}) AND ("threat")) OR (("officials") AND ("threat"))',
    ],
    "It is what they said.": [],  # no matter word: nothing to search for
}


@pytest.mark.parametrize("text", FTS5_BEFORE)
def test_the_fts5_strings_are_unchanged(text):
    assert [to_fts5(query) for query in search_queries(facts(text), TERMS)] == FTS5_BEFORE[text]


def test_a_first_person_claim_searches_for_the_speakers_side():
    denial = facts("I have denied untruths about the highest level of combat readiness of our forces", "denies",
                   "Aleksandar Vucic", "Serbia")
    entity_route = to_fts5(search_queries(denial, TERMS)[0])
    assert entity_route.startswith('("aleksandar"* OR "belgrade"* OR "serb"* OR "serbia"* OR "serbian"* OR "serbs"* OR '
                                   '"vucic"*) AND (("alert" OR "combat readiness" OR "combat ready" OR "high alert" OR '
                                   '"readiness") OR ("denied") OR (')


def test_the_same_trees_in_postgresql_syntax():
    queries = search_queries(facts("Turnout was below 45 percent in the northern districts"), TERMS)
    assert [to_tsquery(query) for query in queries] == [
        "(('districts') & ('northern')) | (('districts') & ('turnout')) | (('northern') & ('turnout'))",
        "('turnout')",
    ]


def test_terms_phrases_and_prefixes():
    assert to_tsquery(Term("troops")) == "'troops'"
    assert to_tsquery(Term("combat readiness")) == "'combat' <-> 'readiness'"
    assert to_tsquery(Term("serbia", prefix=True)) == "'serbia':*"
    assert to_tsquery(Term("united states", prefix=True)) == "'united' <-> 'states':*"  # the prefix on the last word
    assert to_fts5(Term("united states", prefix=True)) == '"united states"*'


def test_a_word_postgresql_may_keep_whole_is_also_asked_for_as_written():
    # PostgreSQL reads "U.S." as one lexeme "u.s", FTS5 as "u" then "s": either form finds it.
    assert to_tsquery(Term("u.s.", prefix=True)) == "('u' <-> 's':* | 'u.s.':*)"
    assert to_tsquery(Term("build-up")) == "('build' <-> 'up' | 'build-up')"
    # Quoted as PostgreSQL wants: a single quote doubled, a backslash escaped.
    assert to_tsquery(Term("o'brien")) == "('o' <-> 'brien' | 'o''brien')"
    assert to_tsquery(Term("a\\b")) == "('a' <-> 'b' | 'a\\\\b')"
    assert to_fts5(Term('a"b')) == '"a b"'


def test_a_term_without_a_word_finds_nothing():
    assert to_tsquery(Term("*")) == to_tsquery(Term("")) == ""
    assert to_tsquery(AnyOf((Term('"'), Term("troops")))) == "'troops'"  # as FTS5 ("" OR "troops")
    assert to_tsquery(AllOf((AnyOf((Term("("),)), AnyOf((Term("troops"),))))) == ""  # as FTS5 ("") AND ("troops")
    assert to_tsquery(AnyOf((AllOf((Term("*"), Term("a"))), AllOf((Term("b"), Term("c")))))) == "('b' & 'c')"


def test_nested_groups_are_bracketed_the_top_level_is_not():
    query = AnyOf((AllOf((AnyOf((Term("a"), Term("b"))), AnyOf((Term("c"),)))), AnyOf((Term("d", prefix=True),))))
    assert to_fts5(query) == '(("a" OR "b") AND ("c")) OR ("d"*)'
    assert to_tsquery(query) == "(('a' | 'b') & ('c')) | ('d':*)"


def test_claims_search_words_for_each_database():
    assert fts_query("Vučić's troops, not-half") == '"Vučić" "s" "troops" "not" "half"'
    assert ts_query("Vučić's troops, not-half") == ("('Vučić' <-> 's' | 'Vučić''s') & 'troops' & "
                                                     "('not' <-> 'half' | 'not-half')")
    assert ts_query("U.S. troops") == "('U' <-> 'S' | 'U.S') & 'troops'"  # PostgreSQL reads "U.S." as one word
    assert ts_query(" ,.; ") == ""
