"""No password is ever printed: errors, `db info`, `db copy` and reports name a database without one.

A password may come in the URL's user information or in its query (libpq and psycopg take
?password=, ?sslpassword=, ?passfile=); an unencoded "@" in a password must not leak its tail.
Port 1 on localhost is closed, so the server URLs here fail at once without any server.
"""
from __future__ import annotations

import json
import warnings

import pytest

from tests.conftest import SEED_ARTICLE

SECRET = "s3cret"
CLOSED_SERVERS = [
    f"postgresql://desk@localhost:1/claims?password={SECRET}",
    f"postgresql://desk@localhost:1/claims?sslmode=disable&sslpassword={SECRET}",
    f"postgresql://desk@localhost:1/claims?passfile=/home/desk/{SECRET}",
    f"postgresql://desk:pw@{SECRET}@localhost:1/claims",
    f"postgresql://desk:pw/{SECRET}@localhost:1/claims",
]


@pytest.mark.parametrize("url", CLOSED_SERVERS)
def test_errors_never_print_a_password(run, url):
    for args in (("sources",), ("db", "info"), ("claims", "--format", "json")):
        result = run(*args, db=url)
        assert result.exit_code == 1, result.output
        assert SECRET not in result.output and "Traceback" not in result.output
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1
        assert "localhost" in result.output or "%40" in result.output  # with an unencoded "@": refused at once


@pytest.mark.parametrize("url", CLOSED_SERVERS)
def test_db_info_and_db_copy_of_a_named_database_never_print_a_password(run, db_path, url):
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    for args in (("db", "info", url), ("db", "copy", "--from", str(db_path), "--to", url),
                 ("db", "copy", "--from", url, "--to", str(db_path.with_name("copy.db")))):
        result = run(*args)
        assert result.exit_code == 1 and SECRET not in result.output, result.output


def test_db_info_shows_a_query_password_as_stars(run, db_path):
    url = f"sqlite:///{db_path}?password={SECRET}"  # SQLite ignores it (with a warning), but it was typed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert run("ingest", str(SEED_ARTICLE), db=url).exit_code == 0
        table, as_json = run("db", "info", db=url), run("db", "info", "--format", "json", db=url)
    assert table.exit_code == as_json.exit_code == 0
    assert SECRET not in table.output and "password=***" in table.output
    assert json.loads(as_json.stdout)["database"] == f"sqlite:///{db_path}?password=***"
