"""`extract`, `eval` and `demo` through the real CLI."""
from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, SEED_ARTICLE, SEEDS

MINI_GOLD = FIXTURES / "gold" / "mini_gold.jsonl"
QUOTE_KEYS = {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
              "stance", "confidence", "rule"}


def test_extract_writes_one_scorer_line_per_document_with_valid_offsets(run):
    result = run("extract", str(SEED_ARTICLE))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert record["doc_id"] == str(SEED_ARTICLE) and record["quotes"]
    for quote in record["quotes"]:
        assert set(quote) >= QUOTE_KEYS
        assert text[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker_start"] is not None:
            assert 0 <= quote["speaker_start"] < quote["speaker_end"] <= len(text)


def test_extract_keeps_jsonl_doc_ids_and_reports_bad_files(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run("extract", str(MINI_GOLD), str(bad))
    assert result.exit_code == 1 and f"{bad}: empty file" in result.stderr
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["mini-1", "mini-2"]
    table = run("extract", str(MINI_GOLD), "--format", "table")
    assert table.exit_code == 0 and "Maria Gomez" in table.stdout and "Tom Reed" in table.stdout


def test_eval_scores_the_engine_with_the_scorer_definitions(run, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    result = run("eval", str(MINI_GOLD), "--format", "json", "--predictions", str(predictions))
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert [s["threshold"] for s in scores] == [0.5, 0.9]
    at_half = scores[0]
    assert at_half["gold"] == 4 and at_half["gold_quoted"] == 2
    assert at_half["f1"] == 1.0 and at_half["speaker_acc"] == 1.0 and at_half["e2e_f1"] == 1.0
    assert len(predictions.read_text().splitlines()) == 2
    table = run("eval", str(MINI_GOLD))
    assert "end-to-end F1" in table.stdout


def test_eval_names_a_broken_gold_line(run, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc_id": "a", "text": "x", "quotes": []}\n{broken\n')
    result = run("eval", str(gold))
    assert result.exit_code == 1 and f"{gold} line 2: not a gold record" in result.stderr


def test_demo_loads_the_seeds_and_prints_the_summary(run, db_path):
    result = run("demo", str(SEEDS), "--summary")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Sources added: 1" in out and "John Kirby" in out and "Aleksandar Vucic" in out
    again = run("demo", str(SEEDS), "--summary")  # a second demo adds nothing
    assert "Sources added: 0, skipped: 1" in " ".join(again.stdout.split())
    missing = run("demo", "no-such-seeds")
    assert missing.exit_code == 1 and "no-such-seeds: no such folder" in missing.stderr


GOOD_GOLD = {"doc_id": "a", "text": "The mayor said the bridge would reopen.",
             "quotes": [{"start": 15, "end": 38, "kind": "indirect", "speaker_start": 0, "speaker_end": 9}]}


def _gold_with(**changes) -> str:
    record = json.loads(json.dumps(GOOD_GOLD))
    quote = changes.pop("quote", None)
    if quote is not None:
        record["quotes"][0].update(quote)
    record.update(changes)
    return json.dumps(record)


@pytest.mark.parametrize("line, problem", [
    ("[1, 2]", "not a gold record (not a JSON object)"),
    ('{"doc_id": "a", "text": "x", "quotes": [], "n": ' + "9" * 5000 + "}", "not a gold record (not valid JSON: "),
    ("[" * 100_000, "not a gold record (not valid JSON: "),
    (_gold_with(doc_id=None), 'not a gold record ("doc_id" must be text or a number)'),
    (_gold_with(text=5), 'not a gold record ("text" must be text)'),
    (_gold_with(quotes={"a": 1}), 'not a gold record ("quotes" must be a list of objects)'),
    (_gold_with(quotes=[1]), 'not a gold record ("quotes" must be a list of objects)'),
    (_gold_with(quote={"start": "15"}), 'not a gold record (quote 1: "start" must be a whole number)'),
    (_gold_with(quote={"end": 10**12}), 'not a gold record (quote 1: start and end must lie within the text'),
    (_gold_with(quote={"spans": [[0, "x"]]}), 'not a gold record (quote 1: "spans" must be a list of [start, end]'),
    (_gold_with(quote={"speaker_start": 1.5}), 'not a gold record (quote 1: "speaker_start" must be a whole number'),
    (_gold_with(quote={"speaker": ["x"]}), 'not a gold record (quote 1: "speaker" must be text'),
    (_gold_with(quote={"kind": 3}), 'not a gold record (quote 1: "kind" must be text'),
], ids=["list", "huge-int", "deep", "doc_id", "text", "quotes-object", "quote-number", "start-text", "end-huge",
        "spans", "speaker-start", "speaker", "kind"])
def test_eval_names_the_line_of_malformed_gold_in_one_line(run, tmp_path, line, problem):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOOD_GOLD) + "\n" + line + "\n", encoding="utf-8")
    result = run("eval", str(gold))
    assert result.exit_code == 1 and "Traceback" not in result.output
    message = result.stderr.strip()
    assert "\n" not in message and message.startswith(f"Error: {gold} line 2: {problem}"), message


def test_eval_refuses_gold_that_is_not_utf8_in_one_line(run, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(json.dumps(GOOD_GOLD).encode() + b"\n" + '{"doc_id": "caf\u00e9"}\n'.encode("latin-1"))
    result = run("eval", str(gold))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {gold} line 2: not a gold record (not UTF-8 text)"
