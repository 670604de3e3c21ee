"""Pictures for the HTML report, drawn by hand as inline SVG (no library, no script, nothing fetched):

- `contradiction_map`: who contradicts whom. Speakers are the nodes, on a circle; an edge joins two
  speakers with a contradiction between their claims, solid when a person confirmed one, dashed
  while none is confirmed, labelled with the counts by review status. A speaker who contradicts themselves gets a
  loop.
- `speaker_timeline`: one speaker's claims in date order (evenly spaced, dates beneath), each claim
  in a contradiction marked and numbered (filled: confirmed; ringed: suggested), and an arc joining
  two of their own claims that contradict each other.

Both are drawn in black and greys with dashes rather than colours alone, so they read on paper;
the styles are in the report's style sheet (classes only). Every text from the store is escaped
with `html.escape` where it is written, and a name too long for its place is shortened, with the
whole of it in the element's <title>.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from claimtrack.report_model import STATUS_ORDER, ClaimView, RelationView, Report
from claimtrack.vocabulary import RelationStatus

MAP_WIDTH = 720
MAX_SPEAKERS = 16  # on the map: those with most contradictions
MAX_TIMELINES = 3  # the speakers with most contradictions get one each
MAX_CLAIMS = 40  # on one timeline: the contradicted ones first, then the earliest
NAME_CHARACTERS = 28

CONFIRMED = RelationStatus.CONFIRMED.value

SpeakerKey = tuple[int | None, str]  # (speaker id, name): two people with one name stay two nodes


def e(value: object) -> str:
    return escape(str(value), quote=True)


def shortened(text: str, limit: int = NAME_CHARACTERS) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def speaker_key(view: ClaimView) -> SpeakerKey:
    return (view.claim.speaker_id, view.speaker_name)


def shown_contradictions(report: Report) -> list[RelationView]:
    """The contradictions the pictures draw: those the summary counts (dismissed ones only when asked for)."""
    return [r for r in report.contradictions if report.counts(r.relation)]


# ----------------------------------------------------------------------------- who contradicts whom

@dataclass
class Edge:
    counts: dict[str, int] = field(default_factory=dict)  # review status -> contradictions in it

    @property
    def confirmed(self) -> bool:
        return CONFIRMED in self.counts

    @property
    def label(self) -> str:
        return ", ".join(f"{self.counts[s]} {s}" for s in sorted(self.counts, key=_rank))


@dataclass
class ContradictionMap:
    speakers: list[SpeakerKey]
    edges: dict[tuple[SpeakerKey, SpeakerKey], Edge] = field(default_factory=dict)
    left_out: int = 0  # speakers not drawn (beyond MAX_SPEAKERS)


def contradiction_edges(report: Report) -> ContradictionMap:
    """The speakers with contradictions (most first) and one edge per pair of them, with its counts."""
    edges: dict[tuple[SpeakerKey, SpeakerKey], Edge] = {}
    degree: dict[SpeakerKey, int] = {}
    for rel in shown_contradictions(report):
        pair = tuple(sorted((speaker_key(rel.a), speaker_key(rel.b)), key=_order))
        edge = edges.setdefault((pair[0], pair[1]), Edge())
        edge.counts[rel.relation.status] = edge.counts.get(rel.relation.status, 0) + 1
        for key in set(pair):
            degree[key] = degree.get(key, 0) + 1
    ranked = sorted(degree, key=lambda k: (-degree[k], k[1].lower(), _order(k)))
    drawn = set(ranked[:MAX_SPEAKERS])
    return ContradictionMap(speakers=sorted(drawn, key=lambda k: (k[1].lower(), _order(k))),
                            edges={p: edge for p, edge in edges.items() if p[0] in drawn and p[1] in drawn},
                            left_out=len(ranked) - len(drawn))


def _rank(status: str) -> int:
    return STATUS_ORDER.get(status, len(STATUS_ORDER))


def _order(key: SpeakerKey) -> tuple[int, str]:
    return (-1 if key[0] is None else key[0], key[1])


def contradiction_map(report: Report) -> str:
    """Who contradicts whom, as one <svg> element ("" when there is no contradiction to draw)."""
    graph = contradiction_edges(report)
    if not graph.speakers:
        return ""
    count = len(graph.speakers)
    radius = 0 if count == 1 else max(90, min(200, 28 * count))
    places = {key: _on_circle(MAP_WIDTH / 2, 0, radius, i, count) for i, key in enumerate(graph.speakers)}
    top = min(y for _, y in places.values()) - 60  # room for a name above the top node, or a loop
    places = {key: (x, y - top) for key, (x, y) in places.items()}
    height = max(y for _, y in places.values()) + 60
    centre = (MAP_WIDTH / 2, -top)
    parts = [f'<svg class="picture map" viewBox="0 0 {MAP_WIDTH} {height:.0f}" role="img" '
             f'aria-label="Who contradicts whom: {count} speakers, {len(graph.edges)} pairs">']
    for (one, other), edge in graph.edges.items():
        parts += _edge(places[one], places[other], edge, centre, f"{one[1]} – {other[1]}")
    for key, (x, y) in places.items():
        parts += _node(key[1], x, y, *centre)
    parts.append("</svg>")
    return "\n".join(parts)


def _on_circle(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return (cx + radius * math.cos(angle), cy + radius * math.sin(angle))


def _edge(a: tuple[float, float], b: tuple[float, float], edge: Edge, centre: tuple[float, float],
          about: str) -> list[str]:
    kind = "edge confirmed" if edge.confirmed else "edge suggested"
    title = f"<title>{e(about)}: {e(edge.label)}</title>"
    if a == b:  # a speaker contradicting themselves: a loop towards the centre (their name is outside)
        dx, dy = centre[0] - a[0], centre[1] - a[1]
        norm = math.hypot(dx, dy)
        ux, uy = (dx / norm, dy / norm) if norm else (0.0, 1.0)
        tip = (a[0] + 46 * ux, a[1] + 46 * uy)
        path = (f"M {a[0] - 9 * uy:.1f} {a[1] + 9 * ux:.1f} Q {tip[0] - 20 * uy:.1f} {tip[1] + 20 * ux:.1f} "
                f"{tip[0]:.1f} {tip[1]:.1f} Q {tip[0] + 20 * uy:.1f} {tip[1] - 20 * ux:.1f} "
                f"{a[0] + 9 * uy:.1f} {a[1] - 9 * ux:.1f}")
        label = (tip[0] + 10 * ux, tip[1] + 10 * uy + 4)
        return [f'<g class="{kind}">{title}<path d="{path}"/>',
                f'<text class="count middle" x="{label[0]:.1f}" y="{label[1]:.1f}">{e(edge.label)}</text></g>']
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length  # the label sits beside the line, away from the centre
    if (mid[0] - centre[0]) * nx + (mid[1] - centre[1]) * ny < 0 or (abs(mid[0] - centre[0]) < 1 and ny > 0):
        nx, ny = -nx, -ny
    side = "start" if nx > 0.3 else "end" if nx < -0.3 else "middle"
    return [f'<g class="{kind}">{title}<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}"/>',
            f'<text class="count {side}" x="{mid[0] + 8 * nx:.1f}" y="{mid[1] + 8 * ny + 4:.1f}">{e(edge.label)}</text>'
            "</g>"]


def _node(name: str, x: float, y: float, cx: float, cy: float) -> list[str]:
    side = "start" if x > cx + 1 else "end" if x < cx - 1 else "middle"
    lx = x + (14 if side == "start" else -14 if side == "end" else 0)
    ly = y + (-16 if y < cy - 1 and side == "middle" else 26 if side == "middle" else 5)
    return [f'<g class="node"><title>{e(name)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="9"/>',
            f'<text class="name {side}" x="{lx:.1f}" y="{ly:.1f}">{e(shortened(name))}</text></g>']


# ----------------------------------------------------------------------------- one speaker's timeline

@dataclass(frozen=True)
class Timeline:
    speaker: SpeakerKey
    claims: list[ClaimView]  # in date order
    marks: dict[int, str]  # claim id -> the review status of its strongest contradiction
    own: list[tuple[int, int, str]]  # contradictions between two of these claims: (claim id, claim id, status)
    left_out: int = 0


def timelines(report: Report, limit: int = MAX_TIMELINES) -> list[Timeline]:
    """One timeline for each of the *limit* speakers with most contradictions (attributed claims only)."""
    contradictions = shown_contradictions(report)
    marks: dict[int, str] = {}
    count: dict[SpeakerKey, int] = {}
    for rel in contradictions:
        for view in (rel.a, rel.b):  # a claim's mark: the strongest status of its contradictions
            marks[view.claim.id or 0] = min(rel.relation.status, marks.get(view.claim.id or 0, rel.relation.status),
                                            key=_rank)
        for key in {speaker_key(rel.a), speaker_key(rel.b)}:
            count[key] = count.get(key, 0) + 1
    chosen = sorted((k for k in count if k[0] is not None), key=lambda k: (-count[k], k[1].lower(), _order(k)))[:limit]
    by_speaker: dict[SpeakerKey, list[ClaimView]] = {}
    for view in report.all_claims:
        by_speaker.setdefault(speaker_key(view), []).append(view)
    return [_timeline(key, by_speaker.get(key, []), marks, contradictions) for key in chosen]


def _timeline(key: SpeakerKey, views: list[ClaimView], marks: dict[int, str],
              contradictions: Iterable[RelationView]) -> Timeline:
    kept = sorted(views, key=lambda v: (v.claim.id not in marks, _when(v), v.claim.start))[:MAX_CLAIMS]
    kept.sort(key=lambda v: (_when(v), v.claim.source_id, v.claim.start, v.claim.id))
    ids = {v.claim.id for v in kept}
    own = [(r.a.claim.id or 0, r.b.claim.id or 0, str(r.relation.status)) for r in contradictions
           if r.a.claim.id in ids and r.b.claim.id in ids]
    return Timeline(key, kept, {i: m for i, m in marks.items() if i in ids}, own, left_out=len(views) - len(kept))


def _when(view: ClaimView) -> str:
    """The date to order by: the source's publication date as given (ISO sorts), undated ones last."""
    return view.source.published or "~"


