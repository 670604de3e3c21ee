"""The `claimtrack` command line: one module per command family on one click group.

`group` holds the group and its error handling, `context` what every command shares, `options` the
options declared once; importing this package registers every command.
"""
from claimtrack.cli import (  # noqa: F401  (registers)
    claims,
    contradictions,
    db,
    evaluation,
    ingesting,
    reports,
    serve,
    speakers,
    tui,
    watching,
)
from claimtrack.cli.group import cli, main

__all__ = ["cli", "main"]
