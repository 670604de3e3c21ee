"""The report's pictures (claimtrack.reports.pictures), read as XML: nodes, edges, marks, and text from
the store escaped wherever it is written."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from claimtrack.report_model import ClaimView, Quotation, RelationView, Report, ReportFilter
from claimtrack.reports.pictures import contradiction_edges, contradiction_map, speaker_timeline, timelines
from claimtrack.store.models import Claim, ClaimRelation, Source, Speaker

HOSTILE = '<script>alert("x")</script> & Co'
SVG = "{http://www.w3.org/2000/svg}"

SPEAKERS = {1: Speaker(id=1, name="Ana Ruiz"), 2: Speaker(id=2, name=HOSTILE), 3: Speaker(id=3, name="Bo Lind")}
SOURCES = {1: Source(id=1, content_hash="a", format="text", published="2025-01-05", title="One"),
           2: Source(id=2, content_hash="b", format="text", published="2025-02-10", title="Two")}


def view(claim_id: int, speaker_id: int | None, source_id: int, words: str = "the bridge is safe") -> ClaimView:
    claim = Claim(id=claim_id, source_id=source_id, speaker_id=speaker_id, start=claim_id * 10,
                  end=claim_id * 10 + len(words), stance="asserts")
    return ClaimView(claim, SOURCES[source_id], SPEAKERS.get(speaker_id or 0), Quotation("", words, ""))


def relation(rel_id: int, a: ClaimView, b: ClaimView, status: str, kind: str = "contradicts") -> RelationView:
    return RelationView(ClaimRelation(id=rel_id, claim_a_id=a.claim.id, claim_b_id=b.claim.id, kind=kind,
                                      status=status, score=0.5), a, b)


def report(selection: ReportFilter | None = None) -> Report:
    ana_1, ana_2 = view(1, 1, 1), view(2, 1, 2, "the bridge is <b>unsafe</b>")
    hostile, bo, nobody = view(3, 2, 1), view(4, 3, 2), view(5, None, 2)
    return Report(generated_at=datetime(2025, 3, 1, tzinfo=UTC), database="t.db",
                  selection=selection or ReportFilter(), claims=[ana_1, ana_2, hostile, bo, nobody],
                  relations=[relation(1, ana_1, hostile, "confirmed"), relation(2, ana_1, hostile, "suggested"),
                             relation(3, ana_1, ana_2, "suggested", "counters"), relation(4, bo, hostile, "dismissed"),
                             relation(5, bo, ana_2, "suggested", "supports")])


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_the_map_has_a_node_per_speaker_and_an_edge_per_pair():
    drawn = parsed(contradiction_map(report()))
    names = [t.text for t in drawn.iter(f"{SVG}text") if "name" in t.get("class", "")]
    assert sorted(names) == sorted(["Ana Ruiz", HOSTILE[:27].rstrip() + "…"])  # Bo's only one is dismissed
    assert len(list(drawn.iter(f"{SVG}circle"))) == 2
    edges = [g for g in drawn.iter(f"{SVG}g") if "edge" in g.get("class", "")]
    assert sorted(g.get("class") for g in edges) == ["edge confirmed", "edge suggested"]
    labels = sorted(t.text for g in edges for t in g.iter(f"{SVG}text"))
    assert labels == ["1 confirmed, 1 suggested", "1 suggested"]  # Ana-hostile; Ana's loop (her own two claims)
    assert len(list(drawn.iter(f"{SVG}line"))) == 1 and len(list(drawn.iter(f"{SVG}path"))) == 1
    titles = [t.text for t in drawn.iter(f"{SVG}title")]
    assert HOSTILE in titles  # the whole name, as text


def test_dismissed_ones_are_drawn_only_when_asked_for():
    asked = report(ReportFilter(status="dismissed"))
    asked.relations = [r for r in asked.relations if r.relation.status == "dismissed"]  # as gather_report selects
    graph = contradiction_edges(asked)
    assert sorted(name for _, name in graph.speakers) == sorted(["Bo Lind", HOSTILE])
    assert [edge.label for edge in graph.edges.values()] == ["1 dismissed"]
    assert contradiction_map(Report(generated_at=datetime(2025, 3, 1, tzinfo=UTC), database="t.db",
                                    selection=ReportFilter())) == ""


def test_text_from_the_store_never_becomes_markup():
    whole = contradiction_map(report()) + "".join(speaker_timeline(line) for line in timelines(report()))
    assert "<script" not in whole and "<b>" not in whole
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in whole
    assert "&lt;b&gt;unsafe&lt;/b&gt;" in whole
    for svg in whole.split("</svg>")[:-1]:
        parsed(svg + "</svg>")  # well-formed: every text escaped


def test_a_timeline_per_speaker_with_most_contradictions_in_date_order():
    lines = timelines(report())
    assert [line.speaker[1] for line in lines] == ["Ana Ruiz", HOSTILE]  # the unattributed claim has none
    ana = lines[0]
    assert [v.claim.id for v in ana.claims] == [1, 2]  # 2025-01-05, then 2025-02-10
    assert ana.marks == {1: "confirmed", 2: "suggested"}
    assert ana.own == [(1, 2, "suggested")]
    drawn = parsed(speaker_timeline(ana))
    marks = {g.get("class") for g in drawn.iter(f"{SVG}g")}
    assert marks == {"claim confirmed", "claim suggested"}
    assert [t.text for t in drawn.iter(f"{SVG}text") if t.get("class") == "date"] == ["2025-01-05", "2025-02-10"]
    assert [t.text for t in drawn.iter(f"{SVG}text") if t.get("class") == "id"] == ["#1", "#2"]
    assert [p.get("class") for p in drawn.iter(f"{SVG}path")] == ["arc suggested"]
