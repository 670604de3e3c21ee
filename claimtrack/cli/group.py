"""The `claimtrack` command group: a thin layer over the library (click for parsing, rich for output).

Everything printed for people goes through claimtrack.display: the consoles are TerminalConsoles,
errors and stored or typed words pass `for_terminal`, machine formats stay faithful (see claimtrack.cli.output).
"""
from __future__ import annotations

import logging
import sys
from typing import Any

import click

from claimtrack import __version__
from claimtrack.cli.context import CommandContext
from claimtrack.cli.options import CONTEXT
from claimtrack.display import for_terminal
from claimtrack.errors import ClaimtrackError

# The PostgreSQL driver logs what it could not clean up after a lost connection ("error ignored
# terminating <psycopg.Pipeline [BAD]>: the connection is lost"); with no logging set up Python would
# print that beside the command's one-line error, which already says so. Logging set up by whoever
# embeds claimtrack still receives it.
logging.getLogger("psycopg").addHandler(logging.NullHandler())


class ClaimtrackGroup(click.Group):
    """Turns a `ClaimtrackError` from any command, and output that standard output cannot take (a full
    disk, /dev/full), into a one-line error and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # what is still buffered: a full disk shows here, not as Python exits
            return result
        except OSError as exc:
            if not _standard_output_failed(exc):
                raise
            raise click.ClickException(f"standard output: cannot write ({exc.strerror or exc})") from None
        except ClaimtrackError as exc:  # its message may name a file or hold stored words: made harmless
            raise click.ClickException(for_terminal(exc)) from None
        except click.ClickException as exc:
            # Re-raised as it is (a usage error keeps its usage line and exit status), its words made harmless;
            # click declares the message final, meaning only that click itself never changes it.
            exc.message = for_terminal(exc.message)  # type: ignore[misc]
            raise
        except SQLAlchemyError as exc:  # a database that went away, filled its disk, was locked too long...
            from claimtrack.store.database import shown_url

            db = shown_url(ctx.obj.db) if isinstance(ctx.obj, CommandContext) else "database"
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            if "readonly database" in reason:  # SQLite's word for a store opened only to read
                raise click.ClickException(for_terminal(f"{db}: read-only (its file or folder cannot be written); "
                                           "nothing was changed")) from None
            raise click.ClickException(for_terminal(f"{db}: database error ({reason})")) from None


def _standard_output_failed(error: OSError) -> bool:
    """Whether *error* is standard output refusing what a command printed: a write error on an open stream
    (a file's errors name the file), for want of room. Then what is left for it goes nowhere, so that
    Python's own flush as it exits adds no second error. (A closed pipe, `| head`, is click's to end
    quietly.)"""
    import errno
    import os

    if error.filename is not None or error.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return False
    try:
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, sys.stdout.fileno())
        os.close(nowhere)
    except (OSError, ValueError):  # not a real file (a test's capture): nothing is flushed at exit
        pass
    return True



@click.group(cls=ClaimtrackGroup, context_settings=CONTEXT)
@click.option("--db", envvar="CLAIMTRACK_DB", default="claimtrack.db", show_default=True, metavar="PATH-or-URL",
              help="Database file or SQLAlchemy URL (environment: CLAIMTRACK_DB).")
@click.version_option(__version__, "-V", "--version", prog_name="claimtrack")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """claimtrack: who asserted what, with what stance, and where their claims collide."""
    ctx.obj = CommandContext(db)


def main() -> None:
    cli(prog_name="claimtrack")
