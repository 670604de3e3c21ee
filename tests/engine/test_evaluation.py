"""claimtrack.evaluation: prediction records and the scorer's definitions."""
from __future__ import annotations

from claimtrack.engine import extract
from claimtrack.evaluation import quotes_record, score_documents

TEXT = ("Headline line here\n\n"
        '"We will not resign," the minister Ana Diaz said.\n\n'
        "The bridge will reopen in May, officials said.")


def test_quotes_record_shape():
    rec = quotes_record("doc-1", extract(TEXT))
    assert rec["doc_id"] == "doc-1"
    keys = {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "cue",
            "cue_start", "cue_end", "stance", "confidence", "rule"}
    assert rec["quotes"] and all(keys <= set(q) for q in rec["quotes"])
    assert all(TEXT[q["start"]:q["end"]] == q["text"] for q in rec["quotes"])


def test_score_documents_perfect_and_speaker_rules():
    g = {"start": 0, "end": 10, "speaker": "Mr. Kirby", "speaker_start": 20, "speaker_end": 29,
         "cue_start": 30, "cue_end": 34, "kind": "direct"}
    gold = {"d": {"quotes": [g, {"start": 40, "end": 60, "kind": "indirect"}]}}
    pred = {"d": {"quotes": [
        {"start": 0, "end": 9, "speaker": "John Kirby", "speaker_start": 0, "speaker_end": 1,
         "cue_start": 31, "cue_end": 33},
        {"start": 100, "end": 120, "speaker": "x"},
    ]}}
    s = score_documents(gold, pred, 0.5)
    assert (s["tp"], s["pred"], s["gold"]) == (1, 2, 2)
    assert s["precision"] == 0.5 and s["recall"] == 0.5 and s["f1"] == 0.5
    assert s["speaker_acc"] == 1.0  # surname "Kirby" is in the predicted name
    assert s["cue_acc"] == 1.0
    assert s["recall_quoted"] == 1.0
    assert s["e2e_f1"] == 0.5


def test_score_documents_jaccard_threshold_and_wrong_speaker():
    gold = {"d": {"quotes": [{"start": 0, "end": 10, "speaker": "Smith", "speaker_start": 50, "speaker_end": 55}]}}
    pred = {"d": {"quotes": [{"start": 0, "end": 4, "speaker": "Jones", "speaker_start": 60, "speaker_end": 65}]}}
    assert score_documents(gold, pred, 0.5)["tp"] == 0
    assert score_documents(gold, pred, 0.3)["tp"] == 1
    s = score_documents(gold, pred, 0.3)
    assert s["speaker_acc"] == 0.0 and s["e2e_f1"] == 0.0
