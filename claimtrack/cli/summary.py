"""The rich summary of a store that `claimtrack demo` (and anyone else) can print."""
from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from sqlmodel import Session

from claimtrack.display import clip
from claimtrack.queries.claims import list_claims, list_sources, store_totals
from claimtrack.queries.contradictions import list_relations

STANCE_STYLE = {"denies": "bold red", "rejects": "red", "accuses": "magenta", "warns": "yellow",
                "urges": "cyan", "confirms": "green", "admits": "green", "uncommitted": "dim",
                "hedges": "dim cyan", "alleges": "bright_magenta", "promises": "blue"}


def _quoted(text: str) -> str:
    """The claim's words between quotation marks (once: a direct quote brings its own)."""
    text = clip(text, 200)
    return text if text[:1] in "\"“‘'«" else f"“{text}”"


def render_summary(session: Session, *, claim_limit: int = 60) -> Group:
    totals = store_totals(session)
    header = Text.assemble(("claimtrack", "bold"), f"  {totals['sources']} sources · {totals['claims']} claims · "
                           f"{totals['speakers']} speakers · {totals['relations']} contradictions and relations")
    sources = Table(title="Sources", header_style="bold", expand=True)
    sources.add_column("id", no_wrap=True)
    sources.add_column("title", ratio=1, overflow="fold")
    for column in ("outlet", "published", "claims", "contradictions"):
        sources.add_column(column, no_wrap=True, overflow="ellipsis", max_width=24)
    for listed in list_sources(session, limit=20):
        source = listed.source
        sources.add_row(str(source.id), Text(clip(source.title or source.location or "", 70)),
                        Text(source.outlet or ""), Text(source.published or ""), str(listed.claims),
                        str(listed.contradictions))

    claims = Table(title="Claims", header_style="bold", expand=True)
    for column in ("id", "speaker", "stance", "kind"):
        claims.add_column(column, no_wrap=True, overflow="ellipsis", max_width=28)
    claims.add_column("claim", ratio=1, overflow="fold")
    for row in list_claims(session, limit=claim_limit):
        c = row.claim
        claims.add_row(str(c.id), Text(row.speaker) if row.speaker else Text("unattributed", style="dim"),
                       Text(c.stance, style=STANCE_STYLE.get(c.stance, "")), c.kind, Text(clip(c.text, 110)))
    parts: list[RenderableType] = [header, sources, claims]
    if totals["claims"] > claim_limit:
        parts.append(Text(f"… and {totals['claims'] - claim_limit} more: claimtrack claims", style="dim"))
    parts.append(render_relations(session))
    return Group(*parts)


def render_relations(session: Session, limit: int = 30) -> Group | Text:
    rows = list_relations(session, limit=limit)  # every kind; dismissed ones left out
    if not rows:
        return Text("No contradictions stored.", style="dim")
    panels = []
    for row in rows:
        relation, a, b = row.relation, row.a, row.b
        body = Text.assemble(
            (f"{a.speaker or 'unattributed'} {a.claim.stance}: ", "bold"), _quoted(a.claim.text) + "\n",
            (f"{b.speaker or 'unattributed'} {b.claim.stance}: ", "bold"), _quoted(b.claim.text) + "\n",
            ("why: ", "dim"), relation.reason or "")
        panels.append(Panel(body, title=Text(f"#{relation.id} {relation.kind} · score {relation.score:.2f} · "
                                             f"{relation.status}")))
    return Group(Text("Contradictions", style="bold"), *panels)


def print_summary(console: Console, session: Session) -> None:
    console.print(render_summary(session))
