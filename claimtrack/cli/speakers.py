"""`speakers`: who is who across the desk. The listing, the likely duplicates (`--suggest-merges`), and a
person's corrections: `speakers merge` (one person stored twice) and `speakers split` (an alias that
belongs to someone else). Corrections are revisions (`undo` takes them back) and are remembered:
a merged speaker's names become the kept one's aliases, so new articles and `reextract` follow them."""
from __future__ import annotations

import click

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import COUNT, ROW_ID, author_option, listing_format, note_option
from claimtrack.display import for_terminal
from claimtrack.errors import ClaimtrackError


@cli.group(invoke_without_command=True)
@click.option("--name", help="Only speakers whose name contains this.")
@click.option("--suggest-merges", is_flag=True, help="List likely duplicates (one person stored twice), with reasons.")
@click.option("--limit", type=COUNT, default=None, help="At most this many rows.")
@listing_format
@click.pass_context
def speakers(ctx: click.Context, name: str | None, suggest_merges: bool, limit: int | None, fmt: str) -> None:
    """List speakers with their claim counts, roles and aliases (or, with a subcommand, correct them)."""
    if ctx.invoked_subcommand is not None:
        return
    app: CommandContext = ctx.obj
    if suggest_merges:
        _suggest_merges(app, limit, fmt)
        return
    from claimtrack.cli.output import emit
    from claimtrack.queries.claims import list_speakers

    with app.session() as session:
        rows = [{"id": r.speaker.id, "name": r.speaker.name, "kind": r.speaker.kind, "role": r.speaker.role,
                 "affiliation": r.speaker.affiliation, "claims": r.claims,
                 "aliases": r.aliases if fmt == "json" else "; ".join(r.aliases)}
                for r in list_speakers(session, name=name, limit=limit)]
    emit(app.out, rows, ["id", "name", "kind", "role", "affiliation", "claims", "aliases"], fmt,
         title="Speakers", wide=("aliases",))


def _suggest_merges(app: CommandContext, limit: int | None, fmt: str) -> None:
    from claimtrack.cli.output import emit
    from claimtrack.queries.speaker_merges import likely_same_speakers

    with app.session() as session:
        rows = [{"keep_id": s.keep.id, "keep": s.keep.name, "keep_claims": s.keep_claims,
                 "other_id": s.other.id, "other": s.other.name, "other_claims": s.other_claims,
                 "reason": s.reason, "detail": s.detail}
                for s in likely_same_speakers(session, limit=limit)]
    emit(app.out, rows, ["keep_id", "keep", "keep_claims", "other_id", "other", "other_claims", "reason", "detail"],
         fmt, title="Likely the same speaker (merge with: claimtrack speakers merge KEEP_ID OTHER_ID)",
         wide=("detail",))


@speakers.command("merge")
@click.argument("keep_id", type=ROW_ID)
@click.argument("other_ids", type=ROW_ID, nargs=-1, required=True)
@note_option("A note kept with the change in the revision log.")
@author_option("Who is correcting (default: configuration, else the login name).")
@pass_app
def merge(app: CommandContext, keep_id: int, other_ids: tuple[int, ...], note: str | None,
          author: str | None) -> None:
    """Merge speakers OTHER_IDS into KEEP_ID (one person or body stored several times): their claims and
    aliases move to KEEP_ID, their names become its aliases, and their rows are removed. All or nothing."""
    from claimtrack.review.annotate import current_author
    from claimtrack.review.speaker_edits import merge_speakers

    if keep_id in other_ids:
        raise click.UsageError(f"speaker {keep_id} is both kept and merged")
    who = current_author(author)
    lines = []
    with app.session(write=True) as session:
        for other in dict.fromkeys(other_ids):
            revisions = merge_speakers(session, keep_id, other, author=who, note=note)
            moved = sum(1 for r in revisions if r.table_name == "claim")
            lines.append(f"speaker {other} merged into {keep_id}: {moved} claim(s) moved, "
                         f"{len(revisions)} revision(s) recorded")
    app.out.print(for_terminal("\n".join(lines)), markup=False, highlight=False, soft_wrap=True)


@speakers.command("split")
@click.argument("speaker_id", type=ROW_ID)
@click.argument("alias")
@click.option("--to", "to_speaker", required=True, help="The speaker the alias belongs to: a name, alias or id.")
@click.option("--new-speaker", is_flag=True, help="Create the --to speaker if no speaker has that name.")
@click.option("--keep-claims", is_flag=True, help="Move the alias only; the claims it introduced stay.")
@note_option("A note kept with the change in the revision log.")
@author_option("Who is correcting (default: configuration, else the login name).")
@pass_app
def split(app: CommandContext, speaker_id: int, alias: str, to_speaker: str, new_speaker: bool, keep_claims: bool,
          note: str | None, author: str | None) -> None:
    """Move ALIAS from SPEAKER_ID to another speaker (two people stored as one: "Mr Blair" given to both
    Tony and Sir Ian Blair). The claims whose speaker mention is that alias move with it."""
    from sqlalchemy import func
    from sqlmodel import select

    from claimtrack.review.annotate import current_author
    from claimtrack.review.speaker_edits import move_alias
    from claimtrack.store.models import SpeakerAlias

    with app.session(write=True) as session:
        row = session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker_id,
                                                      func.lower(SpeakerAlias.alias) == alias.strip().lower())).first()
        if row is None or row.id is None:
            raise ClaimtrackError(f"speaker {speaker_id} has no alias {alias!r} "
                                  "(see: claimtrack speakers --format json)")
        target = to_speaker.strip()
        if target.isdigit():
            from claimtrack.review.speaker_edits import get_speaker

            target = get_speaker(session, int(target)).name
        revisions = move_alias(session, row.id, target, author=current_author(author), new_speaker=new_speaker,
                               move_claims=not keep_claims, note=note)
        moved = sum(1 for r in revisions if r.table_name == "claim")
    app.out.print(for_terminal(f"alias {alias!r} moved from speaker {speaker_id} to {target!r}: {moved} claim(s) "
                               "moved"), markup=False, highlight=False, soft_wrap=True)
