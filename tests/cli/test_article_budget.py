"""The per-article time limit through the real CLI: an article that runs over fails alone, in one line.

No clock is read: the deadline is made to expire after a fixed number of looks, which a short
article never reaches and a long one does.
"""
from __future__ import annotations

import json
import sqlite3

import pytest

from claimtrack.ingest import deadline

GOOD = ('"We will keep the bridge open all winter," the mayor of Eastport, Ruth Adler, told reporters on '
        'Tuesday.\n\nThe transport union denied that the repairs were finished.\n')
SLOW = "Kirby said the plan would work.\n\n" * 1_000  # a thousand sentences: a thousand looks


def expired_at_200th_look(self) -> bool:
    self.looks = getattr(self, "looks", 0) + 1
    return self.looks > 200


@pytest.fixture
def looks(monkeypatch):
    monkeypatch.setattr(deadline.ArticleDeadline, "expired", expired_at_200th_look)


def test_ingest_fails_the_slow_article_alone_in_one_line(run, db_path, tmp_path, looks):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_slow.txt").write_text(SLOW, encoding="utf-8")
    result = run("ingest", str(tmp_path), "--article-seconds", "2.5")
    assert result.exit_code == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert len(failures) == 1 and "Traceback" not in result.output
    assert failures[0].startswith(f"failed {tmp_path / 'b_slow.txt'}: article too long to analyse within 2.5 s "
                                  "(stopped at character ")
    assert failures[0].endswith(f" of {len(SLOW):,})")
    assert "Sources added: 1, skipped: 0, failed: 1" in result.stdout
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM source WHERE text LIKE '%Kirby said%'").fetchone() == (0,)


def test_extract_fails_the_slow_article_alone_in_one_line(run, tmp_path, looks):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_slow.txt").write_text(SLOW, encoding="utf-8")
    result = run("extract", str(tmp_path / "a_good.txt"), str(tmp_path / "b_slow.txt"))
    assert result.exit_code == 1
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == [str(tmp_path / "a_good.txt")]
    (failure,) = result.stderr.strip().splitlines()
    assert failure.startswith(f"failed {tmp_path / 'b_slow.txt'}: article too long to analyse within 30 s")


def test_extract_reports_an_engine_bug_in_one_article_as_that_files_line(run, tmp_path, monkeypatch):
    """Issue 18: any unexpected exception in one article is reported for it, never a traceback."""
    import claimtrack.engine

    real = claimtrack.engine.extract

    def broken_on_kirby(text, budget=None):
        if "Kirby" in text:
            raise IndexError("string index out of range")
        return real(text, budget=budget)

    monkeypatch.setattr(claimtrack.engine, "extract", broken_on_kirby)
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_bug.txt").write_text(SLOW, encoding="utf-8")
    result = run("extract", str(tmp_path / "a_good.txt"), str(tmp_path / "b_bug.txt"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == [str(tmp_path / "a_good.txt")]
    assert result.stderr.strip().splitlines() == [
        f"failed {tmp_path / 'b_bug.txt'}: claim extraction failed (IndexError: string index out of range)"]


def test_reextract_leaves_the_slow_source_as_it_was_and_goes_on(run, db_path, tmp_path, monkeypatch):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_slow.txt").write_text(SLOW, encoding="utf-8")
    assert run("ingest", str(tmp_path)).exit_code == 0
    with sqlite3.connect(db_path) as db:
        before = db.execute("SELECT id, source_id, text FROM claim ORDER BY id").fetchall()
        slow_id = db.execute("SELECT id FROM source WHERE text LIKE '%Kirby said%'").fetchone()[0]
    monkeypatch.setattr(deadline.ArticleDeadline, "expired", expired_at_200th_look)
    result = run("reextract", "--article-seconds", "7")
    assert result.exit_code == 1
    (failure,) = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert failure.startswith(f"failed source {slow_id}: article too long to analyse within 7 s")
    with sqlite3.connect(db_path) as db:
        after = db.execute("SELECT id, source_id, text FROM claim WHERE source_id = ? ORDER BY id",
                           (slow_id,)).fetchall()
    assert after == [row for row in before if row[1] == slow_id]


@pytest.mark.parametrize("value", ["0", "-3", "nan", "inf"])
def test_article_seconds_must_be_a_positive_number(run, tmp_path, value):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    result = run("extract", str(tmp_path / "a_good.txt"), "--article-seconds", value)
    assert result.exit_code == 2
    assert "--article-seconds" in result.stderr and "not a positive number of seconds" in result.stderr
