"""How a claim is shown: its facts (speaker, role, stance, cue, kind, rule, confidence, review), its
words inside the sentence around them, and its revision history. Stored words are shown as Text
(never read as markup) through `for_terminal`."""
from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from claimtrack.cli.summary import STANCE_STYLE
from claimtrack.display import clip, for_terminal
from claimtrack.store.models import Claim, ClaimRelation, Revision


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
    for label, value in (("claim", f"#{claim.id} ({claim.origin})"),
                         ("speaker", speaker_line(speaker, role, affiliation)), ("role", role or "—"),
                         ("stance", stance_text(claim.stance)), ("cue", claim.cue or "—"), ("kind", claim.kind),
                         ("rule", claim.rule or "—"), ("confidence", f"{claim.confidence:.2f}"),
                         ("status", claim.status), ("verdict", claim.verdict or "—"),
                         *((("explanation", claim.explanation),) if claim.explanation else ())):
        facts.add_row(label, value if isinstance(value, Text) else Text(for_terminal(value)))
    return facts


def in_sentence(text: str, left: int, right: int, start: int, end: int) -> Text:
    """The sentence text[left:right] exactly as stored (not a space added or taken away), the claim's
    words text[start:end] marked by style alone."""
    left, right = min(left, start), max(right, end)
    shown = Text(for_terminal(text[left:start].lstrip()), style="dim")  # the ends trimmed, nothing inside
    shown.append(for_terminal(text[start:end]), style="bold underline")
    shown.append(for_terminal(text[end:right].rstrip()), style="dim")
    return shown


def history_table(revisions: list[Revision]) -> Table | Text:
    if not revisions:
        return Text("no human changes yet", style="dim")
    table = Table("when (UTC)", "who", "field", "before", "after", "note", box=None, header_style="bold",
                  padding=(0, 1), expand=True)
    for revision in revisions:
        table.add_row(revision.created_at.strftime("%Y-%m-%d %H:%M"),
                      *(Text(for_terminal(value)) for value in (
                          revision.author, revision.field, clip(revision.old_value, 40, escaped=True),
                          clip(revision.new_value, 40, escaped=True), clip(revision.note, 40, escaped=True))))
    return table


def claim_panel_body(claim: Claim, speaker: str | None, role: str | None, affiliation: str | None,
                     sentence: Text, revisions: list[Revision], relations: list[ClaimRelation]) -> Group:
    parts: list[RenderableType] = [sentence, Text(""), claim_facts(claim, speaker, role, affiliation)]
    if relations:
        parts.append(Text("\nrelations", style="bold"))
        for relation in relations:
            other = relation.claim_b_id if relation.claim_a_id == claim.id else relation.claim_a_id
            parts.append(Text(f"#{relation.id} {relation.kind} claim {other} · {relation.status} · "
                              f"{relation.score:.2f}"))
    parts += [Text("\nhistory", style="bold"), history_table(revisions)]
    return Group(*parts)
