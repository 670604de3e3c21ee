"""Contradictions as rows for the CLI, the TUI and reports: the relation and both claims, ready to show."""
from __future__ import annotations

from sqlalchemy import func, or_
from sqlmodel import Session, select

from claimtrack.errors import ClaimtrackError
from claimtrack.queries.claims import relation_pairs
from claimtrack.report_model import CONTRADICTION_KINDS
from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker, SpeakerAlias
from claimtrack.vocabulary import RelationStatus

# CONTRADICTION_KINDS: what `claimtrack contradictions` lists unless asked for other kinds.


def _side(claim: Claim, speaker: str | None, source: Source) -> dict:
    return {"id": claim.id, "text": claim.text, "speaker": speaker, "stance": claim.stance, "start": claim.start,
            "end": claim.end, "source_id": claim.source_id, "title": source.title, "published": source.published}


def _speaker_ids(session: Session, name: str) -> list[int]:
    part = name.strip().lower()  # autoescape: "%" and "_" are letters of a name, not LIKE wildcards
    by_name = select(Speaker.id).where(func.lower(Speaker.name).contains(part, autoescape=True))
    by_alias = select(SpeakerAlias.speaker_id).where(func.lower(SpeakerAlias.alias).contains(part, autoescape=True))
    return sorted(set(session.exec(by_name).all()) | set(session.exec(by_alias).all()))


def contradiction_rows(session: Session, *, speaker: str | None = None, status: str | None = None,
                       min_score: float | None = None, kinds: tuple[str, ...] = CONTRADICTION_KINDS,
                       limit: int | None = None) -> list[dict]:
    """Relations with both claims, best first. Without *status*, dismissed ones are left out."""
    pairs = relation_pairs()
    claim_a, claim_b = pairs.claim_a, pairs.claim_b
    statement = pairs.statement.where(ClaimRelation.kind.in_(kinds))
    if status:
        try:
            status = RelationStatus(status.strip().lower()).value
        except ValueError:
            raise ClaimtrackError(f"status {status!r}: not one of "
                                  f"{', '.join(s.value for s in RelationStatus)}") from None
        statement = statement.where(ClaimRelation.status == status)
    else:
        statement = statement.where(ClaimRelation.status != RelationStatus.DISMISSED.value)
    if min_score is not None:
        statement = statement.where(ClaimRelation.score >= min_score)
    if speaker:
        ids = _speaker_ids(session, speaker)
        statement = statement.where(or_(claim_a.speaker_id.in_(ids), claim_b.speaker_id.in_(ids)))
    statement = statement.order_by(ClaimRelation.score.desc(), ClaimRelation.id)
    if limit is not None:
        statement = statement.limit(limit)
    return [{"id": rel.id, "kind": rel.kind, "score": round(rel.score, 3), "reason": rel.reason, "status": rel.status,
             "origin": rel.origin, "note": rel.note, "version": rel.version, "a": _side(a, name_a, src_a),
             "b": _side(b, name_b, src_b)}
            for rel, a, name_a, src_a, b, name_b, src_b in session.exec(statement).all()]


def flat_row(row: dict, width: int = 70) -> dict:
    """One row for a terminal table: each claim as "speaker (stance): words"."""
    def side(claim: dict) -> str:
        words = claim["text"] if len(claim["text"]) <= width else claim["text"][:width - 1] + "…"
        return f"#{claim['id']} {claim['speaker'] or 'unattributed'} ({claim['stance']}): {words}"

    return {"id": row["id"], "kind": row["kind"], "score": f"{row['score']:.2f}", "status": row["status"],
            "a": side(row["a"]), "b": side(row["b"]), "reason": row["reason"]}


def to_markdown(rows: list[dict]) -> str:
    """A Markdown list a fact-checker can paste into a brief."""
    if not rows:
        return "No contradictions match.\n"
    lines = ["# Contradictions", ""]
    for row in rows:
        lines.append(f"## #{row['id']} {row['kind']} — score {row['score']:.2f}, {row['status']}")
        lines.append("")
        lines.append(f"{row['reason']}")
        lines.append("")
        for label in ("a", "b"):
            claim = row[label]
            where = claim["title"] or f"source {claim['source_id']}"
            date = f", {claim['published']}" if claim.get("published") else ""
            text = claim["text"].replace("\n", " ")
            lines.append(f"- **{claim['speaker'] or 'unattributed'}** ({claim['stance']}), claim {claim['id']} in "
                         f"*{where}*{date}, characters {claim['start']}–{claim['end']}: {text}")
        if row.get("note"):
            lines.append(f"- note: {row['note']}")
        lines.append("")
    return "\n".join(lines)
