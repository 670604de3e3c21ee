"""A `db copy` whose PostgreSQL connection is lost midway fails in one line: no driver line beside it.

psycopg logs what it could not clean up on a lost connection ("error ignored terminating
<psycopg.Pipeline [BAD]>: the connection is lost"); with no logging set up, Python prints that on
standard error. It runs as a real process (pytest's own log capture would hide the line), whose
copy has its connection ended by the server after the first batch.
"""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT, SEED_ARTICLE

# `claimtrack db copy`, with the target's backend ended by the server once the first batch is written.
KILL_MIDWAY = """
import sys
import psycopg
from claimtrack.cli import main
from claimtrack.store import copy

admin_url, target_db = sys.argv[1], sys.argv[2]


def lose_the_connection(table, count):
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (target_db,))


copy_database = copy.copy_database
copy.copy_database = lambda *args, **kwargs: copy_database(*args, **{**kwargs, "on_rows": lose_the_connection})
sys.argv = ["claimtrack", *sys.argv[3:]]
main()
"""


def test_a_copy_that_loses_its_server_is_one_line(run, db_path, postgres_url, postgres_server):
    from sqlalchemy.engine import make_url

    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    target = make_url(postgres_url)
    admin = make_url(postgres_server).set(drivername="postgresql").render_as_string(hide_password=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILL_MIDWAY, admin, target.database, "--db", str(db_path), "db",
                           "copy", "--from", str(db_path), "--to", postgres_url, "--batch-size", "2"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"Error: {postgres_url}: copy from {db_path} failed, nothing was copied (")
    assert "<psycopg." not in done.stderr and "Traceback" not in done.stderr
