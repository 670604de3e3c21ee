"""Hostile arguments to the commands: ids no database can hold, versions never reached, LIKE wildcards
as names, searches without a word. Each gets one line (or the plain result), never a traceback.

The cases that reach the database run on both backends (`desk_url`; PostgreSQL is skipped, with a
message, when no server is configured).
"""
from __future__ import annotations

import json

import pytest
from sqlmodel import select

from claimtrack.queries.claims import ClaimFilter, count_claims, list_claims, list_speakers
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim, ClaimRelation
from tests.conftest import SEED_ARTICLE

HUGE = "99999999999999999999"  # over 2^63: no SQLite or PostgreSQL integer holds it


@pytest.fixture
def desk(desk_url, run) -> str:
    assert run("ingest", str(SEED_ARTICLE), db=desk_url).exit_code == 0
    return desk_url


def one_line_error(result) -> str:
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    return errors[0]


def claims_json(run, db, *args) -> list[dict]:
    result = run("claims", "--format", "json", *args, db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ----------------------------------------------------------------------------- ids over 2^63

@pytest.mark.parametrize("args", [
    ("show", HUGE), ("history", HUGE), ("annotate", HUGE, "--note", "x"), ("relate", HUGE, "1", "--kind", "supports"),
    ("relate", "1", HUGE, "--kind", "supports"), ("confirm", HUGE), ("dismiss", HUGE), ("reextract", HUGE),
    ("claims", "--source", HUGE), ("export", "--source", HUGE), ("annotate", "1", "--note", "x", "--if-version", HUGE),
    ("confirm", "1", "--if-version", HUGE), ("claims", "--limit", HUGE), ("sources", "--limit", HUGE),
    ("contradictions", "--limit", HUGE), ("show", "--", "-3"), ("claims", "--limit", "-1"), ("show", "0"),
], ids=" ".join)
def test_an_id_or_number_no_database_can_hold_is_one_line(run, args):
    result = run(*args)
    assert result.exit_code == 2
    line = one_line_error(result)
    assert "is not in the range" in line, line


def test_the_largest_id_a_store_holds_is_simply_not_found(desk, run):
    result = run("show", str(2**31 - 1), db=desk)  # PostgreSQL's id columns are 32-bit: the store's bound
    assert result.exit_code == 1
    assert f"claim {2**31 - 1}: no such claim" in one_line_error(result)
    assert run("claims", "--limit", str(2**63 - 1), db=desk).exit_code == 0
    assert run("reextract", str(2**31), db=desk).exit_code == 2


# ----------------------------------------------------------------------------- --if-version never reached

def test_a_version_never_reached_is_not_blamed_on_someone_else(desk, run):
    engine = open_database(desk)
    with session_scope(engine) as session:
        claim = session.exec(select(Claim).where(Claim.text.contains("half the troops"))).one()
        relation = session.exec(select(ClaimRelation).order_by(ClaimRelation.id)).first()
    engine.dispose()
    result = run("annotate", str(claim.id), "--verdict", "False", "--if-version", "99", db=desk)
    assert result.exit_code == 1
    line = " ".join(one_line_error(result).split())
    assert f"claim {claim.id} is at version 1; version 99 was never reached: look again" in line
    assert "someone else" not in line
    decided = run("confirm", str(relation.id), "--if-version", "7", db=desk)
    assert decided.exit_code == 1
    assert f"relation {relation.id} is at version 1; version 7 was never reached" in one_line_error(decided)
    engine = open_database(desk)
    with session_scope(engine) as session:  # nothing was saved
        assert (session.get(Claim, claim.id).verdict, session.get(ClaimRelation, relation.id).status) == (
            None, relation.status)
    engine.dispose()


# ----------------------------------------------------------------------------- LIKE wildcards are letters

@pytest.mark.parametrize("wildcard", ["%", "_", "%%", "/", "\\", "_%_"])
def test_like_wildcards_in_a_name_match_only_themselves(desk, run, wildcard):
    for command in (("claims", "--format", "json"), ("contradictions", "--format", "json"),
                    ("export", "--format", "json")):
        refused = run(*command, "--speaker", wildcard, db=desk)
        assert refused.exit_code == 1
        assert f"no speaker named {wildcard!r}" in one_line_error(refused) and "did you mean" not in refused.stderr
    speakers = run("speakers", "--name", wildcard, "--format", "json", db=desk)
    assert speakers.exit_code == 0 and json.loads(speakers.stdout) == []


def test_a_name_holding_a_wildcard_is_found_by_it(desk, run):
    claim = claims_json(run, desk, "--search", "half the troops")[0]
    made = run("annotate", str(claim["id"]), "--speaker", "50% Club_Nine", "--new-speaker", db=desk)
    assert made.exit_code == 0, made.output
    assert [c["id"] for c in claims_json(run, desk, "--speaker", "50% club_nine")] == [claim["id"]]
    near = run("claims", "--speaker", "50% club_n", db=desk)  # part of a name: a suggestion, never a list
    assert "did you mean: " in one_line_error(near) and "50% Club_Nine" in near.stderr
    assert "did you mean" not in one_line_error(run("claims", "--speaker", "5_% club", db=desk))
    engine = open_database(desk)
    with session_scope(engine) as session:
        assert [r.speaker.name for r in list_speakers(session, name="0% c")] == ["50% Club_Nine"]
        assert list_speakers(session, name="club%nine") == []
    engine.dispose()


# ----------------------------------------------------------------------------- searches without a word

@pytest.mark.parametrize("query", ["*", '"', "-", "()", "''", "   ", "", "* - ( ) \" :"])
def test_a_search_without_a_word_is_one_line(desk, run, query):
    result = run("claims", "--search", query, db=desk)
    assert result.exit_code == 1
    assert "the search has no words to look for" in one_line_error(result)


@pytest.mark.parametrize("query", ["*", '"', "-", "()", "^", "NEAR(", "**"])
def test_a_search_without_a_word_finds_nothing_in_the_library(desk, query):
    engine = open_database(desk)
    with session_scope(engine) as session:
        assert list_claims(session, ClaimFilter(search=query)) == []
        assert count_claims(session, ClaimFilter(search=query)) == 0
        assert count_claims(session, ClaimFilter(search="  ")) == count_claims(session)  # blank: no filter
    engine.dispose()


@pytest.mark.parametrize("word", ["NOT", "OR", "AND", "NEAR", "not*", "-not", "(troops)"])
def test_query_syntax_words_are_searched_as_words(desk, run, word):
    plain = word.strip("*-()").lower()
    found = claims_json(run, desk, "--search", word)
    assert found == claims_json(run, desk, "--search", plain)
    assert all(plain in c["text"].lower() for c in found)
