"""Prediction records and scoring against gold attribution corpora (PolNeAR-style JSONL).

`quotes_record` turns an `Extraction` into one JSONL prediction line; `score_documents`
re-implements the definitions of the shared scorer (score_quotes.py): one-to-one greedy matching
on character Jaccard of content spans, speaker correct when the predicted speaker mention overlaps
the gold source span or the gold source's last word is in the predicted speaker name.

`load_gold` reads a gold file and checks every record before anything is scored: a line that is
not UTF-8, not JSON, or not a gold record (wrong fields, wrong types, offsets outside its text)
is a `ClaimtrackError` naming the file, the line and the problem.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from claimtrack.engine.model import Extraction
from claimtrack.errors import ClaimtrackError
from claimtrack.json_lines import UnreadableLine, parse_line
from claimtrack.vocabulary import ClaimKind

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
QUOTED_KINDS = (ClaimKind.DIRECT, ClaimKind.MIXED)  # the attributions in quotation marks, wholly or in part


def quotes_record(doc_id: str, extraction: Extraction) -> dict[str, Any]:
    quotes = []
    for c in extraction.claims:
        q: dict[str, Any] = {
            "start": c.start, "end": c.end, "text": c.text, "kind": str(c.kind),
            "speaker": c.speaker, "speaker_start": c.speaker_start, "speaker_end": c.speaker_end,
            "cue": c.cue, "cue_start": c.cue_start, "cue_end": c.cue_end,
            "stance": str(c.stance), "confidence": c.confidence, "rule": c.rule,
        }
        if c.spans:
            q["spans"] = [list(s) for s in c.spans]
        quotes.append(q)
    return {"doc_id": doc_id, "quotes": quotes}


def _chars(q: dict[str, Any]) -> set[int]:
    spans = q.get("spans") or [[q["start"], q["end"]]]
    out: set[int] = set()
    for a, b in spans:
        out.update(range(a, b))
    return out


def _jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / len(a | b) if inter else 0.0


def _overlap(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> bool:
    return a0 is not None and b0 is not None and a1 is not None and b1 is not None and min(a1, b1) > max(a0, b0)


def speaker_correct(pred: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    """None when the gold attribution has no source span (nothing to judge)."""
    if gold.get("speaker_start") is None:
        return None
    if _overlap(pred.get("speaker_start"), pred.get("speaker_end"), gold["speaker_start"], gold["speaker_end"]):
        return True
    words = _WORD.findall(gold.get("speaker") or "")
    name = (pred.get("speaker") or "").lower()
    if not name:
        return False
    return bool(words) and words[-1].lower() in _WORD.findall(name)


def score_documents(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]],
                    threshold: float) -> dict[str, Any]:
    st = dict(gold=0, gold_quoted=0, pred=0, tp=0, tp_quoted=0, spk_n=0, spk_ok=0, cue_n=0, cue_ok=0,
              e2e_tp=0, stance_n=0, stance_ok=0)
    for doc_id, g in gold.items():
        gq = g["quotes"]
        pq = pred.get(doc_id, {}).get("quotes", [])
        st["gold"] += len(gq)
        st["gold_quoted"] += sum(1 for q in gq if q.get("kind") in QUOTED_KINDS)
        st["pred"] += len(pq)
        for i, j in _matches(pq, gq, threshold):
            _count_match(st, pq[i], gq[j])
    return _rates(st, threshold)


def _matches(pq: list[dict[str, Any]], gq: list[dict[str, Any]], threshold: float) -> list[tuple[int, int]]:
    """(predicted, gold) index pairs matched one to one, greedily, the best character Jaccard first."""
    gsets = [_chars(q) for q in gq]
    psets = [_chars(q) for q in pq]
    pairs = []
    for i, a in enumerate(psets):
        for j, b in enumerate(gsets):
            s = _jaccard(a, b)
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    return matched


def _count_match(st: dict[str, int], pi: dict[str, Any], gj: dict[str, Any]) -> None:
    """Count one matched attribution: quoted or not, and whether its speaker, stance and cue are right."""
    st["tp"] += 1
    if gj.get("kind") in QUOTED_KINDS:
        st["tp_quoted"] += 1
    ok = speaker_correct(pi, gj)
    if ok is not None:
        st["spk_n"] += 1
        st["spk_ok"] += ok
    if ok or (ok is None and not pi.get("speaker")):
        st["e2e_tp"] += 1
    if gj.get("stance"):
        st["stance_n"] += 1
        st["stance_ok"] += pi.get("stance") == gj["stance"]
    if gj.get("cue_start") is not None:
        st["cue_n"] += 1
        st["cue_ok"] += _overlap(pi.get("cue_start"), pi.get("cue_end"), gj["cue_start"], gj["cue_end"])


def _rates(st: dict[str, int], threshold: float) -> dict[str, Any]:
    """The counts with precision, recall, F1 and the accuracies made of them."""
    p = st["tp"] / st["pred"] if st["pred"] else 0.0
    r = st["tp"] / st["gold"] if st["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    rq = st["tp_quoted"] / st["gold_quoted"] if st["gold_quoted"] else 0.0
    ep = st["e2e_tp"] / st["pred"] if st["pred"] else 0.0
    er = st["e2e_tp"] / st["gold"] if st["gold"] else 0.0
    ef = 2 * ep * er / (ep + er) if ep + er else 0.0
    return dict(
        threshold=threshold, **st, precision=round(p, 4), recall=round(r, 4), f1=round(f, 4),
        recall_quoted=round(rq, 4),
        speaker_acc=round(st["spk_ok"] / st["spk_n"], 4) if st["spk_n"] else None,
        cue_acc=round(st["cue_ok"] / st["cue_n"], 4) if st["cue_n"] else None,
        stance_acc=round(st["stance_ok"] / st["stance_n"], 4) if st["stance_n"] else None,
        e2e_f1=round(ef, 4),
    )


# ----------------------------------------------------------------------------- reading gold

class _NotGold(Exception):
    pass


OFFSET_FIELDS = ("speaker_start", "speaker_end", "cue_start", "cue_end")
TEXT_FIELDS = ("text", "speaker", "cue", "kind", "stance")


def load_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """The gold records of a PolNeAR-style JSONL file by doc_id, every one checked (see the module)."""
    gold: dict[str, dict[str, Any]] = {}
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path} line {number}"
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ClaimtrackError(f"{where}: not a gold record (not UTF-8 text)") from None
            try:
                record = parse_line(line)
            except UnreadableLine as exc:
                raise ClaimtrackError(f"{where}: not a gold record (not valid JSON: {exc})") from None
            try:
                doc_id = _checked_record(record)
            except _NotGold as exc:
                raise ClaimtrackError(f"{where}: not a gold record ({exc})") from None
            gold[doc_id] = record
    return gold


def _whole(value: object) -> bool:
    return type(value) is int


def _checked_record(record: object) -> str:
    if not isinstance(record, dict):
        raise _NotGold("not a JSON object")
    doc_id = record.get("doc_id")
    if not isinstance(doc_id, str) and not _whole(doc_id):
        raise _NotGold('"doc_id" must be text or a number')
    text = record.get("text")
    if not isinstance(text, str):
        raise _NotGold('"text" must be text')
    quotes = record.get("quotes")
    if not isinstance(quotes, list) or not all(isinstance(q, dict) for q in quotes):
        raise _NotGold('"quotes" must be a list of objects')
    for index, quote in enumerate(quotes, 1):
        try:
            _checked_quote(quote, len(text))
        except _NotGold as exc:
            raise _NotGold(f"quote {index}: {exc}") from None
    return doc_id if isinstance(doc_id, str) else str(doc_id)


def _checked_quote(quote: dict[str, Any], length: int) -> None:
    for name in ("start", "end"):
        if not _whole(quote.get(name)):
            raise _NotGold(f'"{name}" must be a whole number')
    if not 0 <= quote["start"] <= quote["end"] <= length:  # scoring makes a set of every offset
        raise _NotGold(f"start and end must lie within the text (0 to {length})")
    spans = quote.get("spans")
    if spans is not None and (not isinstance(spans, list) or not all(
            isinstance(span, list) and len(span) == 2 and all(_whole(v) for v in span)
            and 0 <= span[0] <= span[1] <= length for span in spans)):
        raise _NotGold(f'"spans" must be a list of [start, end] within the text (0 to {length})')
    for name in OFFSET_FIELDS:
        value = quote.get(name)
        if value is not None and not _whole(value):
            raise _NotGold(f'"{name}" must be a whole number or null')
    for name in TEXT_FIELDS:
        value = quote.get(name)
        if value is not None and not isinstance(value, str):
            raise _NotGold(f'"{name}" must be text or null')
