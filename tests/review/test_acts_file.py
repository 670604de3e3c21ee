"""The annotations file: export, import into another database holding the same sources, export again."""
from __future__ import annotations

import json
from datetime import UTC

import pytest
from sqlmodel import Session, func, select

from claimtrack.store.models import Claim, ClaimRelation, Revision, Source
from tests.reports.conftest import GENERATED_AT
from tests.reports.fixture_db import STORED_AT, build_fixture


@pytest.fixture
def exported(export, workdir):
    """The fixture database's annotations, written to annotations.jsonl in the work folder."""
    text = export("--format", "annotations")
    (workdir / "annotations.jsonl").write_text(text, encoding="utf-8")
    return text


def other_database(workdir, **how):
    """Another database with (some of) the same sources, and no human work."""
    built = build_fixture(workdir / "other.db", human_work=False, **how)
    built.engine.dispose()
    return "other.db"


def counts(path) -> dict[str, int]:
    from claimtrack.store.database import open_database

    engine = open_database(str(path))
    with Session(engine) as session:
        found = {model.__name__: session.exec(select(func.count()).select_from(model)).one()
                 for model in (Source, Claim, ClaimRelation, Revision)}
    engine.dispose()
    return found


def export_of(claimtrack, db: str) -> str:
    result = claimtrack("export", "--format", "annotations", "--generated-at", GENERATED_AT, db=db)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_human_act_is_one_line_keyed_by_hash_and_offsets(exported, fixture):
    acts = [json.loads(line) for line in exported.splitlines()]
    with Session(fixture.engine) as session:
        revisions = session.exec(select(Revision).order_by(Revision.created_at, Revision.id)).all()
        hashes = set(session.exec(select(Source.content_hash)).all())
        texts = {s.content_hash: s.text for s in session.exec(select(Source)).all()}
    assert [(a["field"], a["author"], a["note"]) for a in acts] == [(r.field, r.author, r.note) for r in revisions]
    assert {a["field"] for a in acts} == {"created", "speaker", "stance", "status", "verdict", "explanation", "note"}
    for act in acts:
        keys = [act["claim"]] if act["act"] == "claim" else [act["relation"]["a"], act["relation"]["b"]]
        for key in keys:
            assert key["source"] in hashes and texts[key["source"]][key["start"]:key["end"]] == key["text"]
            assert set(key) == {"source", "source_name", "start", "end", "text", "origin", "kind", "initial"}
        if act["act"] == "relation" and act["field"] == "created":
            assert act["old"] is act["new"] is None  # "7 contradicts 1": database ids mean nothing elsewhere
    manual = next(a for a in acts if a["act"] == "claim" and a["field"] == "created")
    assert manual["claim"]["origin"] == "manual" and manual["claim"]["initial"]["speaker"] == "Silt Lab"
    assert manual["author"] == "ana" and manual["at"] == "2025-03-20T09:10:00+00:00"


def test_round_trip_into_a_fresh_database_gives_the_same_file(exported, claimtrack, workdir):
    fresh = other_database(workdir, engine_work=False)  # the same articles, nothing else
    result = claimtrack("import", "annotations.jsonl", db=fresh)
    assert result.exit_code == 0, result.output
    assert f"Acts imported: {len(exported.splitlines())}, already present: 0" in result.stdout
    assert export_of(claimtrack, fresh) == exported


def test_import_is_idempotent(exported, claimtrack, workdir):
    fresh = other_database(workdir, engine_work=False)
    assert claimtrack("import", "annotations.jsonl", db=fresh).exit_code == 0
    before = counts(workdir / fresh)
    again = claimtrack("import", "annotations.jsonl", db=fresh)
    assert again.exit_code == 0 and "Acts imported: 0, already present: 18" in again.stdout
    assert counts(workdir / fresh) == before
    assert export_of(claimtrack, fresh) == exported


