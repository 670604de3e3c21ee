"""What people type is checked before it is stored (claimtrack.review.human_input): authors and speaker
names are one line of visible text; verdicts, explanations and notes have a sane maximum length.
Each refusal is one line, and nothing is stored."""
from __future__ import annotations

import json

import pytest

from claimtrack.review.human_input import EXPLANATION_MAX, NOTE_MAX, VERDICT_MAX
from tests.conftest import SEED_ARTICLE

BAD_NAMES = ["", "   ", "Ana\nLopes", "Ana\tLopes", "Ana\x1b[2JLopes", "Ana\u202eLopes", "Ana\x85Lopes",
             "Ana\u2028Lopes", "A" * 201]


@pytest.fixture
def seeded(run):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    return run


def one_line_refusal(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
    assert "Traceback" not in result.output
    return result.output


def revisions(run) -> list:
    return json.loads(run("history", "1", "--format", "json").stdout)


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_authors_are_refused(seeded, monkeypatch, name):
    shown = one_line_refusal(seeded("annotate", "1", "--verdict", "False", "--author", name))
    assert "--author" in shown
    one_line_refusal(seeded("relate", "1", "2", "--kind", "supports", "--author", name))
    monkeypatch.setenv("CLAIMTRACK_AUTHOR", name)
    if name.strip():  # an empty variable is no variable: the login name is used
        assert "--author" in one_line_refusal(seeded("annotate", "1", "--verdict", "False"))
    monkeypatch.setenv("CLAIMTRACK_AUTHOR", "Ana Lopes")
    assert all(r["author"] == "Ana Lopes" for r in revisions(seeded))


def test_a_configured_author_is_checked(seeded, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('author = "Ana\\nLopes"\n', encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(config))
    monkeypatch.delenv("CLAIMTRACK_AUTHOR")
    shown = one_line_refusal(seeded("annotate", "1", "--verdict", "False"))
    assert f"{config}: author" in shown and "control character" in shown
    assert revisions(seeded) == []


def test_names_are_stripped_and_kept(seeded):
    assert seeded("annotate", "1", "--verdict", "False", "--author", "  Ana Lopes ").exit_code == 0
    assert revisions(seeded)[0]["author"] == "Ana Lopes"
    assert seeded("annotate", "1", "--speaker", "Mahmoud\u200cAbadi", "--new-speaker").exit_code == 0  # a joiner


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_new_speaker_names_are_refused(seeded, name):
    shown = one_line_refusal(seeded("annotate", "1", "--speaker", name, "--new-speaker"))
    assert "speaker" in shown
    assert revisions(seeded) == []


@pytest.mark.parametrize("option, limit", [("--verdict", VERDICT_MAX), ("--explanation", EXPLANATION_MAX),
                                           ("--note", NOTE_MAX)])
def test_overlong_text_is_refused(seeded, option, limit):
    assert seeded("annotate", "1", option, "x" * limit).exit_code == 0  # the limit itself is fine
    shown = one_line_refusal(seeded("annotate", "1", option, "y" * (limit + 1)))
    assert f"claim 1: {option[2:]}: too long ({limit + 1:,} characters; at most {limit:,})" in shown
    assert len(revisions(seeded)) == 1


def test_overlong_relation_notes_are_refused(seeded):
    one_line_refusal(seeded("relate", "1", "2", "--kind", "supports", "--note", "n" * (NOTE_MAX + 1)))
    assert seeded("relate", "1", "2", "--kind", "supports").exit_code == 0
    one_line_refusal(seeded("confirm", "1", "--note", "n" * (NOTE_MAX + 1)))
    one_line_refusal(seeded("dismiss", "1", "--note", "n" * (NOTE_MAX + 1)))
