"""How a claim is shown: its facts (speaker, role, stance, cue, kind, rule, confidence, review), its
words inside the sentence around them, and its revision history."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from claimtrack.store.models import Claim, Revision
from claimtrack.summary import STANCE_STYLE


def stance_text(stance: str) -> Text:
    return Text(stance, style=STANCE_STYLE.get(stance, ""))


def speaker_line(name: str | None, role: str | None = None, affiliation: str | None = None) -> str:
    if not name:
        return "unattributed"
    extra = ", ".join(x for x in (role, affiliation) if x)
    return f"{name} ({extra})" if extra else name


def claim_facts(claim: Claim, speaker: str | None, role: str | None = None,
                affiliation: str | None = None) -> Table:
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("claim", f"#{claim.id} ({claim.origin})")
    facts.add_row("speaker", speaker_line(speaker, role, affiliation))
    facts.add_row("role", role or "—")
    facts.add_row("stance", stance_text(claim.stance))
    facts.add_row("cue", claim.cue or "—")
    facts.add_row("kind", claim.kind)
    facts.add_row("rule", claim.rule or "—")
    facts.add_row("confidence", f"{claim.confidence:.2f}")
    facts.add_row("status", claim.status)
    facts.add_row("verdict", claim.verdict or "—")
    if claim.explanation:
        facts.add_row("explanation", claim.explanation)
    return facts


def in_sentence(text: str, left: int, right: int, start: int, end: int) -> Text:
    """The sentence text[left:right] with the claim's words text[start:end] standing out."""
    shown = Text(" ".join(text[left:start].split()) + " ", style="dim")
    shown.append(" ".join(text[start:end].split()), style="bold")
    shown.append(" " + " ".join(text[end:right].split()), style="dim")
    return shown


def history_table(revisions: list[Revision]) -> Table | Text:
    if not revisions:
        return Text("no human changes yet", style="dim")
    table = Table("when (UTC)", "who", "field", "before", "after", "note", box=None, header_style="bold",
                  padding=(0, 1), expand=True)
    for revision in revisions:
        table.add_row(revision.created_at.strftime("%Y-%m-%d %H:%M"), revision.author, revision.field,
                      _clip(revision.old_value), _clip(revision.new_value), _clip(revision.note))
    return table


def _clip(value: str | None, width: int = 40) -> str:
    if value is None:
        return "—"
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


def claim_panel_body(claim: Claim, speaker: str | None, role: str | None, affiliation: str | None,
                     sentence: Text, revisions: list[Revision], relations: list) -> Group:
    parts = [sentence, Text(""), claim_facts(claim, speaker, role, affiliation)]
    if relations:
        parts.append(Text("\nrelations", style="bold"))
        for relation in relations:
            other = relation.claim_b_id if relation.claim_a_id == claim.id else relation.claim_a_id
            parts.append(Text(f"#{relation.id} {relation.kind} claim {other} · {relation.status} · "
                              f"{relation.score:.2f}"))
    parts += [Text("\nhistory", style="bold"), history_table(revisions)]
    return Group(*parts)
