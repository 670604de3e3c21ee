"""Stance rules (issue 15): the cue first, then the reported words' own act, then the article.

Every sentence here was written for these tests. Each rule has look-alikes that must not fire.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from claimtrack.engine import extract, lexicon
from claimtrack.engine import stance as stance_module
from claimtrack.engine.cues import Cue
from claimtrack.engine.stance import content_stance, stance_of
from claimtrack.vocabulary import Stance
from tests.engine.conftest import claim_for, find

BODY = "Harbour town council row\n\n"

# The reported words' own act, for a neutral cue: (content, wholly quoted, stance).
CONTENT = [
    # accuses: an attack on a named party's conduct
    ('"The mayor lied to every family in this town,"', True, Stance.ACCUSES),
    ("the treasurer had misled the auditors for years", False, Stance.ACCUSES),
    ('"He is a coward who hides behind his officials,"', True, Stance.ACCUSES),
    ('"They should have warned the residents before the flood,"', True, Stance.ACCUSES),
    # ... but an evaluation of a policy with nobody blamed asserts
    ('"The ferry timetable is a disaster for commuters,"', True, Stance.ASSERTS),
    ("terrorists wanted to attack the harbour", False, Stance.ASSERTS),
    # urges: should / must / has to addressed to others
    ('"The council must publish the report today,"', True, Stance.URGES),
    ("ministers should reopen the inquiry", False, Stance.URGES),
    ('"You have to vote on Thursday,"', True, Stance.URGES),
    ('"We are calling on the board to resign,"', True, Stance.URGES),
    # ... not in a question, not for the speaker's own "I have to say", not with a thing as subject
    ('"Should we wait for the inspectors?"', True, Stance.ASSERTS),
    ('"I have to say the turnout surprised me,"', True, Stance.ASSERTS),
    ('"Safety has to come first on the bridge,"', True, Stance.ASSERTS),
    # promises: the speaker's own future
    ('"We will open two new clinics next spring,"', True, Stance.PROMISES),
    ("he would scrap the parking charges", False, Stance.PROMISES),
    ('"My budget will pay for every school meal,"', True, Stance.PROMISES),
    # ... "will" said of others is a prediction, not a promise
    ('"The opposition will vote against the budget,"', True, Stance.ASSERTS),
    ('"He will never change his mind,"', True, Stance.ASSERTS),
    ('"We want to make the courts a last resort,"', True, Stance.PROMISES),
    ("they are committed to free care for the elderly", False, Stance.PROMISES),
    # ... announcing a speech act commits to nothing
    ('"I want to thank every volunteer,"', True, Stance.ASSERTS),
    ('"I would like to say how proud we are,"', True, Stance.ASSERTS),
    # warns: a bad outcome ahead, or a threat named
    ('"The cuts would devastate rural bus routes,"', True, Stance.WARNS),
    ("the storm poses a serious threat to the harbour wall", False, Stance.WARNS),
    ('"If the bank raises rates, thousands of families could lose their homes,"', True, Stance.WARNS),
    # hedges: "I think", "probably", "may"
    ('"I think the vote will be close,"', True, Stance.HEDGES),
    ("the inquiry would probably report in the autumn", False, Stance.HEDGES),
    ("the figures may change after the recount", False, Stance.HEDGES),
    # ... "May" the month hedges nothing; "I feel proud" is no belief
    ("the bridge will reopen in May after repairs", False, Stance.ASSERTS),
    ('"I feel proud of this team,"', True, Stance.ASSERTS),
    # rejects, admits, denies in the speaker's own words
    ('"We do not accept the findings of this report,"', True, Stance.REJECTS),
    ('"Closing the library is not the answer,"', True, Stance.REJECTS),
    ('"It was a mistake to sell the land,"', True, Stance.ADMITS),
    ('it was “a mistake” to sell the land', False, Stance.ADMITS),
    ('"She should not have to give up her privacy,"', True, Stance.URGES),  # deontic, no reproach
    ('"That is simply not true,"', True, Stance.DENIES),
    ('"No, this is not a stunt. We mean every word,"', True, Stance.DENIES),  # opens by saying no, and negates
    ('"No, I meant the harbour will close,"', True, Stance.ASSERTS),  # says no, then asserts
    ('"The council\'s reasons for the closure don\'t hold water,"', True, Stance.REJECTS),
    ("that plan makes no sense for the town", False, Stance.REJECTS),
    # uncommitted: the speaker has not made up their mind
    ("he honestly doesn't know why the ferry was late", False, Stance.UNCOMMITTED),
    ("no final decision had been made about the appeal", False, Stance.UNCOMMITTED),
    ('"It is too early to say what caused the fire,"', True, Stance.UNCOMMITTED),
    ('"I know the answer already,"', True, Stance.ASSERTS),
    # hedges: a condition that holds the claim back
    ("the council could sell the land, but only if the residents agree", False, Stance.HEDGES),
    # alleges: insinuation without a direct charge
    ('"The whole tender process was rigged,"', True, Stance.ALLEGES),
    # a plain statement asserts
    ('"The new ferry carries 300 passengers,"', True, Stance.ASSERTS),
    # warns: a risk, a recipe for failure, concerns raised; not a reassurance
    ('"Every pier in the bay is at risk of collapse,"', True, Stance.WARNS),
    ('"Cutting the dredging budget is a recipe for disaster,"', True, Stance.WARNS),
    ("there are also serious safety concerns", False, Stance.WARNS),
    ('"If you close the port you would be shooting yourself in the foot,"', True, Stance.WARNS),
    ("teachers are not going to be at risk of prosecution", False, Stance.ASSERTS),
    # urges: an opening call, "do need to", "U.S. has to", "I count on them to"
    ('"You should resign. You should give back the money you took,"', True, Stance.URGES),
    ('"Let the voters decide this in May,"', True, Stance.URGES),
    ('"I count on the harbour board to act today,"', True, Stance.URGES),
    ("the families do need to have their day in court", False, Stance.URGES),
    ("U.S. has to keep foreign money out of the port", False, Stance.URGES),
    ('"let the Tories in"', True, Stance.ASSERTS),  # a quoted phrase, no call
    # promises: a resolve, what a plan will do for people
    ("he cannot allow the port to close", False, Stance.PROMISES),
    ("he has had disagreements with the mayor but cannot allow the port to close", False, Stance.PROMISES),
    ("the harbour plan would extend to part-time crews", False, Stance.PROMISES),
    ("single parents would qualify for the new ferry passes", False, Stance.PROMISES),
    # rejects: refusing one's own backing
    ('he wasn\'t going to "act like a lapdog" and back the mayor', False, Stance.REJECTS),
    # admits: a belief given up at last
    ("he finally believes the bridge was built on time", False, Stance.ADMITS),
    # accuses: conduct charged in the idioms of politics
    ('"The Harbour Party is trying to make political hay out of the flood,"', True, Stance.ACCUSES),
    ("the permits were handed out like candy by the mayor's office", False, Stance.ACCUSES),
    # alleges: an insinuation
    ("the findings raised more troubling questions about the mayor's office", False, Stance.ALLEGES),
    # hedges: an estimate of cost
    ("the mayor's plans would cost $150 million", False, Stance.HEDGES),
    # uncommitted: a refusal to speak
    ("he would not answer questions", False, Stance.UNCOMMITTED),
]


@pytest.mark.parametrize("content,direct,stance", CONTENT)
def test_content_decides_for_a_neutral_cue(content, direct, stance):
    assert content_stance(content, direct) is stance


# The cue decides first; these cues are read by their own rules: (sentence, fragment, stance).
CUES = [
    ("Councillor Ana Ruiz does not believe the tax should rise this year.", "the tax should rise", Stance.REJECTS),
    ("The mayor Lena Ward did not say whether the bridge would reopen.", "the bridge would reopen",
     Stance.UNCOMMITTED),
    ("The reporter Sam Cole asked whether the budget had been cut.", "the budget had been cut",
     Stance.UNCOMMITTED),
    ('Councillor Ana Ruiz branded the plan "a betrayal of the town."', "a betrayal", Stance.ACCUSES),
    ("Councillor Ana Ruiz fears that the school will close next year.", "the school will close", Stance.WARNS),
    ("Councillor Ana Ruiz wants the board to resign over the scandal.", "the board to resign", Stance.URGES),
    ("Councillor Ana Ruiz wants to run for mayor next year.", "to run for mayor", Stance.PROMISES),
    ("The mayor Lena Ward said the council would build forty homes.", "the council would build", Stance.ASSERTS),
    ("The mayor Lena Ward said she would build forty homes.", "she would build", Stance.PROMISES),
    # "will" in a quote about others is no promise
    ('"They will cut the ferry service," the mayor Lena Ward said.', "They will cut", Stance.ASSERTS),
    # a directive: told someone (never) to do something; wanted to know: a question
    ("The harbour master Tom Vale told his staff never to speak of the spill.", "to speak of", Stance.URGES),
    ("Councillors wanted to know who had approved the contract.", "to know who", Stance.UNCOMMITTED),
    # a state's future action reported by its official is a commitment of the speaker's side
    ("Foreign Secretary Ana Ruiz said the United Kingdom would work with its allies on the blockade.",
     "the United Kingdom would work", Stance.PROMISES),
    # a poll's finding is an estimate
    ("The Harbour Gazette survey found most residents opposed the toll.", "most residents opposed",
     Stance.HEDGES),
    # "encouraged" someone to act is a call
    ("The harbour master Tom Vale encouraged residents to stay indoors.", "residents to stay indoors", Stance.URGES),
    # a verdict on what others said, with or without quotation marks, rejects it
    ("The ferry company called the charges unsubstantiated and fabricated by former staff.",
     "the charges unsubstantiated", Stance.REJECTS),
    ("The mayor Lena Ward called it nonsense.", "it nonsense", Stance.REJECTS),
    ('The harbour board branded the reports "totally false".', 'the reports "totally false"', Stance.REJECTS),
]


# Naming cues report speech only around quoted words, unless they give a verdict on claims.
@pytest.mark.parametrize("sentence", [
    "The mayor Lena Ward called the police after the meeting.",
    "The mayor Lena Ward called the meeting a success.",
    "Councillors called it a day at midnight.",
    "The harbour master Tom Vale called the ferry late on Monday.",
])
def test_an_unquoted_naming_cue_without_a_verdict_reports_nothing(sentence):
    assert extract(BODY + sentence).claims == ()


@pytest.mark.parametrize("sentence,fragment,stance", CUES)
def test_cue_rules(sentence, fragment, stance):
    _, c = claim_for(BODY + sentence, fragment)
    assert c.stance is stance


@pytest.mark.parametrize("negated,passive,refused,stance", [
    (True, False, False, Stance.REJECTS),  # "does not think X": holds not-X
    (True, True, False, Stance.HEDGES),  # "is not thought to be X": others' belief, neg-raised
    (False, False, True, Stance.UNCOMMITTED),  # "refused to think about it"
])
def test_negated_belief_cues(negated, passive, refused, stance):
    cue = Cue("think", 0, 1, 0, "ed", negated=negated, refused=refused, passive=passive)
    assert stance_of(cue, "the plan can work", False) is stance


@pytest.mark.parametrize("lemma", ["say", "deny", "confirm"])
def test_other_negated_cues_stay_uncommitted(lemma):
    assert stance_of(Cue(lemma, 0, 1, 0, "ed", negated=True), "the plan can work", False) is Stance.UNCOMMITTED


def test_a_negated_belief_never_reads_as_the_opposite():
    """Shown alone, (speaker, stance, text) must not say what the speaker denies believing."""
    _, c = claim_for(BODY + "Councillor Ana Ruiz does not believe the tax should rise this year.",
                     "the tax should rise")
    assert c.text.startswith("the tax should rise")
    assert c.stance is Stance.REJECTS


DISPUTE = BODY + (
    "Northland had moved heavy machinery to the river crossing, the Eastmark ministry warned.\n\n"
    '"We are tracking a large Northland convoy near the crossing," spokesman Carl Moss told reporters.\n\n'
    "The convoy had been seen on Monday, Moss said.\n\n"
    "Northland's president Ivo Stern rejected the reports.\n\n"
    '"It is not true that we sent any convoy," Stern told reporters.\n\n'
    '"We have no machinery anywhere near the river."\n'
)


def test_a_disputed_assertion_about_another_party_alleges():
    ex = extract(DISPUTE)
    assert find(ex, "Northland had moved heavy machinery").stance is Stance.ALLEGES
    assert find(ex, "We are tracking a large Northland convoy").stance is Stance.ALLEGES


def test_a_claim_naming_no_disputing_party_keeps_its_stance():
    ex = extract(DISPUTE)
    assert find(ex, "The convoy had been seen on Monday").stance is Stance.ASSERTS


def test_the_deniers_next_negated_words_deny():
    ex = extract(DISPUTE)
    assert find(ex, "It is not true that we sent any convoy").stance is Stance.DENIES
    assert find(ex, "We have no machinery anywhere near the river").stance is Stance.DENIES


def test_without_a_denial_nothing_is_alleged():
    text = DISPUTE.split("Northland's president")[0]
    ex = extract(text)
    assert find(ex, "Northland had moved heavy machinery").stance is Stance.WARNS
    assert find(ex, "We are tracking a large Northland convoy").stance is Stance.ASSERTS


def test_an_organisations_own_it_will_is_a_commitment():
    ex = extract(BODY + "The harbour board said it would review every lease by March.\n\n"
                        "The harbour board said it would lead to higher rents.")
    assert find(ex, "it would review every lease").stance is Stance.PROMISES
    assert find(ex, "it would lead to higher rents").stance is Stance.ASSERTS


def _eval_engine():
    path = Path(__file__).resolve().parents[2] / "bench" / "eval_engine.py"
    spec = importlib.util.spec_from_file_location("eval_engine", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_engine_stance_scores_and_confusion():
    bench = _eval_engine()
    gold = {"d": [
        {"doc_id": "d", "start": 0, "end": 10, "stance": "accuses"},
        {"doc_id": "d", "start": 20, "end": 30, "stance": "urges", "alt": "asserts"},
        {"doc_id": "d", "start": 40, "end": 50, "stance": "asserts"},
        {"doc_id": "d", "start": 60, "end": 70, "stance": "warns"},  # never matched
    ]}
    pred = {"d": {"quotes": [
        {"start": 0, "end": 10, "stance": "accuses"},
        {"start": 20, "end": 30, "stance": "asserts"},
        {"start": 41, "end": 50, "stance": "asserts"},
        {"start": 90, "end": 99, "stance": "promises"},  # no gold
    ]}}
    scores = bench.stance_scores(gold, pred, 0.5)
    assert scores["matched"] == 3 and scores["correct"] == 2
    assert scores["accuracy"] == pytest.approx(2 / 3)
    assert scores["lenient_accuracy"] == 1.0
    assert scores["confusion"]["urges", "asserts"] == 1
    assert scores["per_stance"]["asserts"]["precision"] == 0.5
    assert scores["per_stance"]["urges"]["recall"] == 0.0
    assert scores["per_stance"]["warns"]["matched"] == 0


@pytest.mark.parametrize("content,direct,stance", CONTENT)
def test_trigger_words_never_hide_a_pattern(monkeypatch, content, direct, stance):
    """The trigger words only skip patterns that could not match: with every pattern tried, the same stance."""
    monkeypatch.setattr(stance_module, "_possible", lambda _: frozenset(lexicon.STANCE_TRIGGERS))
    assert content_stance(content, direct) is stance


@pytest.mark.parametrize("content, first", [
    ("Mrs. Clinton's lead hides concerns about turnout. Nobody denies it.",
     "Mrs. Clinton's lead hides concerns about turnout."),
    ("U.S. officials said the talks failed. Others disagreed.", "U.S. officials said the talks failed."),
    ("It is over. We won.", "It is over."),
])
def test_a_titles_stop_ends_no_sentence(content, first):
    """The first sentence carries a quote's act: "Mrs." and "U.S." do not end it."""
    assert stance_module.first_sentence(content) == first
