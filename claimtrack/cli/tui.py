"""`claimtrack tui`: the terminal UI. Textual is imported only when the command runs, so the core
never loads it."""
from __future__ import annotations

import click

from claimtrack.cli.context import CommandContext
from claimtrack.cli.group import cli
from claimtrack.cli.options import author_option


@cli.command("tui")
@author_option("Who is annotating (default: configuration, else the login name).")
@click.pass_obj
def tui_command(app: CommandContext, author: str | None) -> None:
    """Browse, annotate and check claims in the terminal UI (Sources, Claims, Contradictions, Speakers)."""
    from tui.app import run_app

    run_app(app.db, author=author)
