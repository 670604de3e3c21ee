"""The speaker scans and the title split, one case per step: each step of subject_left,
subject_right, the cue's verbal-context test and parse_title is exercised by an invented sentence."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract
from claimtrack.engine.speakers import parse_title
from claimtrack.vocabulary import SpeakerKind

BODY = "Lead paragraph of an invented report.\n\n"  # the first line is read as the headline

# sentence, speaker, cue
SCANS = [
    # subject_left: a name in a comma-enclosed insertion after a role
    ("The company's head of research, Tom Feld, said the plan was dead.", "Tom Feld", "said"),
    # subject_left: a parenthesis after the name
    ("Sen. Lisa Grant (D-Ore.) said the bill would pass.", "Lisa Grant", "said"),
    # subject_left: a closing prepositional phrase is an adjunct of the cue
    ("Lee at the time said the roads were closed.", "Lee", "said"),
    # subject_left: a short determiner phrase is a subject whatever its noun
    ("The leaflet says the tax will rise.", "the leaflet", "says"),
    # subject_left: "and" between two speaker nouns stays inside the subject
    ("The president and his aides said the talks had failed.", "the president and his aides", "said"),
    # subject_left: a sentence-initial conjunction is trimmed
    ("But Mary Brown said the plan was dead.", "Mary Brown", "said"),
    # subject_left: a participle after a determiner is an adjective
    ("The retired neurosurgeon said the plan was dead.", "the retired neurosurgeon", "said"),
    # subject_left: a short noun phrase after a quotation's comma
    ('"It is over," a spokesman said.', "a spokesman", "said"),
    # subject_right: a time adjunct ends the inverted subject
    ('"The talks failed," said the minister on Monday.', "the minister", "said"),
    # subject_right: "according to plan" names no source
    ("The trains run according to plan, officials said.", "officials", "said"),
    # base forms: a plural subject before a comma-enclosed insertion
    ("Critics, including the group Fair Votes, say the law is unfair.", "Critics", "say"),
    ("Economists, like their rivals, say taxing sugar works.", "Economists", "say"),
    ("Officials say the bridge is safe.", "Officials", "say"),
    # subject_right: "reported" takes its speaker after it, as "said" does
    ('The bill is “central” to the platform for the first time, reported the Daily Courier.', "Daily Courier",
     "reported"),
]


@pytest.mark.parametrize(("sentence", "speaker", "cue"), SCANS)
def test_speaker_scan(sentence: str, speaker: str, cue: str) -> None:
    text = BODY + sentence
    claims = extract(text).claims
    assert len(claims) == 1
    c = claims[0]
    assert c.speaker == speaker
    assert c.cue_start is not None and c.cue_end is not None
    assert text[c.cue_start:c.cue_end] == cue



# Look-alikes of the inverted "reported": a noun ("reports that"), an object pronoun ("reported it").
@pytest.mark.parametrize(("sentence", "not_speaker", "not_content"), [
    ("The analysis relied on thousands of reports that parties filed, the commission said.", "parties",
     "The analysis relied on thousands of"),
    ("The company found the posting, reported it to the police, and removed it.", "it",
     "The company found the posting"),
])
def test_reported_is_inverted_only_before_a_name(sentence: str, not_speaker: str, not_content: str) -> None:
    claims = extract(BODY + sentence).claims
    assert all(c.speaker != not_speaker and c.text != not_content for c in claims)


# surface, name, kind, role, affiliation, gender, honorific
TITLES = [
    ("White House National Security Council spokesman John Kirby", "John Kirby", SpeakerKind.PERSON,
     "spokesman", "White House National Security Council", "m", None),
    ("a member of a major Kosovo Serb political party", "a member of a major Kosovo Serb political party",
     SpeakerKind.PERSON, "member", "a major Kosovo Serb political party", None, None),
    ("the senator from Vermont", "senator from Vermont", SpeakerKind.PERSON, "senator", "Vermont", None, None),
    ("Mr. Lee", "Lee", SpeakerKind.PERSON, None, None, "m", "mr"),
    ("Sen. Lisa Grant (D-Ore.)", "Lisa Grant", SpeakerKind.PERSON, "Senator", None, "f", "sen"),  # the office
    ("Mr. King", "King", SpeakerKind.PERSON, None, None, "m", "mr"),  # a surname that is also a title
    ("Secretary of State Antony Blinken", "Antony Blinken", SpeakerKind.PERSON, "Secretary of State", None, "m", None),
    ("Serbian President Aleksandar Vucic", "Aleksandar Vucic", SpeakerKind.PERSON, "President", "Serbian", "m",
     "president"),
    ("the health ministry", "the health ministry", SpeakerKind.ORGANIZATION, None, "health", None, None),
    ("the spokesman", "the spokesman", SpeakerKind.PERSON, "spokesman", None, "m", None),
    ("the officials", "the officials", SpeakerKind.GROUP, None, None, None, None),
    ("Serbia", "Serbia", SpeakerKind.ORGANIZATION, None, None, None, None),
    ("NATO", "NATO", SpeakerKind.ORGANIZATION, None, None, None, None),
    ("the White House", "White House", SpeakerKind.ORGANIZATION, None, None, None, None),
    ("United Nations", "United Nations", SpeakerKind.ORGANIZATION, None, None, None, None),
]


@pytest.mark.parametrize(("surface", "name", "kind", "role", "affiliation", "gender", "honorific"), TITLES)
def test_parse_title(surface: str, name: str, kind: SpeakerKind, role: str | None, affiliation: str | None,
                     gender: str | None, honorific: str | None) -> None:
    title = parse_title(surface)
    assert (title.name, title.kind, title.role, title.affiliation, title.gender, title.honorific) == (
        name, kind, role, affiliation, gender, honorific)
