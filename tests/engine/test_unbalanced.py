"""Unbalanced quotation marks: never raise, never drop the whole article, never let a stray mark
swallow the next paragraph's quotation."""
from __future__ import annotations

import pytest

from claimtrack.engine import extract

BODY = "Lead paragraph of an invented report.\n\n"  # the first line is read as the headline

# text, expected claims as (content, speaker) in text order
CASES = [
    # The example: a stray opener, a good pair, an opener left open at the paragraph's end.
    # The paragraph (and, with no lede before it, the article's first line) once read as a
    # "headline" because it ends with the open quotation instead of a full stop.
    ('"Unbalanced quote here, said the man. And "another one" said Ann. Then "more\n\nnext para',
     [("Unbalanced quote here", "the man"), ('"another one"', "Ann")]),
    (BODY + '"Unbalanced quote here, said the man. And "another one" said Ann. Then "more\n\nnext para',
     [("Unbalanced quote here", "the man"), ('"another one"', "Ann")]),
    # A stray opener mid-sentence: the next opener restarts the quotation.
    (BODY + 'Bob Lee said it was "a disgrace. "We will fight it in every court," Ann Lee said.',
     [('it was "a disgrace', "Bob Lee"), ('"We will fight it in every court,"', "Ann Lee")]),
    # A stray closer with nothing open is not a quotation mark.
    (BODY + 'Bob Lee said it was a disgrace". "We will fight it in every court," Ann Lee said.',
     [('it was a disgrace"', "Bob Lee"), ('"We will fight it in every court,"', "Ann Lee")]),
    (BODY + 'Bob Lee said "it was bad and Ann Lee said "we will fight it in court" and left.',
     [('"it was bad', "Bob Lee"), ('"we will fight it in court"', "Ann Lee")]),
    # An opener left open is closed at its paragraph's end when the next paragraph opens with no mark.
    (BODY + 'The mayor said "we will fix the roads, all of them.\n\nAnn Lee said the budget was too small.',
     [('"we will fix the roads, all of them.', "the mayor"), ("the budget was too small", "Ann Lee")]),
    # A quotation attributed in each paragraph: the first mark was left open by mistake.
    (BODY + 'The mayor said "we will fix the roads. It was fine.\n\n"The budget is too small for this," Ann Lee said.',
     [('"we will fix the roads. It was fine.', "the mayor"), ('"The budget is too small for this,"', "Ann Lee")]),
    # A stray straight mark never runs into a paragraph opening with a curly quotation.
    (BODY + '"Kevin was snoring.\n\n“Here he is, babe,” Ann Lee said. “Donald’s here, babe.”',
     [("“Here he is, babe,” Ann Lee said. “Donald’s here, babe.”", "Ann Lee")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_unbalanced_marks(text, expected):
    ex = extract(text)
    assert [(c.text, c.speaker) for c in ex.claims] == expected
    for c in ex.claims:
        assert text[c.start:c.end] == c.text


# The multi-paragraph convention still holds: an unclosed quotation runs on into a paragraph that
# opens with a mark of the same kind, attributed once.
MULTI = [
    (BODY + '"We will fix the roads, all of them, every one.\n\n"We have the money and the people for the job," '
            "the mayor said.",
     2, "the mayor"),
    (BODY + "“We will fix the roads, all of them, every one.\n\n“We have the money and the people for the job,” "
            "the mayor said.",
     2, "the mayor"),
    (BODY + '"We will fix the roads, all of them, every one," the mayor said. "It will take years.\n\n'
            '"We have the money and the people for the job."',
     3, "the mayor"),
]


@pytest.mark.parametrize("text,pieces,speaker", MULTI)
def test_quote_running_over_paragraphs_is_still_one_claim(text, pieces, speaker):
    ex = extract(text)
    assert len(ex.claims) == 1
    c = ex.claims[0]
    assert len(c.spans) == pieces and c.speaker == speaker
    assert "\n\n" in c.text


@pytest.mark.parametrize("text", [
    BODY + 'The mayor said "we will fix the roads, all of them.\n\nAnn Lee said the budget was too small.',
    BODY + '"Kevin was snoring.\n\n“Here he is, babe,” Ann Lee said.',
    BODY + 'The mayor said "we will fix the roads. It was fine.\n\n"The budget is too small for this," Ann Lee said.',
    BODY + 'He said "this is never closed\n\nAnd "neither is this\n\nNor "this one, said Bob Lee.',
])
def test_no_claim_runs_into_the_next_paragraph(text):
    for c in extract(text).claims:
        assert "\n" not in c.text, c


@pytest.mark.parametrize("text", [
    "Minister says talks will resume\n\nBody text without attribution.",
    "Trump Says No. Clinton Says Maybe\n\nBody text without attribution.",
])
def test_headlines_are_still_headlines(text):
    assert extract(text).claims == ()


def test_quoted_naming_after_as_beyond_the_content_keeps_the_article():
    """'described as; "a farce"': the quoted words after "as" lie past the content's end. This used
    to raise inside the engine, and the guard gave the whole article no claims at all."""
    from claimtrack.engine import extract

    text = 'Kirby said the plan was described as; "a farce" by critics.'
    claims = extract(text).claims
    assert [(c.speaker, text[c.start:c.end]) for c in claims] == [("Kirby", "the plan was described as")]
