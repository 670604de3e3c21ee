"""A store in a folder (or a file) that cannot be written can still be read; a write says it is read-only.

Permissions are real where they can be: as an ordinary user the folder and file are made read-only;
as root (whom permissions do not stop) the commands run as a child process with root's power to
ignore them dropped (`setpriv`). Only where neither is possible are the permission checks made to
answer "read-only" in-process, and SQLite's own read-only mode is what then refuses the write.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from tests.conftest import ROOT, SEED_ARTICLE

IGNORE_PERMISSIONS = "dac_override,dac_read_search,fowner"  # root's capabilities to write what it may not


def reader(db: Path, monkeypatch):
    """Run `claimtrack --db DB ARGS...` as someone the permissions apply to; returns (exit status, stdout, stderr)."""
    if os.geteuid() != 0 or shutil.which("setpriv"):
        prefix = [] if os.geteuid() != 0 else ["setpriv", f"--inh-caps=-{IGNORE_PERMISSIONS.replace(',', ',-')}",
                                               f"--bounding-set=-{IGNORE_PERMISSIONS.replace(',', ',-')}", "--"]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMTRACK_AUTHOR": "tester"}
        env.pop("CLAIMTRACK_DB", None)

        def invoke(*args: str):
            done = subprocess.run([*prefix, sys.executable, "-m", "claimtrack", "--db", str(db), *args],
                                  capture_output=True, text=True, env=env, timeout=120)
            return done.returncode, done.stdout, done.stderr
        return invoke
    import claimtrack.store.database as database

    real_access = os.access
    monkeypatch.setattr(database, "_writable", lambda folder: False)
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode == os.W_OK else real_access(path, mode))

    def invoke(*args: str):
        result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr
    return invoke


def claimtrack_process(db: Path, *args: str) -> str:
    """`claimtrack --db DB ARGS...` as its own process (so that its connections are closed when it ends)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMTRACK_AUTHOR": "tester"}
    done = subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(db), *args], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    db = folder / "claims.db"
    claimtrack_process(db, "ingest", str(SEED_ARTICLE))
    claimtrack_process(db, "annotate", "1", "--verdict", "False")
    assert sorted(p.name for p in folder.iterdir()) == ["claims.db"]  # the last connection removed -wal, -shm
    return db


@pytest.mark.parametrize("read_only", ["folder", "file"])
def test_a_read_only_store_is_read_and_a_write_is_refused_in_one_line(store, tmp_path, read_only, monkeypatch):
    claims = json.loads(claimtrack_process(store, "claims", "--format", "json"))
    before = store.read_bytes()
    store.chmod(0o444)
    if read_only == "folder":
        store.parent.chmod(0o555)
    try:
        claimtrack = reader(store, monkeypatch)
        status, out, err = claimtrack("claims", "--format", "json")
        assert (status, err) == (0, "") and json.loads(out) == claims
        for args in (("sources",), ("show", "1"), ("history", "1", "--format", "json"), ("contradictions",),
                     ("db", "info"), ("export", "--format", "json", "-o", str(tmp_path / "report.json"))):
            status, out, err = claimtrack(*args)
            assert (status, err) == (0, ""), (args, err)
        assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["claims"][0]["id"] == claims[0]["id"]
        status, out, err = claimtrack("annotate", "2", "--verdict", "Misleading")
        assert status == 1
        assert err.splitlines() == [f"Error: {store}: read-only (its file or folder cannot be written); "
                                    "nothing was changed"]
    finally:
        store.parent.chmod(0o755)
        store.chmod(0o644)
    assert store.read_bytes() == before
    if read_only == "folder":  # nothing could be made there (in a writable folder SQLite may leave its -shm)
        assert sorted(p.name for p in store.parent.iterdir()) == ["claims.db"]


def test_a_read_only_store_of_an_older_schema_says_where_to_open_it(tmp_path, monkeypatch):
    import claimtrack.store.database as database
    from claimtrack.errors import ClaimtrackError

    path = tmp_path / "old.db"
    database.open_database(str(path), migrate_to="0003").dispose()
    before = path.read_bytes()
    monkeypatch.setattr(database, "_writable", lambda folder: False)  # SQLite's mode=ro refuses, even as root
    with pytest.raises(ClaimtrackError) as caught:
        database.open_database(str(path))
    assert str(caught.value) == (f"{path}: read-only (its file or folder cannot be written) and made by an older "
                                 "claimtrack: open it once where it can be written")
    assert path.read_bytes() == before
