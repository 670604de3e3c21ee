"""The contradiction commands: `contradictions`, `relate`, `confirm`, `dismiss`."""
from __future__ import annotations

from typing import Any

import click

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import COUNT, ROW_ID, decider_option, format_option, if_version_option, note_option
from claimtrack.vocabulary import RelationKind, RelationStatus


@cli.command()
@click.option("--speaker", help="Only contradictions involving this speaker (name or alias, part is enough).")
@click.option("--status", type=click.Choice([s.value for s in RelationStatus]),
              help="Only this status (default: suggested and confirmed).")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=None, help="Only scores at least this.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice([k.value for k in RelationKind]),
              help="Relation kinds to list (repeatable; default: contradicts and counters).")
@click.option("--rescan", is_flag=True, help="Compare the whole store again first (a full pass).")
@click.option("--fresh", is_flag=True, help="With --rescan: first remove the automatic suggestions nobody has acted "
              "on (a store an older release filled); every relation a person touched is kept.")
@click.option("--limit", type=COUNT, default=None, help="At most this many.")
@format_option("table", "json", "md")
@pass_app
def contradictions(app: CommandContext, speaker: str | None, status: str | None, min_score: float | None,
                   kinds: tuple[str, ...], rescan: bool, fresh: bool, limit: int | None, fmt: str) -> None:
    """List contradictions between claims, best first, each with its score and reason.

    Suggestions are made when articles are ingested; --rescan compares the whole store again
    (pairs already suggested, confirmed or dismissed are never suggested twice), after putting
    any source without a story (a store from before stories) into one. With --fresh it first removes
    the automatic suggestions nobody has acted on, so that they are made again by today's finder.
    """
    if fresh and not rescan:
        raise click.UsageError("--fresh goes with --rescan")
    from claimtrack.cli.output import emit
    from claimtrack.contradictions.finder import drop_untouched_suggestions, full_pass
    from claimtrack.contradictions.stories import backfill
    from claimtrack.contradictions.terms import load_terms
    from claimtrack.display import to_stream
    from claimtrack.queries.contradictions import CONTRADICTION_KINDS, contradiction_rows
    from claimtrack.reports.writers import to_json

    with app.session(write=rescan) as session:
        if rescan:
            placed = backfill(session, load_terms())  # a store from before stories: word weights and stories
            if placed:
                app.err.print(f"Stories: {placed} source(s) placed.", highlight=False)
            if fresh:
                dropped = drop_untouched_suggestions(session)
                app.err.print(f"Removed {dropped} untouched automatic suggestion(s).", highlight=False)
            added = full_pass(session)
            app.err.print(f"Full pass: {len(added)} new suggestion(s).", highlight=False)
        rows = contradiction_rows(session, speaker=speaker, status=status, min_score=min_score,
                                  kinds=tuple(kinds) or CONTRADICTION_KINDS, limit=limit)
    if fmt == "json":
        app.out.file.write(to_json(rows) + "\n")
    elif fmt == "md":
        to_stream(app.out.file, to_markdown(rows))
    else:
        emit(app.out, [flat_row(r) for r in rows], ["id", "kind", "score", "status", "a", "b", "reason"], "table",
             title="Contradictions", wide=("a", "b", "reason"))


def flat_row(row: dict[str, Any], width: int = 70) -> dict[str, Any]:
    """One row for a terminal table: each claim as "speaker (stance): words"."""
    def side(claim: dict[str, Any]) -> str:
        words = claim["text"] if len(claim["text"]) <= width else claim["text"][:width - 1] + "…"
        return f"#{claim['id']} {claim['speaker'] or 'unattributed'} ({claim['stance']}): {words}"

    return {"id": row["id"], "kind": row["kind"], "score": f"{row['score']:.2f}", "status": row["status"],
            "a": side(row["a"]), "b": side(row["b"]), "reason": row["reason"]}


def to_markdown(rows: list[dict[str, Any]]) -> str:
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


@cli.command()
@click.argument("claim_a", type=ROW_ID)
@click.argument("claim_b", type=ROW_ID)
@click.option("--kind", required=True, type=click.Choice([k.value for k in RelationKind]),
              help="CLAIM_A contradicts, supports, counters or duplicates CLAIM_B.")
@note_option("Why (kept with the relation and in the revision log).")
@decider_option
@pass_app
def relate(app: CommandContext, claim_a: int, claim_b: int, kind: str, note: str | None, author: str | None) -> None:
    """Relate two claims by hand (confirmed at once; recorded as a revision)."""
    from claimtrack.review.annotate import current_author
    from claimtrack.review.relations import add_manual_relation

    with app.session(write=True) as session:
        relation = add_manual_relation(session, claim_a, claim_b, kind, author=current_author(author),
                                       note=note)
        shown = f"relation {relation.id}: claim {claim_a} {kind} claim {claim_b} ({relation.status})"
    app.out.print(shown, highlight=False)

# confirm, dismiss
relation_if_version = if_version_option("Decide only if the relation is still at version N (as `contradictions "
                                        "--format json` printed it); else say who changed what.")


def decide(app: CommandContext, relation_id: int, status: RelationStatus, note: str | None, author: str | None,
           if_version: int | None) -> None:
    from claimtrack.review.annotate import current_author
    from claimtrack.review.relations import set_relation_status

    with app.session(write=True) as session:
        relation = set_relation_status(session, relation_id, status, author=current_author(author), note=note,
                                       expected_version=if_version)
        shown = (f"relation {relation.id}: claim {relation.claim_a_id} {relation.kind} claim "
                 f"{relation.claim_b_id}: {relation.status}")
    app.out.print(shown, highlight=False)

@cli.command()
@click.argument("relation_id", type=ROW_ID)
@note_option("Why (kept in the revision log).")
@decider_option
@relation_if_version
@pass_app
def confirm(app: CommandContext, relation_id: int, note: str | None, author: str | None,
            if_version: int | None) -> None:
    """Confirm a suggested relation (recorded as a revision)."""
    decide(app, relation_id, RelationStatus.CONFIRMED, note, author, if_version)

@cli.command()
@click.argument("relation_id", type=ROW_ID)
@note_option("Why it is no contradiction (kept in the revision log).")
@decider_option
@relation_if_version
@pass_app
def dismiss(app: CommandContext, relation_id: int, note: str | None, author: str | None,
            if_version: int | None) -> None:
    """Dismiss a suggested relation: it is never suggested again (recorded as a revision)."""
    decide(app, relation_id, RelationStatus.DISMISSED, note, author, if_version)