TIMELINE_WIDTH = 720


def speaker_timeline(line: Timeline) -> str:
    """One speaker's claims on a line in date order, as one <svg> element."""
    n = len(line.claims)
    left, right = 40, TIMELINE_WIDTH - 40
    step = (right - left) / (n - 1) if n > 1 else 0
    xs = {v.claim.id: (left + i * step if n > 1 else TIMELINE_WIDTH / 2) for i, v in enumerate(line.claims)}
    name = line.speaker[1]
    y = 72 if line.own else 16  # room above the line for the arcs
    parts = [f'<svg class="picture timeline" viewBox="0 0 {TIMELINE_WIDTH} {y + 70}" role="img" '
             f'aria-label="Claims of {e(name)} in date order: {n} claims, {len(line.marks)} in contradictions">',
             f'<line class="axis" x1="{left - 20}" y1="{y}" x2="{right + 20}" y2="{y}"/>']
    for a, b, status in line.own:  # arcs above the line between two of their own claims
        x1, x2 = sorted((xs[a], xs[b]))
        rise = min(55.0, 12 + (x2 - x1) / 4)
        parts.append(f'<path class="arc {e(status)}" '
                     f'd="M {x1:.1f} {y - 8} C {x1:.1f} {y - 8 - rise:.1f} {x2:.1f} {y - 8 - rise:.1f} '
                     f'{x2:.1f} {y - 8}"/>')
    parts += _date_labels(line.claims, xs, y)
    marked = 0
    for view in line.claims:
        mark = line.marks.get(view.claim.id or 0)
        parts += _claim_mark(view, xs[view.claim.id], y, mark, row=marked % 2)
        marked += bool(mark)
    parts.append("</svg>")
    return "\n".join(parts)


