"""`claimtrack reextract` after an engine upgrade keeps every piece of human work."""
from __future__ import annotations

import dataclasses
import json
import sqlite3

from sqlmodel import Session

import claimtrack.ingest.prepare as prepare_module
from claimtrack.engine import extract as real_extract
from claimtrack.review.annotate import add_manual_claim
from claimtrack.review.relations import add_manual_relation, set_relation_status
from claimtrack.store.database import open_database
from claimtrack.store.models import ClaimRelation
from tests.conftest import SEED_ARTICLE


def claim_rows(db_path):
    with sqlite3.connect(db_path) as db:
        db.row_factory = sqlite3.Row
        return {row["id"]: dict(row) for row in db.execute("SELECT * FROM claim")}


def find(rows, words):
    return next(row for row in rows.values() if words in row["text"])


def test_reextract_replaces_untouched_claims_and_keeps_human_work(run, db_path, monkeypatch):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    rows = claim_rows(db_path)
    edited = find(rows, "combat readiness")
    related_a, related_b = find(rows, "We are monitoring"), find(rows, "half the troops")
    dismissed_a, dismissed_b = find(rows, "worrisome"), find(rows, "increasing its presence")
    untouched = find(rows, "calling on Serbia")
    text = SEED_ARTICLE.read_text(encoding="utf-8")

    assert run("annotate", str(edited["id"]), "--stance", "rejects", "--verdict", "False").exit_code == 0
    engine = open_database(str(db_path))
    with Session(engine) as session:
        manual = add_manual_claim(session, source_id=1, start=text.index("The violence"),
                                  end=text.index("breakaway province.") + len("breakaway province."),
                                  author="tester", note="context worth checking")
        confirmed = add_manual_relation(session, related_a["id"], related_b["id"], "contradicts", author="tester")
        suggested = ClaimRelation(claim_a_id=dismissed_a["id"], claim_b_id=dismissed_b["id"], kind="supports",
                                  score=0.4, reason="test", status="suggested")
        session.add(suggested)
        session.flush()
        set_relation_status(session, suggested.id, "dismissed", author="tester", note="not related")
        session.commit()
        manual_id, confirmed_id, dismissed_id = manual.id, confirmed.id, suggested.id

    def upgraded_engine(source_text, budget=None):
        """A 'new engine': shifts the edited claim's span, drops a related claim, adds a claim."""
        found = real_extract(source_text)
        claims = []
        for claim in found.claims:
            if "half the troops" in claim.text:
                continue  # the new engine no longer finds it; a person related it, so it stays
            if "combat readiness" in claim.text:
                claim = dataclasses.replace(claim, start=claim.start + 1, text=source_text[claim.start + 1:claim.end],
                                            stance="asserts", rule="v2 rule")
            claims.append(claim)
        start = source_text.index("Several dozen assailants")
        end = source_text.index("three were arrested.") + len("three were arrested.")
        extra = dataclasses.replace(found.claims[0], start=start, end=end, text=source_text[start:end],
                                    rule="v2 new", parent=None, spans=())
        return dataclasses.replace(found, claims=(*claims, extra))

    monkeypatch.setattr(prepare_module, "extract", upgraded_engine)
    result = run("reextract")
    assert result.exit_code == 0, result.output

    after = claim_rows(db_path)
    kept = after[edited["id"]]  # same row: revisions and relations still point at it
    assert kept["stance"] == "rejects" and kept["verdict"] == "False"  # the person's fields
    assert kept["start"] == edited["start"] + 1 and kept["rule"] == "v2 rule"  # re-anchored, refreshed
    assert text[kept["start"]:kept["end"]] == kept["text"]
    assert related_a["id"] in after and related_b["id"] in after
    assert dismissed_a["id"] in after and dismissed_b["id"] in after
    assert after[manual_id]["origin"] == "manual" and after[manual_id]["text"].startswith("The violence")
    assert untouched["id"] not in after  # replaced by the new engine's claim with the same words
    assert any(r["text"] == untouched["text"] and r["origin"] == "auto" for r in after.values())
    assert any(r["rule"] == "v2 new" for r in after.values())
    with sqlite3.connect(db_path) as db:
        # People's decisions survive; the contradiction finder's fresh suggestions are not checked here.
        statuses = dict(db.execute("SELECT id, status FROM claimrelation WHERE status != 'suggested'"))
        assert statuses == {confirmed_id: "confirmed", dismissed_id: "dismissed"}
        assert db.execute("SELECT count(*) FROM revision WHERE row_id=? AND table_name='claim'",
                          (edited["id"],)).fetchone()[0] == 2

    again = run("reextract", "1")  # a second run changes nothing that matters
    assert again.exit_code == 0
    assert {k: (v["text"], v["stance"]) for k, v in claim_rows(db_path).items() if k in (edited["id"], manual_id)} == {
        edited["id"]: (kept["text"], "rejects"), manual_id: (after[manual_id]["text"], "asserts")}
    history = json.loads(run("history", str(edited["id"]), "--format", "json").stdout)
    assert [h["field"] for h in history] == ["stance", "verdict"]


def test_reextract_of_an_unknown_source_is_an_error(run):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    result = run("reextract", "42")
    assert result.exit_code == 1 and "source 42: no such source" in result.stderr


def test_revisions_of_a_removed_claim_do_not_make_a_new_claim_with_its_id_human_work(run, db_path):
    """A store from before ids were never reused (migration 0005) may hold a claim that took the id of a
    removed one: the removed claim's revisions neither keep it through reextract nor go out in exports."""
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    phantom = find(claim_rows(db_path), "calling on Serbia")["id"]
    with sqlite3.connect(db_path) as db:  # what the removed manual claim that had this id left behind
        db.executemany("INSERT INTO revision (table_name, row_id, field, old_value, new_value, author, created_at)"
                       " VALUES ('claim', ?, ?, ?, ?, 'ana', '2026-01-01 00:00:00')",
                       [(phantom, "created", None, "an old claim"), (phantom, "verdict", None, "False"),
                        (phantom, "deleted", "{}", None)])
    exported = run("export", "--format", "annotations")
    assert exported.exit_code == 0 and exported.stdout == ""
    assert json.loads(run("history", str(phantom), "--format", "json").stdout) == []
    result = run("reextract")
    assert result.exit_code == 0, result.output
    assert phantom not in claim_rows(db_path)  # replaced like every claim nobody touched


def test_a_claim_restored_by_undo_keeps_its_history_and_its_human_work(run, db_path):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    claim = find(claim_rows(db_path), "calling on Serbia")["id"]
    with sqlite3.connect(db_path) as db:  # removed by an undo, then put back by a redo, then annotated
        db.executemany("INSERT INTO revision (table_name, row_id, field, old_value, new_value, author, created_at)"
                       " VALUES ('claim', ?, ?, ?, ?, 'ana', '2026-01-01 00:00:00')",
                       [(claim, "verdict", None, "False"), (claim, "deleted", "{}", None),
                        (claim, "created", None, "restored")])
    assert [h["field"] for h in json.loads(run("history", str(claim), "--format", "json").stdout)] == [
        "verdict", "deleted", "created"]
    assert run("reextract").exit_code == 0
    assert claim in claim_rows(db_path)
