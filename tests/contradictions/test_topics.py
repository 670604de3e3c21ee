"""What a claim is about: matter words, entities, negations, numbers, and the user's terms file."""
from __future__ import annotations

import re

import pytest

from claimtrack.contradictions.terms import build_terms, load_terms
from claimtrack.contradictions.topics import claim_topic, speaker_entities
from claimtrack.errors import ClaimtrackError

TERMS = build_terms()


@pytest.mark.parametrize("first, second, shared", [
    ("Serbia deployed tanks", "the deployment of tanks", {"forces"}),  # deployed / deployment meet
    ("troops were sent", "artillery and tanks were sent", {"forces", "send"}),  # related terms meet
    ("the build-up went on", "a build up of forces", {"forces"}),  # hyphen or not
    ("forces were on alert", "the highest combat readiness", {"combat readiness"}),
    ("prices rose sharply", "inflation rose sharply", {"prices", "rise", "sharply"}),
    ("the bridge was closed", "the bakery was open", set()),  # same shape, other matter
])
def test_claims_meet_on_lemmas_and_related_terms(first, second, shared):
    assert claim_topic(first, TERMS).keys & claim_topic(second, TERMS).keys == shared


@pytest.mark.parametrize("text, entities", [
    ("Serbian artillery near Kosovo", {"serbia", "kosovo"}),
    ("Belgrade must pull back", {"serbia"}),  # a capital stands for its government
    ("the US-led alliance", {"united states"}),
    ("Talk to us about it", set()),  # "us" is a pronoun, "US" a country
    ("President Macron said on Friday", {"macron"}),  # titles and days are no entities
    ("NATO would be increasing its presence", {"nato"}),  # sentence-initial acronym
])
def test_entities(text, entities):
    assert set(claim_topic(text, TERMS).entities) == entities


@pytest.mark.parametrize("text, negated, snippet", [
    ("We don't even have half the troops we had", {"forces"}, "don't even have half"),
    ("Serbia has not withdrawn its forces", {"withdraw", "forces"}, "not withdrawn its forces"),
    ("troops never crossed the border", {"cross", "border"}, "never crossed the border"),
    ("not true, but the troops stayed", {"true"}, "not true"),  # a comma ends the negation
    ("the troops stayed at the border", set(), None),
])
def test_negation_scope(text, negated, snippet):
    topic = claim_topic(text, TERMS)
    assert negated <= topic.negated
    if snippet is None:
        assert not topic.negations
    else:
        assert topic.negations[0] == snippet
    if not negated:
        assert not topic.negated


@pytest.mark.parametrize("text, expected", [
    ("Serbia has deployed 12,000 troops", [(12000.0, "count", {"forces"})]),
    ("around 20 vehicles took part", [(20.0, "count", {"vehicle"})]),
    ("we don't have half the troops", [(0.5, "share", {"forces"})]),
    ("unemployment fell to 7% last year", [(7.0, "percent", {"jobs", "fall"})]),  # what is measured comes before
    ("turnout had reached 61 percent", [(61.0, "percent", {"turnout", "reach"})]),
    ("2.5 million voters came", [(2_500_000.0, "count", {"voter"})]),
    ("12,000 troops at the border", [(12000.0, "count", {"forces"})]),  # the counted noun only
    ("two or three months ago", []),  # times are no quantities
    ("it happened in 2022 near tanks", []),  # a year is no quantity
])
def test_quantities(text, expected):
    found = [(q.value, q.kind, set(q.units)) for q in claim_topic(text, TERMS).quantities]
    assert found == expected


@pytest.mark.parametrize("text, about_claims, directive, first_person", [
    ("claims that his country's forces were on alert", True, False, True),
    ("Kirby's claims of a build-up", True, False, False),
    ("We are calling on Serbia to withdraw those forces", False, True, True),
    ("Belgrade urged Pristina to stop", False, True, False),
    ("the troops were on alert", False, False, False),
])
def test_claim_shape(text, about_claims, directive, first_person):
    topic = claim_topic(text, TERMS)
    assert (topic.about_claims, topic.directive, topic.first_person) == (about_claims, directive, first_person)


def test_a_speaker_is_the_entities_of_its_names():
    found = speaker_entities(["Aleksandar Vucic", "Serbian President Aleksandar Vucic", "Serbia"], TERMS)
    assert {"vucic", "serbia"} <= found
    assert "president" not in found


def test_a_users_terms_file_extends_the_defaults(tmp_path, monkeypatch):
    path = tmp_path / "terms.toml"
    path.write_text('[related]\nsanctions = ["embargo", "asset freeze"]\n'
                    '[antonyms]\npairs = [["annex", "cede"]]\n'
                    '[entities]\n"Pristina" = "Kosovo"\n"Fantasia" = "Ruritania"\n', encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_TERMS", str(path))
    terms = load_terms()
    assert claim_topic("an embargo on oil", terms).keys & claim_topic("an asset freeze on oil", terms).keys \
        == {"sanctions", "oil"}
    assert ("annex", "cede") in terms.antonyms and ("cede", "annex") in terms.antonyms
    assert claim_topic("Fantasia said no", terms).entities == {"ruritania"}
    assert ("deploy", "withdraw") in terms.antonyms  # the defaults stay


@pytest.mark.parametrize("content, message", [
    ("[related\n", "not valid TOML"),
    ("[colours]\nred = 1\n", "unknown table [colours]"),
    ("[related]\nforces = 'tanks'\n", "must be a list of words"),
    ("[antonyms]\npairs = [['up']]\n", "pairs must be pairs of words"),
])
def test_a_bad_terms_file_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / "terms.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimtrackError, match=re.escape(message)):
        load_terms(path)


def test_a_missing_terms_file_named_in_the_environment_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_TERMS", str(tmp_path / "missing.toml"))
    with pytest.raises(ClaimtrackError, match="terms file not found"):
        load_terms()
