"""The project's shape: every command documented, and the core never importing the UI."""
from __future__ import annotations

import pkgutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack.cli import cli

COMMANDS = sorted(cli.commands)


def test_the_cli_has_the_commands_the_issues_name():
    for name in ("ingest", "sources", "claims", "speakers", "show", "annotate", "history", "reextract", "demo",
                 "extract", "eval", "contradictions", "relate", "confirm", "dismiss", "export", "import", "tui"):
        assert name in cli.commands


@pytest.mark.parametrize("command", [None, *COMMANDS])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_text(command, flag):
    args = [command, flag] if command else [flag]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output
    if command:
        assert (cli.commands[command].help or "").strip(), f"{command} has no help text"
        first_line = cli.commands[command].help.strip().splitlines()[0]
        assert first_line.split()[0] in result.output


def _core_modules() -> list[str]:
    names = ["claimtrack"]
    for info in pkgutil.walk_packages(claimtrack.__path__, prefix="claimtrack."):
        if ".migrations" not in info.name:
            names.append(info.name)
    return names


def test_the_core_never_imports_textual():
    modules = _core_modules()
    assert "claimtrack.cli" in modules and "claimtrack.engine" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.') or m == 'tui')\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "", f"core imported the UI: {done.stdout}"


def test_the_engine_imports_no_database_or_files_layer():
    code = (
        "import sys, claimtrack.engine\n"
        "from claimtrack.engine import extract\n"
        "extract('\"We are ready,\" the minister said.')\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'sqlmodel', 'alembic')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_version_option():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and claimtrack.__version__ in result.output
    assert isinstance(cli, click.Group)


def test_the_tui_reads_and_writes_only_through_library_functions():
    import re
    from pathlib import Path

    sql = re.compile(r"\bselect\(|session\.(exec|get|execute|query)\(|sql_text|\bfrom sqlalchemy import .*\btext\b")
    ui_files = sorted(Path(__file__).resolve().parent.parent.joinpath("tui").rglob("*.py"))
    offenders = [f"{path}:{number}" for path in ui_files
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if sql.search(line)]
    assert offenders == []


def test_the_html_readers_cleaner_is_a_direct_dependency():
    """pip older than 23.3 does not install trafilatura's lxml[html_clean] extra: claimtrack names it itself."""
    import tomllib
    from pathlib import Path

    project = tomllib.loads(Path(__file__).resolve().parent.parent.joinpath("pyproject.toml").read_text())
    names = {dependency.split(">")[0].split("=")[0].split("[")[0].strip().lower().replace("-", "_")
             for dependency in project["project"]["dependencies"]}
    assert "lxml_html_clean" in names
