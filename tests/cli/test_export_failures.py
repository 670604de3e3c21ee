"""A failed export never costs the previous file, and output nobody can receive is one line, not a traceback.

A write that fails midway is made real, not mocked: the export runs in a child process whose file-size
limit (RLIMIT_FSIZE) is smaller than the report, so the kernel refuses the write partway, as a full
disk would. Standard output that cannot be written is /dev/full.
"""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_ARTICLE

PREVIOUS = "# The report from yesterday\n" + "kept as it was\n" * 2000  # larger than the limit below
LIMIT = 4096  # bytes a child process may write into one file: less than any report of the seed article


@pytest.fixture
def seeded(run, db_path) -> Path:
    assert run("ingest", str(SEED_ARTICLE)).exit_code == 0
    return db_path


def child(*args: str, stdout=subprocess.PIPE, file_limit: int | None = None) -> subprocess.CompletedProcess:
    """Run `python ARGS...` as a child process with the worktree on its path, optionally with a file-size limit."""

    def limit() -> None:
        if file_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), not the process
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMTRACK_AUTHOR": "tester", "COLUMNS": "100"}
    env.pop("CLAIMTRACK_DB", None)
    return subprocess.run([sys.executable, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, env=env,
                          preexec_fn=limit, timeout=120)


def only_the_previous_file(folder: Path, previous: Path) -> None:
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in folder.iterdir()) == [previous.name]  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_an_export_that_fails_midway_leaves_the_previous_file(seeded, tmp_path, fmt):
    folder = tmp_path / "out"
    folder.mkdir()
    previous = folder / f"report.{fmt}"
    previous.write_text(PREVIOUS, encoding="utf-8")
    done = child("-m", "claimtrack", "--db", str(seeded), "export", "--format", fmt, "-o", str(previous),
                 file_limit=LIMIT)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"Error: {previous}: cannot write (File too large)"]
    only_the_previous_file(folder, previous)
    again = child("-m", "claimtrack", "--db", str(seeded), "export", "--format", fmt, "-o", str(previous))
    assert again.returncode == 0, again.stderr  # without the limit the export replaces the file
    assert previous.read_text(encoding="utf-8") != PREVIOUS and sorted(os.listdir(folder)) == [previous.name]


def test_an_export_whose_renderer_fails_leaves_the_previous_file(seeded, tmp_path, run, monkeypatch):
    from claimtrack.reports import markdown

    def broken(report):
        raise RuntimeError("the renderer broke")

    monkeypatch.setattr(markdown, "render_markdown", broken)
    previous = tmp_path / "out" / "report.md"
    previous.parent.mkdir()
    previous.write_text(PREVIOUS, encoding="utf-8")
    with pytest.raises(RuntimeError, match="the renderer broke"):
        run("export", "-o", str(previous))
    only_the_previous_file(previous.parent, previous)


def test_an_export_keeps_the_files_permissions(seeded, tmp_path, run):
    previous = tmp_path / "report.md"
    previous.write_text(PREVIOUS, encoding="utf-8")
    previous.chmod(0o640)
    assert run("export", "-o", str(previous)).exit_code == 0
    assert previous.stat().st_mode & 0o777 == 0o640
    new = tmp_path / "new.md"
    assert run("export", "-o", str(new)).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file: not the temporary file's 0600


def test_the_tui_export_that_fails_midway_leaves_the_previous_file(seeded, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    previous = folder / "claimtrack-report.md"
    previous.write_text(PREVIOUS, encoding="utf-8")
    script = ("import sys\n"
              "from claimtrack.errors import ClaimtrackError\n"
              "from claimtrack.store.database import open_database\n"
              "from tui.export import EXPORT_FORMATS, export_report\n"
              "try:\n"
              "    export_report(open_database(sys.argv[1]), EXPORT_FORMATS[0], sys.argv[2], database='desk')\n"
              "except ClaimtrackError as exc:\n"
              "    print(exc)\n")
    done = child("-c", script, str(seeded), str(previous), file_limit=LIMIT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{previous}: cannot write the export (File too large)"
    only_the_previous_file(folder, previous)


@pytest.mark.parametrize("args", [
    ("export",), ("export", "--format", "csv"), ("export", "--format", "json"), ("claims", "--format", "json"),
    ("claims",), ("sources",), ("claims", "--format", "csv", "--limit", "1"), ("history", "1"),
], ids=" ".join)
def test_a_full_standard_output_is_one_line(seeded, args):
    with open("/dev/full", "w") as full:
        done = child("-m", "claimtrack", "--db", str(seeded), *args, stdout=full)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["Error: standard output: cannot write (No space left on device)"]
