"""Shared test helpers: the real CLI against a real SQLite file under tmp_path."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "serbia-kosovo-build-up-2023-09-29.txt"
FIXTURES = ROOT / "fixtures"


@pytest.fixture(autouse=True)
def no_user_configuration(tmp_path_factory, monkeypatch):
    """Tests never read the developer's own ~/.config/claimtrack/config.toml."""
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path_factory.getbasetemp() / "no-config.toml"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def run(db_path: Path, monkeypatch):
    """Run `claimtrack --db <tmp db> ARGS...`; returns click's Result (stdout, stderr, exit_code)."""
    monkeypatch.setenv("CLAIMTRACK_AUTHOR", "tester")
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)

    def invoke(*args: str, input: str | bytes | None = None, db: Path | str | None = None):
        runner = CliRunner()
        return runner.invoke(cli, ["--db", str(db or db_path), *args], input=input, catch_exceptions=False)

    return invoke


# ----------------------------------------------------------------------------- PostgreSQL

POSTGRES_ENV = "CLAIMTRACK_TEST_POSTGRES"
POSTGRES_HINT = (f"PostgreSQL tests need a server: set {POSTGRES_ENV}=postgresql://USER:PASSWORD@HOST:PORT/postgres "
                 "(a role that may create databases), or run `bash .ci/run`, which installs and starts one")


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The URL of a PostgreSQL server to make test databases on; the test is skipped when none is given."""
    import os

    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        pytest.skip(POSTGRES_HINT)
    return url


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A new, empty PostgreSQL database for one test (dropped afterwards), as a claimtrack --db URL."""
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    from claimtrack.store.database import database_url

    server = make_url(database_url(postgres_server))
    name = f"claimtrack_test_{uuid.uuid4().hex[:12]}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield server.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_url(request, tmp_path: Path) -> str:
    """An empty store on each backend in turn: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "desk.db")
    return request.getfixturevalue("postgres_url")
