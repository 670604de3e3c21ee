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
