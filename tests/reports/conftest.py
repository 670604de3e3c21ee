"""Report tests: a fixture database in a temporary folder, exported through the real CLI.

The CLI runs from inside that folder with `--db fixture.db`, so the database named in a report is
the same on every machine, and with a fixed generation time (the hidden `--generated-at`).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from tests.conftest import FIXTURES
from tests.reports.fixture_db import build_fixture

GENERATED_AT = "2025-04-01T12:00:00Z"
CONFIG = FIXTURES / "reports" / "config.toml"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(CONFIG))
    monkeypatch.setenv("CLAIMTRACK_AUTHOR", "tester")
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    return tmp_path


@pytest.fixture
def fixture(workdir: Path):
    built = build_fixture(workdir / "fixture.db")
    yield built
    built.engine.dispose()


@pytest.fixture
def claimtrack(workdir: Path):
    """Run `claimtrack --db DB ARGS...` (DB: fixture.db unless given) from the work folder."""

    def invoke(*args: str, db: str = "fixture.db"):
        return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def export(fixture, claimtrack):
    """`claimtrack export ARGS...` on the fixture database at the fixed time; returns standard output."""

    def invoke(*args: str, db: str = "fixture.db") -> str:
        result = claimtrack("export", "--generated-at", GENERATED_AT, *args, db=db)
        assert result.exit_code == 0, result.output
        return result.stdout

    return invoke
