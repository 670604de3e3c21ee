"""The contradiction report in Markdown: readable as plain text, safe when a renderer turns it into HTML.

Everything that comes from an article (words, titles, names, notes) is escaped, so no Markdown or
HTML in an article becomes markup: `<script>` stays visible text.
"""
from __future__ import annotations

import re

from claimtrack import __version__
from claimtrack.report_model import ClaimView, RelationView, Report
from claimtrack.reports.gather import describe_revision, relation_revisions, shown_time, speaker_label, web_url
from claimtrack.store.models import ClaimRelation
from claimtrack.vocabulary import RelationStatus

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!&])")
_SPACE = re.compile(r"\s+")


def md_text(value: object) -> str:
    """Untrusted text as inline Markdown: one line, every markup character backslash-escaped."""
    if value is None:
        return ""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)))


def md_link(location: str | None) -> str:
    url = web_url(location)
    if url and not any(c in url for c in "<>"):
        return f"<{url}>"
    return md_text(location) if location else "no location recorded"


def render_markdown(report: Report) -> str:
    lines = [
        "# Contradiction report",
        "",
        f"Generated {shown_time(report.generated_at)} from database `{report.database.replace('`', '')}` "
        f"by claimtrack {__version__}.  ",
        f"Selection: {md_text(report.selection.describe())}; {len(report.claims)} claims, "
        f"{len(report.contradictions)} contradictions.",
        "",
        "## Summary by speaker",
        "",
    ]
    summary = report.speaker_summary()
    if summary:
        lines += ["| Speaker | Claims | Contradictions | Confirmed |", "|---|---:|---:|---:|"]
        lines += [f"| {md_text(s.name)} | {s.claims} | {s.contradictions} | {s.confirmed} |" for s in summary]
    else:
        lines.append("No claims match.")
    lines += ["", f"## Contradictions ({len(report.contradictions)})", ""]
    if not report.contradictions:
        lines += ["None match.", ""]
    for number, item in enumerate(report.contradictions, 1):
        lines += _contradiction(report, number, item)
    return "\n".join(lines).rstrip("\n") + "\n"


def pair_words(rel: ClaimRelation) -> tuple[str, str]:
    """What a heading puts between the two speakers and after them: the relation's kind ("A contradicts
    B"), unless a person dismissed it, when it never says so ("A and B: dismissed, not “contradicts”")."""
    if rel.status == RelationStatus.DISMISSED.value:
        return " and ", f": dismissed, not “{rel.kind}”"
    return f" {rel.kind} ", ""


def _contradiction(report: Report, number: int, item: RelationView) -> list[str]:
    rel = item.relation
    between, after = pair_words(rel)
    lines = [
        f"### {number}. {md_text(item.a.speaker_name)}{between}{md_text(item.b.speaker_name)}{after}",
        "",
        f"- **Relation:** #{rel.id}, {rel.kind}, score {rel.score:.2f}, {rel.origin}",
        f"- **Review status:** {rel.status}",
        f"- **Reason:** {md_text(rel.reason) or '—'}",
        f"- **Note:** {md_text(rel.note) or '—'}",
    ]
    decisions = relation_revisions(report, rel)
    if decisions:
        lines.append("- **Decisions:**")
        lines += [f"    - {shown_time(r.created_at)}, {md_text(r.author)}: {md_text(describe_revision(r))}"
                  + (f" ({md_text(r.note)})" if r.note and r.field != "note" else "") for r in decisions]
    lines.append("")
    for label, view in (("A", item.a), ("B", item.b)):
        lines += _claim(label, view)
    return lines


def _claim(label: str, view: ClaimView) -> list[str]:
    claim, source, quote = view.claim, view.source, view.quotation
    facts = [md_text(source.title) or "untitled source", md_text(source.outlet), md_text(source.published)]
    lines = [
        f"#### Claim {label}: #{claim.id}, {md_text(speaker_label(view.speaker))}, {claim.stance}",
        "",
        f"> {md_text(quote.before).lstrip()}**{md_text(quote.words).strip()}**{md_text(quote.after).rstrip()}",
        "",
        f"- **Source:** #{source.id} {', '.join(f for f in facts if f)}; {md_link(source.location)}",
        f"- **Words:** characters {claim.start}–{claim.end}, {claim.kind}, cue {md_text(claim.cue) or '—'}",
        f"- **Claim review:** {claim.status}"
        + (f"; verdict {md_text(claim.verdict)}" if claim.verdict else "")
        + (f": {md_text(claim.explanation)}" if claim.explanation else ""),
        "",
    ]
    return lines
