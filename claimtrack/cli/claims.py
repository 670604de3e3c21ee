"""`sources`, `claims`, `show`, `annotate` and `history`: reading the store and annotating claims."""
from __future__ import annotations

from typing import Any

import click
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import (
    COUNT,
    ROW_ID,
    author_option,
    format_option,
    if_version_option,
    listing_format,
    note_option,
)
from claimtrack.display import for_terminal
from claimtrack.errors import ClaimtrackError
from claimtrack.queries.claims import ClaimInContext, ClaimRow
from claimtrack.vocabulary import ARTICLE_VERDICT_RULE, ReviewStatus, Stance

# ----------------------------------------------------------------------------- listing

@cli.command()
@listing_format
@click.option("--limit", type=COUNT, default=None, help="At most this many sources.")
@pass_app
def sources(app: CommandContext, fmt: str, limit: int | None) -> None:
    """List stored sources with their story and their claim and contradiction counts."""
    from claimtrack.cli.output import emit
    from claimtrack.queries.claims import list_sources

    with app.session() as session:
        rows = [{"id": r.source.id, "title": r.source.title, "outlet": r.source.outlet,
                 "published": r.source.published, "location": r.source.location, "doc_id": r.source.doc_id,
                 "format": r.source.format, "claims": r.claims, "contradictions": r.contradictions,
                 "story_id": r.source.story_id, "story": r.story,
                 "ingested_at": r.source.ingested_at.isoformat(timespec="seconds")}
                for r in list_sources(session, limit=limit)]
    columns = ["id", "title", "outlet", "published", "story", "claims", "contradictions", "location"]
    if fmt == "table":  # the story's room is the path's: a title must stay readable at 120 columns
        columns.remove("location")
    emit(app.out, rows, columns, fmt, title="Sources", wide=("title",))


def claim_dict(row: ClaimRow) -> dict[str, Any]:
    c = row.claim
    return {"id": c.id, "source_id": c.source_id, "source": row.source_title, "speaker": row.speaker,
            "stance": c.stance, "kind": c.kind, "text": c.text, "start": c.start, "end": c.end, "cue": c.cue,
            "confidence": round(c.confidence, 3), "rule": c.rule, "origin": c.origin, "status": c.status,
            "verdict": c.verdict, "explanation": c.explanation, "parent_id": c.parent_id}


@cli.command()
@click.option("--speaker", help="Speaker name or alias (part of it is enough).")
@click.option("--stance", type=click.Choice([s.value for s in Stance]))
@click.option("--source", "source_id", type=ROW_ID, help="Source id.")
@click.option("--status", type=click.Choice([s.value for s in ReviewStatus]))
@click.option("--search", help="Words that must all appear in the claim (full-text, stemmed).")
@click.option("--limit", type=COUNT, default=None)
@listing_format
@pass_app
def claims(app: CommandContext, speaker: str | None, stance: str | None, source_id: int | None, status: str | None,
           search: str | None, limit: int | None, fmt: str) -> None:
    """List claims, filtered by speaker, stance, source, review status or words."""
    from claimtrack.cli.output import emit
    from claimtrack.queries.claims import ClaimFilter, list_claims
    from claimtrack.store.search import has_words

    if search is not None and not has_words(search):
        raise ClaimtrackError(f"--search {search!r}: the search has no words to look for")
    flt = ClaimFilter(speaker=speaker, stance=stance, source_id=source_id, status=status, search=search)
    with app.session() as session:
        rows = [claim_dict(r) for r in list_claims(session, flt, limit=limit)]
    columns = ["id", "speaker", "stance", "kind", "text"] if fmt == "table" else list(
        rows[0].keys() if rows else ["id", "source_id", "source", "speaker", "stance", "kind", "text", "start", "end",
                                     "cue", "confidence", "rule", "origin", "status", "verdict", "explanation",
                                     "parent_id"])
    emit(app.out, rows, columns, fmt, title="Claims", wide=("text",))


@cli.command()
@click.argument("claim_id", type=ROW_ID)
@pass_app
def show(app: CommandContext, claim_id: int) -> None:
    """Show one claim: its words in context, speaker, stance, cue, rule, review and relations."""
    from claimtrack.queries.claims import claim_in_context
    from claimtrack.reports.gather import speaker_label
    from claimtrack.review.annotate import get_claim

    with app.session() as session:
        shown = claim_in_context(session, get_claim(session, claim_id))
        verdict = shown.claim.rule == ARTICLE_VERDICT_RULE  # the reporter's own words: no speaker
        who = "the article itself" if verdict else speaker_label(shown.speaker)
        app.out.print(Panel(_words_in_sentence(shown), title=f"Claim {shown.claim.id}",
                            subtitle=Text(for_terminal(who))))
        app.out.print(_claim_facts(shown, who))


def _words_in_sentence(shown: ClaimInContext) -> Text:
    """The claim's words standing out in the sentence around them."""
    claim, text = shown.claim, shown.source.text
    left, right = shown.sentence
    context = Text(for_terminal(text[left:claim.start]), style="dim")
    context.append(for_terminal(text[claim.start:claim.end]), style="bold yellow")
    context.append(for_terminal(text[claim.end:right]), style="dim")
    return context


