"""The contradiction report as one self-contained HTML file: inline styles, no scripts, no fonts or
images fetched from anywhere, print styles for A4 paper; pictures (who contradicts whom, the claims
of the speakers with most contradictions over time) as inline SVG (claimtrack.reports.pictures).

Every value is escaped with `html.escape` where it is written, so nothing from an article (a
`<script>`, an attribute, an entity) becomes markup; links are made only from http(s) addresses.
"""
from __future__ import annotations

from html import escape

from claimtrack import __version__
from claimtrack.report_model import ClaimView, RelationView, Report
from claimtrack.reports.gather import describe_revision, relation_revisions, shown_time, speaker_label, web_url
from claimtrack.reports.markdown import pair_words
from claimtrack.reports.pictures import contradiction_map, speaker_timeline, timelines

STYLE = """
:root { color-scheme: light; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
.meta { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
article.contradiction { border-top: 3px solid #444; margin-top: 2rem; padding-top: .5rem; }
.facts { display: grid; grid-template-columns: 9rem 1fr; gap: .2rem 1rem; margin: .5rem 0 1rem; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.status { font-family: Arial, sans-serif; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em;
          padding: .05rem .4rem; border: 1px solid currentColor; border-radius: .2rem; }
.status-confirmed { color: #1a5e20; } .status-suggested { color: #7a5a00; } .status-dismissed { color: #777; }
.claims { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; }
section.claim h4 { margin: .5rem 0; }
blockquote { margin: .5rem 0; padding: .5rem .8rem; border-left: 4px solid #999; background: #f6f6f6; }
blockquote mark { background: #ffe98a; font-weight: bold; }
ul.decisions { margin: .2rem 0 0; padding-left: 1.2rem; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
.location { overflow-wrap: anywhere; font-size: .9rem; }
main, blockquote, dd, td, h3, h4 { overflow-wrap: break-word; }
svg, table { max-width: 100%; }
figure.picture { margin: 1rem 0 1.5rem; }
figure.picture figcaption { color: #444; font: .85rem/1.4 Arial, sans-serif; }
svg.picture { display: block; width: 100%; height: auto; font-family: Arial, sans-serif; }
svg .edge line, svg .edge path { fill: none; stroke: #222; stroke-width: 2.5; }
svg .edge.suggested line, svg .edge.suggested path { stroke: #666; stroke-width: 1.8; stroke-dasharray: 7 5; }
svg text { fill: #1b1b1b; font-size: 13px; }
svg text.count, svg text.date, svg text.id { font-size: 11px; text-anchor: middle; fill: #444; }
svg text.count { paint-order: stroke; stroke: #fff; stroke-width: 4px; }
svg text.start { text-anchor: start; } svg text.end { text-anchor: end; } svg text.middle { text-anchor: middle; }
svg .node circle { fill: #fff; stroke: #000; stroke-width: 2.5; }
svg .axis, svg .tick { stroke: #000; stroke-width: 1.5; }
svg .claim circle { fill: #fff; stroke: #777; stroke-width: 1.5; }
svg .claim.confirmed circle { fill: #000; stroke: #000; }
svg .claim.suggested circle { fill: #fff; stroke: #000; stroke-width: 3; }
svg .claim.dismissed circle { fill: #fff; stroke: #999; stroke-dasharray: 2 2; }
svg .arc { fill: none; stroke: #000; stroke-width: 1.5; }
svg .arc.suggested, svg .arc.dismissed { stroke-dasharray: 5 4; }
@media (max-width: 40rem) { .claims { grid-template-columns: minmax(0, 1fr); } }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  .claims { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  article.contradiction, figure.picture { break-inside: avoid-page; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  blockquote { background: none; border-left-color: #000; }
  blockquote mark { background: none; text-decoration: underline; }
  a { color: #000; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
@page { size: A4; margin: 18mm 15mm; }
""".strip("\n")


def e(value: object) -> str:
    """Escaped text (quotes too, so it is safe inside attributes as well)."""
    return "" if value is None else escape(str(value), quote=True)


def render_html(report: Report) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Contradiction report, {e(shown_time(report.generated_at))}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Contradiction report</h1>",
        f'<p class="meta">Generated {e(shown_time(report.generated_at))} from database '
        f"<code>{e(report.database)}</code> by claimtrack {e(__version__)}.<br>",
        f"Selection: {e(report.selection.describe())}; {len(report.claims)} claims, "
        f"{len(report.contradictions)} contradictions.</p>",
        "</header>",
        "<main>",
        *_summary(report),
        *_pictures(report),
        f"<h2>Contradictions ({len(report.contradictions)})</h2>",
    ]
    if not report.contradictions:
        parts.append("<p>None match.</p>")
    for number, item in enumerate(report.contradictions, 1):
        parts += _contradiction(report, number, item)
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _summary(report: Report) -> list[str]:
    summary = report.speaker_summary()
    if not summary:
        return ["<h2>Summary by speaker</h2>", "<p>No claims match.</p>"]
    rows = [f'<tr><td>{e(s.name)}</td><td class="n">{s.claims}</td><td class="n">{s.contradictions}</td>'
            f'<td class="n">{s.confirmed}</td></tr>' for s in summary]
    return ["<h2>Summary by speaker</h2>", "<table>",
            '<thead><tr><th>Speaker</th><th class="n">Claims</th><th class="n">Contradictions</th>'
            '<th class="n">Confirmed</th></tr></thead>',
            "<tbody>", *rows, "</tbody>", "</table>"]