def test_import_finds_the_claims_the_other_engine_found_and_keeps_authors_and_times(exported, claimtrack, workdir):
    other = other_database(workdir)  # same articles, same automatic claims and suggestions
    before = counts(workdir / other)
    assert claimtrack("import", "annotations.jsonl", db=other).exit_code == 0
    after = counts(workdir / other)
    assert after["Claim"] == before["Claim"] + 1  # only the claim marked by hand is new
    assert after["ClaimRelation"] == before["ClaimRelation"] + 1  # only the relation added by hand
    assert export_of(claimtrack, other) == exported
    history = json.loads(claimtrack("history", "1", "--format", "json", db=other).stdout)
    assert [(h["time"], h["author"], h["field"], h["new"]) for h in history] == [
        ("2025-03-20T09:01:00+00:00", "ana", "status", "confirmed"),
        ("2025-03-20T09:02:00+00:00", "ana", "verdict", "Mostly false"),
        ("2025-03-20T09:03:00+00:00", "ana", "explanation", "The tender documents put the cost at 6.8 million euros.")]
    claims = {c["id"]: c for c in json.loads(claimtrack("claims", "--format", "json", db=other).stdout)}
    assert claims[1]["verdict"] == "Mostly false" and claims[8]["speaker"] == "Port Authority"
    assert claims[5]["stance"] == "alleges"


@pytest.mark.parametrize("damage", ["not json", "truncated", "unknown field", "bad stance", "no author",
                                    "words moved"])
def test_a_bad_line_is_named_and_nothing_changes(exported, claimtrack, workdir, damage):
    lines = exported.splitlines()
    act = json.loads(lines[6])
    if damage == "not json":
        lines[6] = "{this is not json"
    elif damage == "truncated":
        lines = lines[:7]
        lines[6] = lines[6][: len(lines[6]) // 2]
    elif damage == "unknown field":
        act["colour"] = "red"
        lines[6] = json.dumps(act)
    elif damage == "bad stance":
        act.update(field="stance", new="shouting")
        lines[6] = json.dumps(act)
    elif damage == "no author":
        del act["author"]
        lines[6] = json.dumps(act)
    else:  # the words are no longer the ones at those offsets
        key = act.get("claim") or act["relation"]["a"]
        key["start"] += 1
        key["end"] += 1
        lines[6] = json.dumps(act)
    (workdir / "damaged.jsonl").write_text("\n".join(lines) + ("\n" if damage != "truncated" else ""), encoding="utf-8")
    fresh = other_database(workdir, engine_work=False)
    before = counts(workdir / fresh)
    result = claimtrack("import", "damaged.jsonl", db=fresh)
    assert result.exit_code == 1
    assert "damaged.jsonl line 7:" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert counts(workdir / fresh) == before  # lines 1-6 were good, yet nothing was imported


def test_acts_on_missing_sources_are_reported_and_the_rest_imported(exported, fixture, claimtrack, workdir):
    partial = other_database(workdir, engine_work=False, sources=("council", "revised"))
    result = claimtrack("import", "annotations.jsonl", db=partial)
    with Session(fixture.engine) as session:
        reservoir = session.get(Source, fixture.sources["reservoir"]).content_hash
    missing = [line for line in exported.splitlines() if reservoir in line]
    assert result.exit_code == 1 and missing
    assert result.stderr.strip() == (f"not imported: {len(missing)} act(s) on source <b>Reservoir</b> safe, says board "
                                     f'& "experts" [{reservoir[:12]}]: not in this database (ingest it first)')
    assert f"Acts imported: {len(exported.splitlines()) - len(missing)}" in result.stdout
    kept = "".join(line + "\n" for line in exported.splitlines() if reservoir not in line)
    assert export_of(claimtrack, partial) == kept


def test_import_of_a_missing_file_or_non_utf8_is_one_line(claimtrack, workdir, fixture):
    missing = claimtrack("import", "nowhere.jsonl")
    assert missing.exit_code == 1 and "nowhere.jsonl: no such file" in missing.stderr
    (workdir / "latin.jsonl").write_bytes(b'{"act": "claim"}\n{"note": "caf\xe9"}\n')
    latin = claimtrack("import", "latin.jsonl")
    assert latin.exit_code == 1 and "latin.jsonl line 2: not UTF-8 text" in latin.stderr


def test_undone_and_restored_work_round_trips_and_what_is_left_out_is_said(fixture, claimtrack, workdir):
    from claimtrack.review.annotate import record_revision
    from claimtrack.store.database import session_scope

    lab = fixture.claims["lab_cleaner"]
    with session_scope(fixture.engine) as session:  # as claimtrack.review.undo records an undo and a redo
        for field, minute in (("deleted", 40), ("created", 41)):
            revision = record_revision(session, table="claim", row_id=lab, field=field, author="ana",
                                       old="{}" if field == "deleted" else None,
                                       new=None if field == "deleted" else "cleaner than expected, which should "
                                                                            "lower the bill.")
            revision.created_at = STORED_AT.replace(minute=minute)
        record_revision(session, table="speaker", row_id=99, field="deleted", old="{}", new=None, author="ben")
    result = claimtrack("export", "--format", "annotations", "--generated-at", GENERATED_AT)
    assert result.exit_code == 0
    acts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["at"][11:16] for a in acts if a.get("claim", {}).get("origin") == "manual" and a["field"] == "created"] \
        == ["09:10", "09:41"]
    assert all(a["field"] != "deleted" for a in acts)
    assert "warning: revisions not carried by the annotations file (claim.deleted 1, speaker.* 1)" in result.stderr
    (workdir / "annotations.jsonl").write_text(result.stdout, encoding="utf-8")
    fresh = other_database(workdir, engine_work=False)
    assert claimtrack("import", "annotations.jsonl", db=fresh).exit_code == 0
    assert export_of(claimtrack, fresh) == result.stdout


