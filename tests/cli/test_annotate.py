"""Listing, showing, annotating and the revision log, through the real CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import SEED_ARTICLE


@pytest.fixture
def seeded(run):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    return run


def claims_json(run, *args):
    result = run("claims", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_claims_filters(seeded):
    everything = claims_json(seeded)
    kirby = claims_json(seeded, "--speaker", "kirby")
    assert kirby and all(c["speaker"] == "John Kirby" for c in kirby) and len(kirby) < len(everything)
    denials = claims_json(seeded, "--stance", "denies")
    assert denials and all(c["stance"] == "denies" for c in denials)
    troops = claims_json(seeded, "--search", "troops")
    assert any("half the troops" in c["text"] for c in troops)
    assert all("troop" in c["text"].lower() for c in troops)
    assert claims_json(seeded, "--source", "99") == []
    assert claims_json(seeded, "--search", '"unbalanced (quote') == []  # odd input is searched, never an error


def test_claims_as_csv_and_table(seeded):
    rows = list(csv.DictReader(io.StringIO(seeded("claims", "--format", "csv").stdout)))
    assert rows and {"id", "speaker", "stance", "text", "start", "end"} <= set(rows[0])
    table = seeded("claims", "--speaker", "Vucic")
    assert table.exit_code == 0 and "Claims" in table.stdout and "Vucic" in table.stdout


def test_show_gives_the_words_in_context_and_the_reasoning(seeded):
    claim = claims_json(seeded, "--search", "combat readiness")[0]
    shown = seeded("show", str(claim["id"]))
    assert shown.exit_code == 0
    out = " ".join(shown.stdout.split())
    assert "Vucic" in out and "stance" in out and "rule" in out and "told reporters" in out
    missing = seeded("show", "9999")
    assert missing.exit_code == 1 and "claim 9999: no such claim" in missing.stderr


def test_annotate_records_a_revision_per_field_and_history_lists_them(seeded, db_path):
    claim = claims_json(seeded, "--search", "combat readiness")[0]
    cid = str(claim["id"])
    result = seeded("annotate", cid, "--stance", "rejects", "--status", "confirmed", "--verdict", "Misleading",
                    "--explanation", "Satellite images show armour near the border.", "--note", "checked with desk")
    assert result.exit_code == 0, result.output
    after = claims_json(seeded, "--search", "combat readiness")[0]
    assert (after["stance"], after["status"], after["verdict"]) == ("rejects", "confirmed", "Misleading")
    history = json.loads(seeded("history", cid, "--format", "json").stdout)
    assert [(h["field"], h["old"], h["new"]) for h in history] == [
        ("stance", claim["stance"], "rejects"), ("status", "unreviewed", "confirmed"),
        ("verdict", None, "Misleading"), ("explanation", None, "Satellite images show armour near the border.")]
    assert {h["author"] for h in history} == {"tester"} and {h["note"] for h in history} == {"checked with desk"}
    unchanged = seeded("annotate", cid, "--stance", "rejects")
    assert "nothing changed" in unchanged.stdout
    assert len(json.loads(seeded("history", cid, "--format", "json").stdout)) == 4


def test_annotate_speaker_must_exist_unless_asked_to_create(seeded):
    claim = claims_json(seeded, "--search", "worrisome")[0]
    typo = seeded("annotate", str(claim["id"]), "--speaker", "Jon Kirbi")
    assert typo.exit_code == 1 and "did you mean 'John Kirby'" in typo.stderr
    moved = seeded("annotate", str(claim["id"]), "--speaker", "Vucic")  # an alias is enough
    assert moved.exit_code == 0 and "speaker: John Kirby -> Aleksandar Vucic" in moved.stdout
    created = seeded("annotate", str(claim["id"]), "--speaker", "Anonymous Official", "--new-speaker")
    assert created.exit_code == 0
    assert claims_json(seeded, "--search", "worrisome")[0]["speaker"] == "Anonymous Official"


def test_annotate_rejects_unknown_values_and_empty_requests(seeded):
    claim = claims_json(seeded)[0]
    bad = seeded("annotate", str(claim["id"]), "--stance", "shouts")
    assert bad.exit_code == 1 and "stance 'shouts': not one of asserts" in bad.stderr
    nothing = seeded("annotate", str(claim["id"]))
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr


def test_sources_and_speakers_lists(seeded):
    sources = json.loads(seeded("sources", "--format", "json").stdout)
    assert len(sources) == 1 and sources[0]["claims"] >= 10
    assert sources[0]["title"].startswith("US warns of large Serbian military build-up")
    assert "Sources" in seeded("sources").stdout
    speakers = seeded("speakers")
    assert speakers.exit_code == 0 and "John Kirby" in speakers.stdout


def test_words_from_articles_are_never_read_as_terminal_markup(run, tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text('Colonel speaks\n\n"We [bold]never[/bold] moved the [red]troops[/red]," '
                       'Colonel Ann Hart said.\n', encoding="utf-8")
    assert run("ingest", str(article)).exit_code == 0
    table = run("claims")
    assert "[bold]never[/bold]" in table.stdout and "[red]troops[/red]" in table.stdout
    assert "[bold]never" in run("extract", str(article), "--format", "table").stdout
