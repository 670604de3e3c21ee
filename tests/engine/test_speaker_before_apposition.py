"""A named speaker before a comma-enclosed apposition, and a noun phrase after "said" that is the
subject of the reported clause, not an inverted speaker (sentences written for the project)."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract

BODY = "Lead paragraph of an invented report.\n\n"  # the first line is read as the headline

# text, [(speaker, start of the claim's text)]
CASES = [
    # the noun phrase after "said" goes on with its own verb: the reported clause's subject
    ("Ruth Onley, from the cycling league, said photographs of the crash were to be given to police.",
     [("Ruth Onley", "photographs of the crash")]),
    ("Dev Patel, of the Small Ports Association, said most harbour fees had doubled since May.",
     [("Dev Patel", "most harbour fees")]),
    ("Olu Bakare, agent for Eastfield Liberals, said Mr Hart was no longer a candidate.",
     [("Olu Bakare", "Mr Hart was no longer")]),
    ("Ian Cole QC, representing four of the families, said the inquiry had been too slow.",
     [("Ian Cole", "the inquiry had been")]),
    ("The minister said the stolen laptop had been found in a car park.",
     [("the minister", "the stolen laptop")]),
    # a description before the name: the name is the speaker
    ("Maria's brother, Tomas Reyes, told reporters the sentence was far too short.",
     [("Tomas Reyes", "the sentence")]),
    # look-alikes that stay as they were: an inverted speaker, then an adjunct or a comma
    ('"The bridge will open in June," said Karen Holt on Monday.', [("Karen Holt", '"The bridge')]),
    ('"The bridge will open in June," said Karen Holt, the council leader.', [("Karen Holt", '"The bridge')]),
    ('"We are not finished," said the union leader, who had been on strike since May.',
     [("the union leader", '"We are not')]),
    ("The roads are closed, said police, and drivers should stay at home.", [("police", "The roads")]),
]


def _check(text: str, expected: list[tuple[str, str]]) -> None:
    """The claims found in *text* have these speakers, and texts starting so."""
    claims = extract(BODY + text).claims
    assert len(claims) == len(expected), [(c.speaker, c.text) for c in claims]
    assert [(c.speaker, c.text[: len(start)]) for c, (_, start) in zip(claims, expected, strict=True)] == expected


@pytest.mark.parametrize("text,expected", CASES)
def test_speaker_and_content(text, expected):
    _check(text, expected)


# text, [(speaker, start of the claim's text)]: cue words that are not speech, and a speaker
# before "went on to"
CUE_CASES = [
    ("Ms Hale went on to suggest that the depot would close within a year.",
     [("Hale", "the depot would close")]),
    ("Foreign terror suspects currently held in custody will be moved, the minister said.",
     [("the minister", "Foreign terror suspects")]),
    ("About 5,000 boundary disputes each year end in court, the ombudsman said.",
     [("the ombudsman", "About 5,000 boundary disputes")]),
    ("Rivals said the party's sums did not add up.", [("Rivals", "the party's sums")]),
    ("The delay has only added to the pressure on the council.", []),
    ("Ms Hale dismissed the latest Harbour Party attack.", [("Hale", "the latest Harbour Party attack")]),
    ("In their November report, MPs from the committee said most traveller camps were caused by a lack of sites.",
     [("MPs from the committee", "most traveller camps")]),
    ("The change, as the Liberals claim, would cost jobs.", [("the Liberals", "The change")]),
    # look-alikes that stay cues
    ("The inspector suspects that the fire was started deliberately.", [("the inspector", "the fire")]),
    # the subject of a cue inside a wh-clause starts after the wh-word
    ("The gap between what Ruiz says the plan would cost and the real bill is large.",
     [("Ruiz", "the plan would cost")]),
    ("You could see he was moved by what people said.", []),  # a noun phrase, no report of words
    # a report in an opening subordinate clause ends where the main clause begins
    # an earlier content ends where the wh-clause's phrase begins
    ('Ruiz has wondered whether the panel will be "fair" to her, engaging in what analysts described as spin.',
     [("Ruiz", 'whether the panel will be "fair" to her')]),
    ('"We will appeal," Mr Grant added.', [("Grant", '"We will appeal')]),
]


@pytest.mark.parametrize("text,expected", CUE_CASES)
def test_cue_words_and_speakers(text, expected):
    _check(text, expected)


# text, [(speaker, start of the claim's text)]: a participle after a comma speaks for the subject of
# the clause it hangs on, not for the noun phrase before the comma
PARTICIPLE_CASES = [
    ("Ana Ruiz spoke on Monday about the closure of the mill in Eastfield, arguing that the town had "
     "been abandoned.", [("Ana Ruiz", "the town had been")]),
    ("Stung by the criticism, as well as complaints over the cost of the scheme, Ruiz changed her plan, "
     "promising to protect the poorest families.", [("Ruiz", "to protect")]),
    ("Ruiz hit back at Mr Cole, accusing him of wasting public money.", [("Ruiz", "him of wasting")]),
    # the cue the participle hangs on reports nothing itself: its subject still speaks
    ('In a speech on Monday, Ruiz attacked Cole for his record on the port, saying, "He has failed the town."',
     [("Ruiz", '"He has failed')]),
    ("Ruiz, speaking to dock workers, said she would order a review of the port and warned against cuts.",
     [("Ruiz", "she would order"), ("Ruiz", "against cuts")]),
    # after "by": the sentence's subject, not the noun phrase before "by"
    ("A group of MPs has tried to raise the pressure on Ana Ruiz over the port by publishing a detailed "
     "plan for change.",
     [("a group of MPs", "a detailed plan")]),
    # look-alikes: a finite "was insisting" after an apposition, and an insertion
    ("Mr Cole, the treasurer, was insisting that the vote be delayed.", [("Cole", "the vote be delayed")]),
]


@pytest.mark.parametrize("text,expected", PARTICIPLE_CASES)
def test_participle_after_a_comma(text, expected):
    _check(text, expected)


def test_a_report_in_an_opening_subordinate_clause_ends_where_the_main_clause_begins():
    claims = extract(BODY + 'Though she called for bonuses to be "clawed back" for executives, Ruiz kept her '
                            "comments on the bank to future scenarios.").claims
    assert [c.text for c in claims] == ['bonuses to be "clawed back" for executives']


def test_a_gloss_after_a_dash_is_the_reporters():
    claims = extract(BODY + 'Ruiz dismissed the island as being in the "suburbs of the capital" — a metaphor for '
                            "the party's retreat from the coast.").claims
    assert [c.text for c in claims] == ['the island as being in the "suburbs of the capital"']


def test_an_adverb_and_a_participle_after_a_comma_are_the_reporters():
    claims = extract(BODY + 'The mayor told voters he would consider it a "personal insult" if they stayed home, '
                            "implicitly putting his name on the line.").claims
    assert [c.text for c in claims] == ['he would consider it a "personal insult" if they stayed home']


@pytest.mark.parametrize("text, expected", [
    # a programme's title in quotation marks opens an adjunct, not a quote: the content follows the cue
    ('In an interview on "Meet the Harbour," Speaker Ana Ruiz (D-Ore.) said the recent floods demand more '
     "listening.", [("Ana Ruiz", "the recent floods")]),
    # "in 2010" between a relative pronoun and its cue
    ("Voters never warmed to Tom Vale, now the port's chief, who in 2010 said the harbour's most important goal "
     "was growth.", [("the port's chief", "the harbour's most important goal")]),
])
def test_titles_and_years_between_a_speaker_and_the_cue(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text, content", [
    # the rest of an addressee and its adjuncts before "that" are no content
    ('Ruiz told one of her young aides on a regular basis that "the port is the answer."', '"the port is the answer.'),
    ("Ruiz told the Today programme that the port would close.", "the port would close"),
    # ... but a content that has begun keeps its own "that"
    ("Ruiz told reporters care was needed to ensure that no ferry was lost.",
     "care was needed to ensure that no ferry was lost"),
    # a gloss after a spaced hyphen is the reporter's
    ('Tom Vale likened the rules to "burning the charter" - a charge that might have stung.', 'the rules to "burning'),
])
def test_where_a_told_content_starts_and_ends(text, content):
    claims = extract(BODY + text).claims
    assert [c.text[: len(content)] for c in claims][:1] == [content]
    assert not claims[0].text.endswith("stung")