def test_an_import_never_overwrites_newer_work_done_here(tmp_path, run):
    """ana works on a laptop copy, bob later on the server; importing ana's file leaves bob's verdict."""
    from tests.conftest import SEED_ARTICLE

    laptop, server = tmp_path / "laptop.db", tmp_path / "server.db"
    for db in (laptop, server):
        assert run("ingest", str(SEED_ARTICLE), db=db).exit_code == 0
    assert run("annotate", "11", "--verdict", "False", "--stance", "denies", "--author", "ana",
               db=laptop).exit_code == 0
    assert run("annotate", "11", "--verdict", "Misleading", "--author", "bob", db=server).exit_code == 0
    work = tmp_path / "ana.jsonl"
    assert run("export", "--format", "annotations", "-o", str(work), db=laptop).exit_code == 0
    result = run("import", str(work), db=server)
    assert result.exit_code == 0
    assert "left out for newer work here: 1" in result.output
    assert "ana's verdict" in result.output and "bob changed claim 11's verdict here to 'Misleading'" in result.output
    shown = run("show", "11", db=server).output
    assert "Misleading" in shown and "denies" in shown  # bob's verdict stays; ana's stance (nobody else's) lands


HOSTILE = {  # what a hand-edited or hostile annotations file may hold, one bad line each
    "a number of 5,000 digits": lambda act: json.dumps({**act, "old": 0}).replace('"old": 0', '"old": 1' + "0" * 5000),
    "nesting 100,000 deep": lambda act: "[" * 100_000 + "]" * 100_000,
    "a lone surrogate": lambda act: json.dumps({**act, "author": "ana"}).replace('"ana"', '"an\\ud800a"', 1),
    "a NUL character": lambda act: json.dumps({**act, "note": "checked\u0000"}),
    "a wrong type": lambda act: json.dumps({**act, "author": 12}),
    "an author of spaces": lambda act: json.dumps({**act, "author": "   "}),
    "an author with a newline": lambda act: json.dumps({**act, "author": "ana\nbob"}),
    "an author with a bidi override": lambda act: json.dumps({**act, "author": "ana\u202ebob"}),
    "a score that is not a number": lambda act: json.dumps(act).replace('"score": ', '"score": NaN, "y": ', 1),
    "a list for an act": lambda act: "[1, 2, 3]",
}


