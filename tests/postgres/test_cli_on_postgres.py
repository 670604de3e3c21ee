"""Every command of the CLI against a real PostgreSQL database, given by --db or by CLAIMTRACK_DB."""
from __future__ import annotations

import json

from click.testing import CliRunner
from sqlmodel import select

from claimtrack.cli import cli
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim, ClaimRelation
from tests.conftest import FIXTURES, SEED_ARTICLE


def test_a_desk_on_postgresql_from_ingest_to_reports(postgres_url, run, tmp_path):
    db = postgres_url
    ingested = run("ingest", str(SEED_ARTICLE), str(FIXTURES / "articles"), db=db)
    assert ingested.exit_code == 0 and "Sources added: 4" in ingested.output
    assert "skipped: 1" in run("ingest", str(SEED_ARTICLE), db=db).output  # idempotent by content
    assert "US warns of large Serbian" in run("sources", db=db).output
    found = json.loads(run("claims", "--search", "troops", "--format", "json", db=db).output)
    assert any("half the troops" in row["text"] for row in found)
    assert "Aleksandar Vucic" in run("speakers", db=db).output

    engine = open_database(db)
    with session_scope(engine) as session:
        troops = session.exec(select(Claim).where(Claim.text.contains("half the troops"))).one()
        relation = session.exec(select(ClaimRelation).where(
            (ClaimRelation.claim_a_id == troops.id) | (ClaimRelation.claim_b_id == troops.id))).first()
    engine.dispose()
    assert relation is not None, "the seed's contradiction is found on PostgreSQL too"
    assert "half the troops" in run("show", str(troops.id), db=db).output
    assert run("annotate", str(troops.id), "--verdict", "Misleading", "--status", "confirmed", db=db).exit_code == 0
    assert "Misleading" in run("history", str(troops.id), db=db).output
    assert "confirmed" in run("confirm", str(relation.id), "--note", "checked on the ground", db=db).output
    assert "half the troops" in run("contradictions", "--format", "json", db=db).output

    report = tmp_path / "report.md"
    assert run("export", "--format", "md", "-o", str(report), db=db).exit_code == 0
    assert "half the troops" in report.read_text(encoding="utf-8")
    annotations = tmp_path / "work.jsonl"
    assert run("export", "--format", "annotations", "-o", str(annotations), db=db).exit_code == 0
    assert run("reextract", db=db).exit_code == 0
    assert "Misleading" in run("history", str(troops.id), db=db).output  # human work kept through re-extraction

    # The annotations move onto a fresh SQLite desk and back again unchanged.
    local = tmp_path / "local.db"
    assert run("ingest", str(SEED_ARTICLE), str(FIXTURES / "articles"), db=local).exit_code == 0
    assert run("import", str(annotations), db=local).exit_code == 0
    again = tmp_path / "again.jsonl"
    assert run("export", "--format", "annotations", "-o", str(again), db=local).exit_code == 0
    assert again.read_text(encoding="utf-8") == annotations.read_text(encoding="utf-8")


def test_the_database_can_come_from_the_environment(postgres_url, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_DB", postgres_url)
    result = CliRunner().invoke(cli, ["ingest", str(SEED_ARTICLE)], catch_exceptions=False)
    assert result.exit_code == 0 and "Sources added: 1" in result.output
    assert "US warns of large Serbian" in CliRunner().invoke(cli, ["sources"]).output


def test_a_wrong_password_or_a_server_that_is_not_there_is_one_line(postgres_url, run):
    from sqlalchemy.engine import make_url

    wrong = make_url(postgres_url).set(port=1, password="s3cret").render_as_string(hide_password=False)
    result = run("sources", db=wrong)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "cannot open database" in result.output
    assert "Traceback" not in result.output
    assert "s3cret" not in result.output and ":***@" in result.output


def test_a_password_in_the_query_is_never_shown(postgres_url, run):
    """libpq and psycopg take ?password=: db info, reports and the UI's title name the database without it."""
    from sqlalchemy.engine import make_url

    from claimtrack.store.database import report_name, short_name

    url = make_url(postgres_url)
    given = url.set(password=None).render_as_string(hide_password=False) + f"?password={url.password or ''}s3cret"
    info = run("db", "info", "--format", "json", db=given)  # a trust server ignores the password; it was typed
    assert info.exit_code == 0, info.output
    assert "s3cret" not in info.output and json.loads(info.stdout)["database"].endswith("?password=***")
    assert run("ingest", str(SEED_ARTICLE), db=given).exit_code == 0
    report = run("export", "--format", "md", db=given).stdout
    assert "s3cret" not in report and f"{url.database} on {url.host}" in report
    assert "s3cret" not in short_name(given) + report_name(given)
