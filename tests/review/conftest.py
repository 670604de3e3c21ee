"""The acts file's tests share the reports' fixture database and CLI runner (tests/reports/conftest.py)."""
from tests.reports.conftest import claimtrack, export, fixture, workdir  # noqa: F401  (pytest fixtures)
