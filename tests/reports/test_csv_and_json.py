"""CSV (formula injection neutralised) and JSON (the full structured data)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import SourceDocument
from claimtrack.review.annotate import add_manual_claim
from claimtrack.review.relations import add_manual_relation
from claimtrack.store.database import open_database, session_scope
from tests.reports.conftest import GENERATED_AT

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_LINES = ["=SUM(A1:A9) was the total", "+1 555 0100 is the hotline", "-5 degrees tonight",
                 "@channel the vote is open", "\tindented words", "\rcarriage words"]


@pytest.fixture
def hostile_db(workdir):
    """One article whose lines each start like a spreadsheet formula, each line a claim by hand."""
    engine = open_database(str(workdir / "hostile.db"))
    text = "\n".join(HOSTILE_LINES) + "\n"
    report = ingest_documents(engine, [SourceDocument(text=text, location="=HYPERLINK(\"http://evil.example\")",
                                                      format="text", title="+title", outlet="@outlet",
                                                      published="-2025")])
    source_id = report.added[0][1]
    with session_scope(engine) as session:
        ids = []
        for line in HOSTILE_LINES:
            start = text.index(line)
            ids.append(add_manual_claim(session, source_id=source_id, start=start, end=start + len(line),
                                        author="ana", speaker="=cmd|' /C calc'!A0", new_speaker=True).id)
        add_manual_relation(session, ids[0], ids[1], "contradicts", author="ana", note="-note")
    engine.dispose()
    return "hostile.db"


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("extra", [(), ("--relations",)], ids=["claims", "relations"])
def test_no_csv_cell_starts_like_a_formula(claimtrack, hostile_db, extra):
    result = claimtrack("export", "--format", "csv", *extra, db=hostile_db)
    assert result.exit_code == 0, result.output
    rows = csv_rows(result.stdout)
    assert rows
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), (column, cell)
    texts = {row.get("text") or row.get("text_a") for row in rows}
    if not extra:
        assert texts == {"'" + line for line in HOSTILE_LINES}  # neutralised, the words kept
        assert {rows[0][c] for c in ("location", "source_title", "outlet", "published", "speaker")} == {
            "'=HYPERLINK(\"http://evil.example\")", "'+title", "'@outlet", "'-2025", "'=cmd|' /C calc'!A0"}
    else:
        assert rows[0]["note"] == "'-note" and rows[0]["text_a"] == "'" + HOSTILE_LINES[0]


def test_csv_has_one_row_per_claim_or_per_relation(export):
    claims = csv_rows(export("--format", "csv"))
    relations = csv_rows(export("--format", "csv", "--relations"))
    assert len(claims) == 12 and len({row["claim_id"] for row in claims}) == 12
    assert len(relations) == 6 and {row["kind"] for row in relations} == {"contradicts", "counters", "supports"}
    okafor = next(row for row in claims if row["claim_id"] == "1")
    assert (okafor["speaker"], okafor["verdict"], okafor["outlet"]) == ("Lena Okafor", "Mostly false", "Vell Courier")
    assert okafor["sentence"].startswith("Mayor Lena Okafor said on Monday")


def test_relations_flag_goes_with_csv_only(claimtrack, fixture):
    result = claimtrack("export", "--format", "md", "--relations")
    assert result.exit_code == 2 and "--relations goes with --format csv" in result.stderr


def test_json_holds_sources_speakers_claims_relations_and_revisions(export):
    data = json.loads(export("--format", "json"))
    assert data["generated_at"] == "2025-04-01T12:00:00+00:00" and data["database"] == "fixture.db"
    assert [len(data[k]) for k in ("sources", "speakers", "claims", "relations", "revisions")] == [3, 6, 12, 6, 18]
    source = data["sources"][0]
    assert {"content_hash", "text", "title", "outlet", "published", "location"} <= set(source)
    assert source["text"][slice(data["claims"][0]["start"], data["claims"][0]["end"])] == data["claims"][0]["text"]
    okafor = next(s for s in data["speakers"] if s["name"] == "Lena Okafor")
    assert okafor["aliases"] == ["Lena Okafor", "Okafor"] and okafor["role"] == "mayor"
    assert {r["status"] for r in data["relations"]} == {"suggested", "confirmed", "dismissed"}
    assert data["revisions"][0]["author"] == "ana" and data["revisions"][0]["created_at"] == "2025-03-20T09:01:00+00:00"


def test_filters_select_speaker_status_and_source(export, claimtrack):
    okafor = json.loads(export("--format", "json", "--speaker", "Okafor"))
    assert {c["speaker_id"] for c in okafor["claims"] if c["id"] in (1, 5, 6, 7)} == {1}
    dismissed = json.loads(export("--format", "json", "--status", "dismissed"))
    assert [r["status"] for r in dismissed["relations"]] == ["dismissed"]
    reservoir = json.loads(export("--format", "json", "--source", "3"))
    assert [s["id"] for s in reservoir["sources"]] == [3] and len(reservoir["claims"]) == 3
    nothing = export("--format", "md", "--source", "99")
    assert "No claims match." in nothing and "Contradictions (0)" in nothing
    nobody = claimtrack("export", "--format", "json", "--speaker", "nobody at all")  # one speaker, or a refusal
    assert nobody.exit_code == 1 and "no speaker named 'nobody at all'" in nobody.stderr


def test_export_needs_no_fixed_time(claimtrack, fixture):
    result = claimtrack("export", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["generated_at"] != GENERATED_AT
    bad = claimtrack("export", "--generated-at", "yesterday")
    assert bad.exit_code == 2 and "not an ISO 8601 time" in bad.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_reports_name_the_database_without_user_or_query(export, workdir, fmt):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLite ignores the query, with a warning
        report = export("--format", fmt, db=f"sqlite:///{workdir / 'fixture.db'}?password=s3cret&user=desk")
    assert "s3cret" not in report and "password" not in report and "user=" not in report
    assert "fixture.db" in report
