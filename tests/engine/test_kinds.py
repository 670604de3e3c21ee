"""partial is a short quoted fragment inside reported speech; a short quotation that is a sentence
of its own, with its cue, is direct."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract
from claimtrack.vocabulary import ClaimKind

BODY = "Lead paragraph of an invented report.\n\n"  # the first line is read as the headline

# text, claim content, kind
CASES = [
    ('"Hello there," said Bob Jones.', '"Hello there,"', ClaimKind.DIRECT),
    ('"Hello there," Bob Jones said.', '"Hello there,"', ClaimKind.DIRECT),
    ('"Why not?" Bob Jones asked.', '"Why not?"', ClaimKind.DIRECT),
    ('Bob Jones said: "We lost."', '"We lost."', ClaimKind.DIRECT),
    ('Bob Jones said, "we were floored."', '"we were floored."', ClaimKind.DIRECT),
    ('Bob Jones spoke last. "Not today," he said. "Maybe tomorrow."', '"Not today," he said. "Maybe tomorrow."',
     ClaimKind.DIRECT),
    # fragments inside reported speech stay partial
    ("Nine people were hurt by an explosion that Mayor Bill Cole described as “an intentional act.”",
     "“an intentional act.”", ClaimKind.PARTIAL),
    ("Hillary Clinton is describing as “unhinged” a tweet attacking a former beauty queen.", "“unhinged”",
     ClaimKind.PARTIAL),
    ("Trump is seen, as The New Yorker put it in a long profile, “the operator.”", "“the operator.”",
     ClaimKind.PARTIAL),
]


@pytest.mark.parametrize("text,content,kind", CASES)
def test_short_quote_kind(text, content, kind):
    ex = extract(BODY + text)
    hits = [c for c in ex.claims if c.text == content]
    assert hits, [c.text for c in ex.claims]
    assert hits[0].kind is kind