def test_every_hostile_line_is_named_on_one_line_and_nothing_changes(exported, claimtrack, workdir):
    lines = exported.splitlines()
    relation_line = next(i for i, line in enumerate(lines) if '"act": "relation"' in line)
    bad = {}
    for number, (what, damage) in enumerate(HOSTILE.items()):
        index = relation_line if what == "a score that is not a number" else number
        lines[index] = damage(json.loads(lines[index]))
        bad[index + 1] = what
    (workdir / "hostile.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fresh = other_database(workdir, engine_work=False)
    before = counts(workdir / fresh)
    result = claimtrack("import", "hostile.jsonl", db=fresh)
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = result.stderr.strip().splitlines()
    assert sorted(int(e.split(" line ")[1].split(":")[0]) for e in errors) == sorted(bad), errors  # each once
    assert all(e.startswith("Error: hostile.jsonl line ") for e in errors)
    assert not any(char in result.stderr for char in "\u202e\x00")  # the file's words never reach the terminal raw
    assert counts(workdir / fresh) == before  # a damaged file changes nothing


def test_an_act_dated_in_the_future_is_refused_on_one_line_and_the_rest_imported(exported, claimtrack, workdir):
    lines = exported.splitlines()
    act = json.loads(lines[3])
    lines[3] = json.dumps({**act, "at": "2099-01-01T00:00:00+00:00"})
    (workdir / "future.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fresh = other_database(workdir, engine_work=False)
    result = claimtrack("import", "future.jsonl", db=fresh)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"not imported: future.jsonl line 4: {act['author']}'s {act['field']} is dated 2099-01-01 00:00 UTC, "
        "more than 5 minutes ahead of this machine's clock (is the exporting desk's clock wrong?)"]
    assert f"Acts imported: {len(lines) - 1}," in result.stdout and "dated in the future: 1" in result.stdout
    with Session(fixture_engine(workdir / fresh)) as session:
        assert session.exec(select(func.max(Revision.created_at))).one().year == 2025


def fixture_engine(path):
    from claimtrack.store.database import open_database

    return open_database(str(path))


def test_a_relation_of_a_claim_to_itself_is_refused_as_relate_refuses_it(exported, claimtrack, workdir):
    lines = exported.splitlines()
    index = next(i for i, line in enumerate(lines) if '"act": "relation"' in line and '"created"' in line)
    act = json.loads(lines[index])
    act["relation"]["b"] = act["relation"]["a"]
    lines[index] = json.dumps(act)
    (workdir / "self.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fresh = other_database(workdir, engine_work=False)
    before = counts(workdir / fresh)
    result = claimtrack("import", "self.jsonl", db=fresh)
    assert result.exit_code == 1
    refused = result.stderr.strip().splitlines()
    assert len(refused) == 1 and refused[0].startswith(f"not imported: self.jsonl line {index + 1}: ")
    assert refused[0].endswith("a claim cannot be related to itself")
    engine = fixture_engine(workdir / fresh)
    with Session(engine) as session:
        assert not session.exec(select(ClaimRelation).where(ClaimRelation.claim_a_id == ClaimRelation.claim_b_id)).all()
    engine.dispose()
    assert counts(workdir / fresh)["Revision"] > before["Revision"]  # the other acts went in


def test_history_is_in_the_order_of_the_log_not_of_the_clocks(run, tmp_path):
    """A revision stamped by a clock running ahead (or imported from 2099) stays where it was written."""
    import sqlite3

    from tests.conftest import SEED_ARTICLE

    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    for verdict in ("False", "Misleading", "Mostly false"):
        assert run("annotate", "11", "--verdict", verdict, "--author", "ana").exit_code == 0
    with sqlite3.connect(tmp_path / "claims.db") as db:
        first = db.execute("SELECT min(id) FROM revision").fetchone()[0]
        db.execute("UPDATE revision SET created_at = '2099-01-01 00:00:00.000000' WHERE id = ?", (first,))
    history = json.loads(run("history", "11", "--format", "json").stdout)
    assert [h["new"] for h in history] == ["False", "Misleading", "Mostly false"]
    assert [h["id"] for h in history] == sorted(h["id"] for h in history)


def _stamp(db, revision_id: int, moment) -> None:
    import sqlite3

    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE revision SET created_at = ? WHERE id = ?",
                           (moment.strftime("%Y-%m-%d %H:%M:%S.%f"), revision_id))


def test_a_desk_clock_running_ahead_cannot_make_a_later_edit_lose(tmp_path, run):
    """bob's server clock ran 4 minutes ahead when he set a verdict; ana took his work, then changed the
    verdict (later, but stamped earlier). Importing ana's work on the server applies it."""
    from datetime import datetime, timedelta

    from tests.conftest import SEED_ARTICLE

    laptop, server = tmp_path / "laptop.db", tmp_path / "server.db"
    for db in (laptop, server):
        assert run("ingest", str(SEED_ARTICLE), db=db).exit_code == 0
    assert run("annotate", "11", "--verdict", "Misleading", "--author", "bob", db=server).exit_code == 0
    _stamp(server, 1, datetime.now(UTC) + timedelta(minutes=4))
    bob = tmp_path / "bob.jsonl"
    assert run("export", "--format", "annotations", "-o", str(bob), db=server).exit_code == 0
    assert run("import", str(bob), db=laptop).exit_code == 0
    assert run("annotate", "11", "--verdict", "False", "--author", "ana", db=laptop).exit_code == 0
    ana = tmp_path / "ana.jsonl"
    assert run("export", "--format", "annotations", "-o", str(ana), db=laptop).exit_code == 0
    result = run("import", str(ana), db=server)
    assert result.exit_code == 0, result.output
    assert "Acts imported: 1, already present: 1," in result.output
    assert "False" in run("show", "11", db=server).output


def test_a_desk_clock_running_ahead_cannot_make_an_earlier_edit_win(tmp_path, run):
    """ana's laptop clock runs ahead; bob sets the verdict on the server after her, without seeing hers:
    her act does not overwrite his, whatever its time says."""
    from datetime import datetime, timedelta

    from tests.conftest import SEED_ARTICLE

    laptop, server = tmp_path / "laptop.db", tmp_path / "server.db"
    for db in (laptop, server):
        assert run("ingest", str(SEED_ARTICLE), db=db).exit_code == 0
    assert run("annotate", "11", "--verdict", "False", "--author", "ana", db=laptop).exit_code == 0
    _stamp(laptop, 1, datetime.now(UTC) + timedelta(minutes=4))
    assert run("annotate", "11", "--verdict", "Misleading", "--author", "bob", db=server).exit_code == 0
    ana = tmp_path / "ana.jsonl"
    assert run("export", "--format", "annotations", "-o", str(ana), db=laptop).exit_code == 0
    result = run("import", str(ana), db=server)
    assert result.exit_code == 0 and "left out for newer work here: 1" in result.output
    assert "Misleading" in run("show", "11", db=server).output


def test_a_note_holding_a_line_separator_character_round_trips(tmp_path, run):
    """The file is written without escaping non-ASCII: U+2028 and U+2029 (where str.splitlines splits)
    stay inside their line."""
    from tests.conftest import SEED_ARTICLE

    desk, other = tmp_path / "desk.db", tmp_path / "other.db"
    for db in (desk, other):
        assert run("ingest", str(SEED_ARTICLE), db=db).exit_code == 0
    assert run("annotate", "11", "--verdict", "False", "--note", "see p.\u20282\u2029and the annex",
               "--author", "ana", db=desk).exit_code == 0
    work = tmp_path / "ana.jsonl"
    assert run("export", "--format", "annotations", "-o", str(work), db=desk).exit_code == 0
    result = run("import", str(work), db=other)
    assert result.exit_code == 0, result.output
    history = json.loads(run("history", "11", "--format", "json", db=other).stdout)
    assert [(h["new"], h["note"]) for h in history] == [("False", "see p.\u20282\u2029and the annex")]