def _claim_facts(shown: ClaimInContext, who: str) -> Table:
    """Who, what stance and cue, which rule, how reviewed, where; then nesting and relations."""
    claim, source = shown.claim, shown.source
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    for label, value in (
        ("speaker", who), ("mention", source.text[claim.speaker_start:claim.speaker_end]
                           if claim.speaker_start is not None else "—"),
        ("stance", claim.stance), ("cue", claim.cue or "—"), ("kind", claim.kind),
        ("rule", f"{claim.rule or '—'} (confidence {claim.confidence:.2f})"), ("origin", claim.origin),
        ("status", claim.status), ("verdict", claim.verdict or "—"), ("explanation", claim.explanation or "—"),
        ("offsets", f"{claim.start}-{claim.end}"), ("version", claim.version),
        ("source", f"#{source.id} {source.title or ''} [{source.location or ''}]"),
    ):
        facts.add_row(label, Text(for_terminal(value)))
    if shown.parent is not None:  # an article's verdict answers its parent; other claims are nested in it
        label = "answers" if claim.rule == ARTICLE_VERDICT_RULE else "nested in"
        facts.add_row(label, Text(for_terminal(f"claim {shown.parent.id}: {shown.parent.text[:100]}")))
    for child in shown.nested:
        label = "answered by" if child.rule == ARTICLE_VERDICT_RULE else "contains"
        facts.add_row(label, Text(for_terminal(f"claim {child.id}: {child.text[:100]}")))
    for rel in shown.relations:
        other = rel.claim_b_id if rel.claim_a_id == claim.id else rel.claim_a_id
        facts.add_row("relation", Text(for_terminal(f"#{rel.id} {rel.kind} claim {other} ({rel.status}, "
                                                    f"{rel.score:.2f}): {rel.reason or ''}")))
    return facts


# ----------------------------------------------------------------------------- annotation

@cli.command()
@click.argument("claim_id", type=ROW_ID)
@click.option("--speaker", help="The claim's speaker: an existing name or alias.")
@click.option("--new-speaker", is_flag=True, help="Create the --speaker if no speaker has that name.")
@click.option("--stance", help="One of the twelve stances (asserts, denies, ...).")
@click.option("--status", help="unreviewed, confirmed or rejected.")
@click.option("--verdict", help='The fact-check verdict, e.g. "False", "Misleading".')
@click.option("--explanation", help="Why the verdict.")
@note_option("A note kept with the change in the revision log.")
@author_option("Who is annotating (default: login name).")
@if_version_option("Save only if the claim is still at version N (as `show` printed it); else say who changed what.")
@pass_app
def annotate(app: CommandContext, claim_id: int, speaker: str | None, new_speaker: bool, stance: str | None,
             status: str | None, verdict: str | None, explanation: str | None, note: str | None, author: str | None,
             if_version: int | None) -> None:
    """Change a claim by hand; every change is recorded as a revision.

    On a shared database, a change made by someone else since you looked (--if-version) or in the
    instant between reading and writing is never overwritten: the command refuses and shows it."""
    from claimtrack.review.annotate import annotate_claim, current_author

    if not any(v is not None for v in (speaker, stance, status, verdict, explanation, note)):
        raise click.UsageError("nothing to change: give --speaker, --stance, --status, --verdict, --explanation "
                               "or --note")
    with app.session(write=True) as session:
        revisions = annotate_claim(session, claim_id, author=current_author(author), note=note, speaker=speaker,
                                   new_speaker=new_speaker, stance=stance, status=status, verdict=verdict,
                                   explanation=explanation, expected_version=if_version)
        lines = [f"claim {claim_id}: {r.field}: {r.old_value!s} -> {r.new_value!s}" for r in revisions]
    app.out.print(for_terminal("\n".join(lines)) if lines else f"claim {claim_id}: nothing changed", markup=False,
                  highlight=False, soft_wrap=True)


@cli.command()
@click.argument("claim_id", type=ROW_ID)
@format_option("table", "json")
@pass_app
def history(app: CommandContext, claim_id: int, fmt: str) -> None:
    """Show every human change to a claim (the append-only revision log)."""
    from claimtrack.cli.output import emit
    from claimtrack.review.annotate import claim_history

    with app.session() as session:
        rows = [{"id": r.id, "time": r.created_at.strftime("%Y-%m-%d %H:%M:%S UTC") if fmt == "table"
                 else r.created_at.isoformat(timespec="seconds"), "author": r.author,
                 "field": r.field, "old": r.old_value, "new": r.new_value, "note": r.note}
                for r in claim_history(session, claim_id)]
    if not rows and fmt == "table":
        app.out.print(f"claim {claim_id}: no human changes yet")
        return
    emit(app.out, rows, ["time", "author", "field", "old", "new", "note"], fmt, title=f"History of claim {claim_id}")
