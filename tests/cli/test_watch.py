"""`claimtrack watch FOLDER` as a desk runs it: a real process on a drop folder, files dropped while it
runs, Ctrl+C, and a restart that stores nothing twice. Articles written for the project."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST = 'The council said: "The bridge will reopen in May."\n'
DROPPED = 'Residents said the closure had "cost every shop on the high street".\n'


class Watch:
    """A `claimtrack watch` process, its error stream read as it comes (it says when it listens)."""

    def __init__(self, db: Path, folder: Path) -> None:
        environment = {**os.environ, "PYTHONPATH": str(ROOT)}
        environment.pop("CLAIMTRACK_DB", None)
        self.process = subprocess.Popen([sys.executable, "-m", "claimtrack", "--db", str(db), "watch", str(folder)],
                                        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        self.err: list[str] = []
        self.reader = threading.Thread(target=lambda: self.err.extend(self.process.stderr), daemon=True)
        self.reader.start()

    def listening(self) -> bool:
        return any(line.startswith("watching ") for line in self.err)

    def stop(self) -> tuple[int, str, str]:
        self.process.send_signal(signal.SIGINT)
        out = self.process.stdout.read()
        self.process.wait(timeout=30)
        self.reader.join(timeout=10)
        return self.process.returncode, out, "".join(self.err)


def _wait_until(test, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not test():
        assert time.monotonic() < deadline, "the watch did not get there in time"
        time.sleep(0.2)


def _sources(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as store:
        try:
            return store.execute("SELECT count(*) FROM source").fetchone()[0]
        except sqlite3.OperationalError:  # the store is being made
            return 0


def test_watch_ingests_what_arrives_and_a_restart_stores_nothing_twice(tmp_path):
    folder, db = tmp_path / "drop", tmp_path / "desk.db"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    watch = Watch(db, folder)
    try:
        _wait_until(watch.listening)
        assert _sources(db) == 1
        (folder / ".partial.txt").write_text(DROPPED, encoding="utf-8")  # a hidden file is left alone
        (folder / "dropped.txt").write_text(DROPPED, encoding="utf-8")
        _wait_until(lambda: _sources(db) == 2)
    finally:
        code, out, err = watch.stop()
    assert code == 0, err
    assert "added" in out and "first.txt as source 1" in out and "dropped.txt as source 2" in out
    assert "Stopped. Sources added: 2, skipped: 0, failed: 0" in out and "Traceback" not in err

    again = Watch(db, folder)  # a restart: the same files, nothing stored twice
    try:
        _wait_until(again.listening)
    finally:
        code, out, err = again.stop()
    assert code == 0, err
    assert _sources(db) == 2 and "Sources added: 0, skipped: 2, failed: 0" in out


def test_watch_refuses_a_missing_folder(run, tmp_path):
    result = run("watch", str(tmp_path / "nowhere"), db=str(tmp_path / "d.db"))
    assert result.exit_code == 1 and "no such folder" in result.output