def _pictures(report: Report) -> list[str]:
    """Who contradicts whom, and the claims of the speakers with most contradictions over time."""
    drawn = contradiction_map(report)
    if not drawn:
        return []
    parts = ["<h2>Who contradicts whom</h2>", '<figure class="picture">', drawn,
             "<figcaption>Each speaker with a contradiction is a circle; a line joins two speakers whose claims "
             "contradict each other (a loop: a speaker and their own claim), solid when a person confirmed one, "
             "dashed while none is confirmed, with the number in each review status.</figcaption>", "</figure>"]
    lines = timelines(report)
    if lines:
        parts.append("<h2>Claims over time</h2>")
    for line in lines:
        more = f"; {_claims(line.left_out)} more not drawn" if line.left_out else ""
        parts += ['<figure class="picture">', speaker_timeline(line),
                  f"<figcaption><strong>{e(line.speaker[1])}</strong>: {_claims(len(line.claims))} in date order "
                  f"(the date beneath the first of each day){more}. Numbered marks are claims in a contradiction: "
                  "filled when confirmed, ringed while suggested; an arc joins two of their own claims that "
                  "contradict each other.</figcaption>", "</figure>"]
    return parts


def _claims(count: int) -> str:
    return f"{count} claim" if count == 1 else f"{count} claims"


def _status(status: str) -> str:
    return f'<span class="status status-{e(status)}">{e(status)}</span>'


def _contradiction(report: Report, number: int, item: RelationView) -> list[str]:
    rel = item.relation
    between, after = pair_words(rel)
    parts = [
        f'<article class="contradiction" id="relation-{rel.id}">',
        f"<h3>{number}. {e(item.a.speaker_name)}{e(between)}{e(item.b.speaker_name)}{e(after)} "
        f"{_status(rel.status)}</h3>",
        '<dl class="facts">',
        f"<dt>Relation</dt> <dd>#{rel.id}, {e(rel.kind)}, score {rel.score:.2f}, {e(rel.origin)}</dd>",
        f"<dt>Review status</dt> <dd>{e(rel.status)}</dd>",
        f"<dt>Reason</dt> <dd>{e(rel.reason) or '—'}</dd>",
        f"<dt>Note</dt> <dd>{e(rel.note) or '—'}</dd>",
    ]
    decisions = relation_revisions(report, rel)
    if decisions:
        items = "".join(f"<li>{e(shown_time(r.created_at))}, {e(r.author)}: {e(describe_revision(r))}"
                        + (f" ({e(r.note)})" if r.note and r.field != "note" else "") + "</li>"
                        for r in decisions)
        parts.append(f'<dt>Decisions</dt> <dd><ul class="decisions">{items}</ul></dd>')
    parts += ["</dl>", '<div class="claims">', *_claim("A", item.a), *_claim("B", item.b), "</div>", "</article>"]
    return parts


def _claim(label: str, view: ClaimView) -> list[str]:
    claim, source, quote = view.claim, view.source, view.quotation
    url = web_url(source.location)
    where = (f'<a href="{e(url)}">{e(url)}</a>' if url
             else e(source.location) if source.location else "no location recorded")
    review = e(claim.status) + (f"; verdict <strong>{e(claim.verdict)}</strong>" if claim.verdict else "") + (
        f": {e(claim.explanation)}" if claim.explanation else "")
    facts = [e(source.title) or "untitled source", e(source.outlet), e(source.published)]
    return [
        '<section class="claim">',
        f"<h4>Claim {label}: #{claim.id}, {e(speaker_label(view.speaker))}, {e(claim.stance)}</h4>",
        f"<blockquote>{e(quote.before)}<mark>{e(quote.words)}</mark>{e(quote.after)}</blockquote>",
        '<dl class="facts">',
        f"<dt>Source</dt> <dd>#{source.id} {', '.join(f for f in facts if f)}</dd>",
        f'<dt>Location</dt> <dd class="location">{where}</dd>',
        f"<dt>Words</dt> <dd>characters {claim.start}–{claim.end}, {e(claim.kind)}, cue {e(claim.cue) or '—'}</dd>",
        f"<dt>Claim review</dt> <dd>{review}</dd>",
        "</dl>",
        "</section>",
    ]