def _date_labels(views: list[ClaimView], xs: dict[int | None, float], y: int) -> list[str]:
    """One label per date under its first claim, left out where it would run into the one before."""
    parts: list[str] = []
    last_x = -math.inf
    shown: str | None = None
    for view in views:
        date = view.source.published or "undated"
        x = xs[view.claim.id]
        if date != shown and x - last_x >= 80:
            parts.append(f'<line class="tick" x1="{x:.1f}" y1="{y + 10}" x2="{x:.1f}" y2="{y + 18}"/>'
                         f'<text class="date" x="{x:.1f}" y="{y + 32}">{e(shortened(date, 12))}</text>')
            last_x = x
        shown = date
    return parts


def _claim_mark(view: ClaimView, x: float, y: int, mark: str | None, *, row: int) -> list[str]:
    """A claim on the line; one in a contradiction larger, styled by status, with its number beneath
    (on two rows by turns, so that neighbours' numbers do not run together)."""
    claim = view.claim
    title = f"<title>#{claim.id} {e(claim.stance)}, {e(view.source.published or 'undated')}: " \
            f"{e(shortened(view.quotation.words, 160))}</title>"
    kind = f"claim {e(mark)}" if mark else "claim"
    radius = 7 if mark else 4
    label = f'<text class="id" x="{x:.1f}" y="{y + 48 + 13 * row}">#{claim.id}</text>' if mark else ""
    return [f'<g class="{kind}">{title}<circle cx="{x:.1f}" cy="{y}" r="{radius}"/>{label}</g>']
