"""The rule table: every rule the engine sets is in it, and its rows say what the pipeline asks."""
from claimtrack.engine import rules
from claimtrack.engine.rules import RULES, Rule


def test_every_rule_is_in_the_table_once():
    defined = [value for value in vars(rules).values() if isinstance(value, Rule)]
    assert sorted(map(id, defined)) == sorted(map(id, RULES))
    assert len({(r.label, r.confidence, r.ceiling) for r in RULES}) == len(RULES)


def test_labels_start_with_their_id():
    for rule in RULES:
        assert rule.label.startswith(rule.id + " "), rule


def test_reported_speech_is_not_continued_by_a_following_quotation():
    assert {r.id for r in RULES if not r.takes_following_quotes} == {"P5", "P8", "P9"}


def test_a_rule_gives_its_own_confidence_or_caps_the_speakers():
    assert rules.QUOTE_SPEAKER_CUE.applied_to(0.65) == 0.9
    assert rules.SPEAKER_CUE_CLAUSE.applied_to(0.85) == 0.85
    assert rules.CLAUSE_SPEAKER_CUE.applied_to(0.85) == 0.75
    assert rules.CLAUSE_SPEAKER_CUE.applied_to(0.65) == 0.65
