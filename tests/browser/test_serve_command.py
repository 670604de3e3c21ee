"""`claimtrack serve` without a browser: where it binds, what it warns, what each session runs."""
from __future__ import annotations

import os
import shlex
import sys

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli, serve


@pytest.fixture
def served(monkeypatch, tmp_path):
    """Runs `claimtrack serve ARGS` with the server itself replaced: returns (result, what it was given)."""
    given: dict[str, object] = {}

    def fake_serve(command: str, host: str, port: int, url: str) -> None:
        given.update(command=command, host=host, port=port, url=url, db=os.environ.get("CLAIMTRACK_DB"))

    monkeypatch.setattr(serve, "_serve", fake_serve)
    monkeypatch.setenv("CLAIMTRACK_AUTHOR", "desk editor")
    monkeypatch.setenv("CLAIMTRACK_DB", "set by serve")  # so that what serve sets is undone after the test
    monkeypatch.delenv("CLAIMTRACK_DB")
    monkeypatch.chdir(tmp_path)

    def run(*args: str, db: str = "desk.db"):  # serve itself sets CLAIMTRACK_DB, for the sessions
        result = CliRunner().invoke(cli, ["--db", db, "serve", *args], catch_exceptions=False)
        return result, given

    return run


def test_it_binds_to_this_machine_by_default_and_says_where(served):
    result, given = served()
    assert result.exit_code == 0, result.output
    assert given["host"] == "127.0.0.1" and given["port"] == 8000 and given["url"] == "http://127.0.0.1:8000"
    assert "Serving desk.db as desk editor on http://127.0.0.1:8000" in result.stdout
    assert "warning" not in result.output


def test_a_hostile_author_is_one_line_before_anything_is_served(served):
    result, given = served("--author", "desk \x1b[2J ed")
    assert result.exit_code == 1 and not given
    assert "\x1b" not in result.output and "control character" in result.stderr


def test_the_database_goes_in_the_environment_and_the_author_on_the_command_line(served):
    _, given = served("--author", "Ana 'quoted' $(rm -rf ~)")
    assert given["db"] == "desk.db"
    command = shlex.split(str(given["command"]))
    assert command == ["exec", sys.executable, "-m", "claimtrack", "tui", "--author", "Ana 'quoted' $(rm -rf ~)"]
    assert "desk.db" not in str(given["command"])


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "desk.example", "::"])
def test_any_other_address_is_served_with_a_warning(served, host):
    result, given = served("--host", host, "--port", "8080")
    assert result.exit_code == 0, result.output
    assert given["host"] == host
    assert "warning: claimtrack serve has no login" in result.stderr and "reverse proxy" in result.stderr


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
def test_this_machines_own_addresses_need_no_warning(served, host):
    result, _ = served("--host", host)
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_a_port_out_of_range_is_a_usage_error(served):
    result, given = served("--port", "70000")
    assert result.exit_code == 2 and not given


def test_session_command_quotes_every_part():
    assert serve.session_command("a b", python="/opt/my python/bin/python") == (
        "exec '/opt/my python/bin/python' -m claimtrack tui --author 'a b'")
    assert serve.public_url("::1", 8000) == "http://[::1]:8000"


def test_a_database_password_is_never_shown_nor_on_a_command_line(served, monkeypatch):
    from claimtrack.cli.context import CommandContext

    class Unopened:  # no PostgreSQL server here: the store is taken as opened
        def dispose(self) -> None:
            pass

    monkeypatch.setattr(CommandContext, "engine", property(lambda self: Unopened()))
    url = "postgresql://ana:s3cret@db.example/claims"
    result, given = served(db=url)
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output and "Serving postgresql://ana:***@db.example/claims" in result.stdout
    assert given["db"] == url and url not in str(given["command"])  # the sessions get it in the environment

