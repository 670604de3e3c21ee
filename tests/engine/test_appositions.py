"""Appositions after a name are split into role and affiliation, like a title before the name."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract
from claimtrack.engine.speakers import split_apposition

BODY = "Lead paragraph of an invented report.\n\n"  # the first line is read as the headline

# text, speaker, role, affiliation
CASES = [
    ('"We will win," said Mary Brown, the minister of sport.', "Mary Brown", "minister", "sport"),
    ("John Smith, the mayor of the city, said the roads would be fixed by May.", "John Smith", "mayor", "city"),
    ('"The hospitals are full," said Ann Lee, a spokeswoman for the health ministry.',
     "Ann Lee", "spokeswoman", "health ministry"),
    ("Ann Lee, a spokeswoman for the health ministry, said the hospitals were full.",
     "Ann Lee", "spokeswoman", "health ministry"),
    ("Aleksandar Vucic, the Serbian president, said the talks had failed.", "Aleksandar Vucic", "president", "Serbian"),
    ("“The figures do not add up at all,” said Peter Hale, the committee chairman.",
     "Peter Hale", "chairman", "committee"),
    ("Tom Feld, a former aide, said the plan was dead.", "Tom Feld", "aide", None),
    # no apposition naming a role: nothing is invented
    ("Tom Feld, who was there, said the plan was dead.", "Tom Feld", None, None),
    ("Tom Feld, 45, said the plan was dead.", "Tom Feld", None, None),
    ('"The plan is dead," said Tom Feld, a father of three.', "Tom Feld", None, None),
    # a title before the name wins over the apposition
    ("Governor Ana Ruiz, the party leader, said the plan was dead.", "Ana Ruiz", "Governor", None),
]


@pytest.mark.parametrize("text,speaker,role,affiliation", CASES)
def test_apposition_gives_role_and_affiliation(text, speaker, role, affiliation):
    ex = extract(BODY + text)
    assert [c.speaker for c in ex.claims] == [speaker]
    entity = ex.speaker(speaker)
    assert entity is not None
    assert (entity.role, entity.affiliation) == (role, affiliation)


@pytest.mark.parametrize("surface,expected", [
    ("the minister of sport", ("minister", "sport", None)),
    ("the mayor of the city", ("mayor", "city", None)),
    ("a spokeswoman for the health ministry", ("spokeswoman", "health ministry", "f")),
    ("the White House spokesman", ("spokesman", "White House", "m")),
    ("a former aide", ("aide", None, None)),
    ("a father of three", None),
    ("the best of times", None),
])
def test_split_apposition(surface, expected):
    assert split_apposition(surface) == expected


def test_apposition_role_reaches_later_mentions():
    text = BODY + ('"We will win," said Mary Brown, the minister of sport.\n\n'
                   '"The stadium opens in May," Brown said.')
    ex = extract(text)
    assert [c.speaker for c in ex.claims] == ["Mary Brown", "Mary Brown"]
    entity = ex.speaker("Mary Brown")
    assert (entity.role, entity.affiliation) == ("minister", "sport")
