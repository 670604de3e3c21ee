"""Hostile text never reaches the terminal raw: what articles, file names and people typed holds is
shown with its controls as visible escapes (claimtrack.display), and JSON stays faithful.

The hostile article clears the screen (ESC [2J), sets the window title (OSC 0), plants a link
(OSC 8), turns the text around (U+202E) and starts an 8-bit control sequence (C1 \\x9b)."""
from __future__ import annotations

import io
import json
import re

import pytest
from sqlalchemy import update

from claimtrack.display import for_terminal, same_length, to_stream

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\\u202e\x9b31m\x7f"
ARTICLE = (f'"We will never raise taxes {HOSTILE} again," said Mayor Ana Lopes{HOSTILE} on Monday. '
           f'Lopes added: "The bridge {HOSTILE} is safe." '
           'Council member Tom Berg said "The bridge is not safe at all."')
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def assert_harmless(result, *, exit_code: int = 0) -> str:
    assert result.exit_code == exit_code, result.output
    assert not RAW_CONTROL.search(result.output), ascii(result.output)
    return result.output


@pytest.fixture
def hostile(run, db_path, tmp_path):
    """A store holding the hostile article (from a JSONL batch), a hostile speaker name and a hostile
    verdict and note; returns `run`."""
    from claimtrack.store.database import open_database
    from claimtrack.store.models import Speaker

    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"doc_id": "d1" + HOSTILE, "title": "Title " + HOSTILE, "url": "http://x" + HOSTILE,
                                 "text": ARTICLE}) + "\n", encoding="utf-8")
    bad = tmp_path / "bad\x1b[2J\u202e.txt"
    bad.write_bytes(b"\x00\x01 not text")
    ingested = run("ingest", str(batch), str(bad))
    assert_harmless(ingested, exit_code=1)
    assert "bad\\x1b[2J\\u202e.txt" in ingested.output  # the file is still named, visibly
    engine = open_database(str(db_path))
    with engine.begin() as connection:  # as an older release or an import could have stored it
        connection.execute(update(Speaker).where(Speaker.name == "Ana Lopes").values(name="Ana " + HOSTILE))
    engine.dispose()
    annotated = run("annotate", "1", "--verdict", "False" + HOSTILE, "--note", "checked" + HOSTILE)
    assert_harmless(annotated)
    return run


@pytest.mark.parametrize("args", [
    ("claims",), ("show", "1"), ("show", "2"), ("sources",), ("speakers",), ("contradictions",),
    ("history", "1"),
])
def test_every_command_shows_hostile_text_as_escapes(hostile, args):
    assert "\\x1b" in assert_harmless(hostile(*args))


def test_a_speaker_suggested_by_the_filter_is_shown_as_escapes(hostile):
    refused = assert_harmless(hostile("claims", "--speaker", "Ana"), exit_code=1)  # part of a name: refused
    assert "did you mean" in refused and "\\x1b" in refused


@pytest.mark.parametrize("args", [("claims", "--format", "json"), ("history", "1", "--format", "json"),
                                  ("contradictions", "--format", "json")])
def test_json_never_holds_raw_controls(hostile, args):
    assert "\\u001b" in assert_harmless(hostile(*args))


@pytest.mark.parametrize("args", [("claims", "--format", "csv"), ("contradictions", "--format", "md")])
def test_csv_and_markdown_into_a_file_or_pipe_keep_every_character(hostile, args):
    result = hostile(*args)  # the test runner's output is no terminal
    assert result.exit_code == 0 and HOSTILE in result.stdout


def test_hostile_text_is_shown_visibly_not_dropped(hostile):
    shown = " ".join(assert_harmless(hostile("show", "1")).split())
    assert "\\x1b[2J" in shown and "\\u202e" in shown and "\\x9b31m" in shown and "\\x7f" in shown


def test_json_stays_faithful_and_harmless(hostile):
    output = assert_harmless(hostile("claims", "--format", "json"))
    claims = json.loads(output)
    assert any(HOSTILE in claim["text"] for claim in claims)  # every character kept
    assert any(claim["speaker"] == "Ana " + HOSTILE for claim in claims)
    history = json.loads(assert_harmless(hostile("history", "1", "--format", "json")))
    assert {row["new"] for row in history} == {"False" + HOSTILE}


def test_errors_naming_a_file_are_harmless(run, tmp_path):
    missing = tmp_path / "gone\x1b]0;pwned\x07.jsonl"
    shown = assert_harmless(run("import", str(missing)), exit_code=1)
    assert "gone\\x1b]0;pwned\\x07.jsonl: no such file" in shown
    assert_harmless(run("ingest", str(missing)), exit_code=1)


def test_the_sanitiser():
    assert for_terminal("a\tb\nc") == "a\tb\nc"  # newline and tab are text
    assert for_terminal("\x1b[2J\r\x00\x7f\x85\x9b\u202e\u2066\u200f\u061c") == \
        "\\x1b[2J\\x0d\\x00\\x7f\\x85\\x9b\\u202e\\u2066\\u200f\\u061c"
    assert for_terminal("Łódź «quoted» — ok \\x1b") == "Łódź «quoted» — ok \\x1b"
    assert for_terminal(None) == "" and for_terminal(3) == "3"
    assert len(same_length(HOSTILE)) == len(HOSTILE) and not RAW_CONTROL.search(same_length(HOSTILE))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_machine_formats_are_faithful_in_files_and_harmless_on_a_terminal():
    to_stream(file := io.StringIO(), HOSTILE)
    to_stream(terminal := Terminal(), HOSTILE)
    assert file.getvalue() == HOSTILE
    assert terminal.getvalue() == for_terminal(HOSTILE)


def test_extract_writes_faithful_harmless_jsonl_and_tables(run, tmp_path):
    article = tmp_path / "hostile.jsonl"
    article.write_text(json.dumps({"doc_id": "d1" + HOSTILE, "text": ARTICLE}) + "\n", encoding="utf-8")
    records = [json.loads(line) for line in assert_harmless(run("extract", str(article))).splitlines()]
    assert any(HOSTILE in quote["text"] for quote in records[0]["quotes"])
    assert "\\x1b[2J" in assert_harmless(run("extract", "--format", "table", str(article)))
