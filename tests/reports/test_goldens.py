"""Every export format of the fixture database, byte for byte against the files in fixtures/reports/golden.

After an intended change to a format, regenerate and review the diff:

    CLAIMTRACK_UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/reports/test_goldens.py
"""
from __future__ import annotations

import os

import pytest

from tests.conftest import FIXTURES

GOLDEN = FIXTURES / "reports" / "golden"

CASES = {
    "report.md": ("--format", "md"),
    "report.html": ("--format", "html"),
    "data.json": ("--format", "json"),
    "claims.csv": ("--format", "csv"),
    "relations.csv": ("--format", "csv", "--relations"),
    "claimreview.json": ("--format", "claimreview"),
    "annotations.jsonl": ("--format", "annotations"),
    "okafor-confirmed.md": ("--format", "md", "--speaker", "okafor", "--status", "confirmed"),
    "source-3.json": ("--format", "json", "--source", "3"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_matches_its_golden_file(export, name):
    produced = export(*CASES[name]).encode("utf-8")
    golden = GOLDEN / name
    if os.environ.get("CLAIMTRACK_UPDATE_GOLDENS"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert golden.is_file(), f"{golden} is missing: run with CLAIMTRACK_UPDATE_GOLDENS=1 to create it"
    assert produced == golden.read_bytes(), f"{name} differs from {golden} (regenerate if intended)"


def test_written_file_is_the_same_bytes_as_standard_output(export, workdir):
    shown = export("--format", "html")
    assert export("--format", "html", "-o", "report.html") == ""
    assert (workdir / "report.html").read_bytes() == shown.encode("utf-8")


def test_an_unwritable_output_is_one_line(claimtrack, fixture):
    result = claimtrack("export", "-o", "no/such/folder/report.md")
    assert result.exit_code == 1 and "no/such/folder/report.md: cannot write" in result.stderr
