"""The seed article (seeds/serbia-kosovo-build-up-2023-09-29.txt) must come out right."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.engine import extract
from claimtrack.vocabulary import ClaimKind, SpeakerKind, Stance
from tests.engine.conftest import find

SEED = Path(__file__).resolve().parents[2] / "seeds" / "serbia-kosovo-build-up-2023-09-29.txt"


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text)


@pytest.mark.parametrize("fragment,speaker,kind", [
    ("We are monitoring a large Serbian military deployment", "John Kirby", ClaimKind.DIRECT),
    ("That includes an unprecedented staging", "John Kirby", ClaimKind.DIRECT),
    ("We are calling on Serbia to withdraw", "John Kirby", ClaimKind.DIRECT),
    ("It's worrisome", "John Kirby", ClaimKind.DIRECT),
    ("I have denied untruths", "Aleksandar Vucic", ClaimKind.DIRECT),
    ("We don't even have half the troops", "Aleksandar Vucic", ClaimKind.DIRECT),
])
def test_direct_quotes(seed, fragment, speaker, kind):
    text, ex = seed
    c = find(ex, fragment)
    assert c is not None
    assert c.speaker == speaker
    assert c.kind is kind
    assert text[c.start:c.end] == c.text


def test_he_added_rests_on_the_pronoun(seed):
    text, ex = seed
    c = find(ex, "We are calling on Serbia")
    assert text[c.speaker_start:c.speaker_end] == "He"


def test_vucic_denies_in_his_own_words(seed):
    _, ex = seed
    assert find(ex, "I have denied untruths").stance is Stance.DENIES


@pytest.mark.parametrize("fragment,speaker,stances", [
    ("there had been a recent build-up", "Aleksandar Vucic", {Stance.UNCOMMITTED}),
    ("his country's forces were on alert", "Aleksandar Vucic", {Stance.REJECTS, Stance.DENIES}),
    # Issue 15: a claim about Serbia's deployment that Vucic disputes in the same article alleges.
    ("Serbia had deployed sophisticated tanks and artillery", "White House", {Stance.ALLEGES}),
    ("Belgrade to pull its forces back", "United States", {Stance.URGES}),
    ("Belgrade of backing the entire operation", "Kosovo's government", {Stance.ACCUSES}),
    ("the US-led alliance was ready to boost the force", "Jens Stoltenberg", {Stance.CONFIRMS}),
    ("had happened within the last week", "John Kirby", {Stance.ASSERTS}),
    ("very high level of sophistication", "John Kirby", {Stance.ASSERTS}),
    ("increasing its presence", "John Kirby", {Stance.ASSERTS}),
])
def test_reported_speech(seed, fragment, speaker, stances):
    _, ex = seed
    c = find(ex, fragment)
    assert c is not None
    assert c.speaker == speaker
    assert c.stance in stances


def test_mixed_claim_keeps_the_fragment(seed):
    _, ex = seed
    c = find(ex, "very high level of sophistication")
    assert c.kind is ClaimKind.MIXED
    assert c.text.startswith("the attack had")


def test_lawyer_claim_with_member_admission_as_child(seed):
    _, ex = seed
    child = find(ex, "to leading the gunmen")
    assert child is not None and child.parent is not None
    parent = ex.claims[child.parent]
    assert parent.speaker == "his lawyer"
    assert "admitted to leading the gunmen" in parent.text
    assert child.stance is Stance.ADMITS


def test_speakers_resolved(seed):
    _, ex = seed
    kirby = ex.speaker("John Kirby")
    assert kirby.kind is SpeakerKind.PERSON
    assert (kirby.role, kirby.affiliation) == ("spokesman", "White House National Security Council")
    assert {"Kirby", "He"} <= set(kirby.aliases) or {"Kirby", "he"} <= set(kirby.aliases)
    assert ex.speaker("Aleksandar Vucic").kind is SpeakerKind.PERSON
    for org in ("White House", "United States", "Serbia", "Kosovo's government"):
        assert ex.speaker(org).kind is SpeakerKind.ORGANIZATION
    names = {c.speaker for c in ex.claims}
    assert names <= {e.name for e in ex.speakers} | {None}


def test_no_claims_from_headline_caption_or_boilerplate(seed):
    text, ex = seed
    caption = text.index("(Photo by")
    headline_end = text.index("\n")
    for c in ex.claims:
        assert c.start > headline_end
        assert not (text.rfind("\n", 0, caption) < c.start < caption)
        assert "min read" not in c.text and "Live Story" not in c.text


def test_floating_quote_follows_kirby(seed):
    _, ex = seed
    c = find(ex, "That includes an unprecedented staging")
    assert c.rule.startswith("P12")


@pytest.mark.parametrize("fragment", [
    "We are monitoring a large Serbian military deployment",
    "That includes an unprecedented staging",
    "Serbia had deployed sophisticated tanks and artillery",
])
def test_disputed_claims_about_the_deployment_allege(seed, fragment):
    """Kirby's and the White House's claims about the build-up, which Vucic denies, are allegations."""
    _, ex = seed
    assert find(ex, fragment).stance is Stance.ALLEGES


def test_vucic_answer_denies(seed):
    _, ex = seed
    assert find(ex, "I have denied untruths").stance is Stance.DENIES
    assert find(ex, "We don't even have half the troops").stance is Stance.DENIES


@pytest.mark.parametrize("fragment,stance", [
    ("We are calling on Serbia to withdraw", Stance.URGES),
    ("US Secretary of State Antony Blinken had telephoned", Stance.ASSERTS),  # Vucic addressed, not acting
    ("the defense minister and head of the armed forces", Stance.ASSERTS),  # Serbia about itself
])
def test_claims_beside_the_dispute(seed, fragment, stance):
    _, ex = seed
    assert find(ex, fragment).stance is stance
