"""Control characters on both backends: stored alike, copied SQLite -> PostgreSQL as they are, and a
NUL that an old SQLite store holds (PostgreSQL cannot store it) named by its row when copying."""
from __future__ import annotations

import json
import sqlite3

from tests.store.test_copy import dump, ok, one_line_error

CONTROLS = ("Eastport mayor Ruth Adler said the bridge would stay open.\x1b]0;owned\x07 \x1b[2J\x0b\x0c\x7f"
            "\u0085\u202e \"We will not close it,\" she told reporters.\n")


def controls_store(run, db_path, tmp_path):
    batch = tmp_path / "controls.jsonl"
    batch.write_text(json.dumps({"doc_id": "c\x1b1", "text": CONTROLS, "title": "Bridge\x1b[31m red\x08"}) + "\n")
    ok(run("ingest", str(batch), db=db_path))


def test_a_store_with_control_characters_copies_to_postgres_as_it_is(run, db_path, tmp_path, postgres_url):
    controls_store(run, db_path, tmp_path)
    ok(run("db", "copy", "--from", str(db_path), "--to", postgres_url))
    local, server = dump(str(db_path)), dump(postgres_url)
    assert server["source"] == local["source"] and server["claim"] == local["claim"]
    assert any(value == CONTROLS for row in server["source"] for value in row)


def test_a_nul_in_an_old_sqlite_store_is_named_by_its_row_and_nothing_is_copied(run, db_path, tmp_path, postgres_url):
    controls_store(run, db_path, tmp_path)
    with sqlite3.connect(db_path) as db:  # as a store written before NUL was refused
        db.execute("UPDATE source SET title = 'Bridge' || char(0) || 'closed' WHERE id = 1")
    message = one_line_error(run("db", "copy", "--from", str(db_path), "--to", postgres_url))
    assert "nothing was copied" in message
    assert "source 1: its title holds a NUL character, which PostgreSQL cannot store" in message
    assert all(not rows for rows in dump(postgres_url).values())
