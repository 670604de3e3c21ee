"""JSON (the full structured data) and CSV (one row per claim, or per relation) exports.

CSV is written by `claimtrack.reports.writers.to_csv`: a cell a spreadsheet would run as a formula
(starting with =, +, -, @, tab or carriage return) is neutralised, and rows end in CRLF (RFC 4180),
so that a cell holding a lone carriage return (an article may contain one) is quoted, not split.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import inspect
from sqlmodel import SQLModel

from claimtrack import __version__
from claimtrack.report_model import ClaimView, Report, as_utc
from claimtrack.reports.gather import speaker_label
from claimtrack.reports.writers import to_csv


def _plain(row: SQLModel) -> dict[str, Any]:
    """A stored row as JSON-ready values, fields in their declared order, times in UTC ISO 8601."""
    values = {column.name: getattr(row, column.name) for column in inspect(row).mapper.local_table.columns}
    return {key: as_utc(value).isoformat() if isinstance(value, datetime) else value for key, value in values.items()}


def structured_data(report: Report) -> dict[str, Any]:
    selection = report.selection
    return {
        "claimtrack": __version__,
        "generated_at": report.generated_at.isoformat(),
        "database": report.database,
        "selection": {"speaker": selection.speaker, "relation_status": selection.status,
                      "source_id": selection.source_id, "story_id": selection.story_id,
                      "relation_kind": selection.kind, "min_score": selection.min_score},
        "sources": [{**_plain(source), "story": report.story_of(source)} for source in report.sources],
        "speakers": [{**_plain(speaker), "aliases": report.aliases_of(speaker)} for speaker in report.speakers],
        "claims": [_plain(view.claim) for view in report.all_claims],
        "relations": [_plain(item.relation) for item in report.relations],
        "revisions": [_plain(revision) for revision in report.revisions],
    }


def render_json(report: Report) -> str:
    return json.dumps(structured_data(report), ensure_ascii=False, indent=2) + "\n"


CLAIM_COLUMNS = ["claim_id", "source_id", "source_title", "outlet", "published", "location", "speaker",
                 "speaker_role", "speaker_kind", "stance", "kind", "text", "sentence", "start", "end", "cue",
                 "confidence", "rule", "origin", "status", "verdict", "explanation"]

RELATION_COLUMNS = ["relation_id", "kind", "status", "score", "reason", "note", "origin",
                    "claim_a_id", "speaker_a", "stance_a", "text_a", "source_a",
                    "claim_b_id", "speaker_b", "stance_b", "text_b", "source_b"]


def _claim_row(view: ClaimView) -> dict[str, Any]:
    claim, source, speaker, quote = view.claim, view.source, view.speaker, view.quotation
    return {
        "claim_id": claim.id, "source_id": source.id, "source_title": source.title, "outlet": source.outlet,
        "published": source.published, "location": source.location,
        "speaker": speaker.name if speaker else None, "speaker_role": speaker.role if speaker else None,
        "speaker_kind": speaker.kind if speaker else None, "stance": claim.stance, "kind": claim.kind,
        "text": claim.text, "sentence": (quote.before + quote.words + quote.after).strip(),
        "start": claim.start, "end": claim.end, "cue": claim.cue, "confidence": round(claim.confidence, 3),
        "rule": claim.rule, "origin": claim.origin, "status": claim.status, "verdict": claim.verdict,
        "explanation": claim.explanation,
    }


def _side(view: ClaimView, suffix: str) -> dict[str, Any]:
    return {f"claim_{suffix}_id": view.claim.id, f"speaker_{suffix}": speaker_label(view.speaker),
            f"stance_{suffix}": view.claim.stance, f"text_{suffix}": view.claim.text,
            f"source_{suffix}": view.source.title or view.source.location}


def render_csv(report: Report, *, relations: bool = False) -> str:
    if relations:
        rows = [{"relation_id": item.relation.id, "kind": item.relation.kind, "status": item.relation.status,
                 "score": round(item.relation.score, 3), "reason": item.relation.reason, "note": item.relation.note,
                 "origin": item.relation.origin, **_side(item.a, "a"), **_side(item.b, "b")}
                for item in report.relations]
        return to_csv(rows, RELATION_COLUMNS)
    return to_csv([_claim_row(view) for view in report.claims], CLAIM_COLUMNS)
