"""`claimtrack serve`: the terminal UI in a web browser, through textual-serve.

Each browser session runs its own `claimtrack tui` process (textual-serve starts a command per
session and draws its screen with xterm.js). The database goes to those processes in the
environment (CLAIMTRACK_DB), never on their command line, where `ps` would show a password.

The app has no login of its own: it binds to 127.0.0.1 unless told otherwise, and any other address
is served only with a warning (put it behind a reverse proxy that asks for one: see the README).
textual_serve is imported only when the command runs, so the core never loads it.
"""
from __future__ import annotations

import ipaddress
import os
import shlex
import sys

import click

from claimtrack.cli.context import CommandContext
from claimtrack.cli.group import cli
from claimtrack.cli.options import author_option
from claimtrack.display import for_terminal

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """Whether *host* is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a name: it may resolve to anything
        return False


def session_command(author: str, python: str = sys.executable) -> str:
    """The shell command textual-serve runs for each browser session: this Python's `claimtrack tui`,
    every part quoted, run by `exec` so that no shell stays beside it (the database comes in the environment)."""
    return "exec " + shlex.join([python, "-m", "claimtrack", "tui", "--author", author])


def public_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


@cli.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on. The app has no login: anything but this machine's own address "
                   "belongs behind a reverse proxy that asks for one.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on.")
@author_option("Who is annotating in every browser session (default: configuration, else the login name).")
@click.pass_obj
def serve_command(app: CommandContext, host: str, port: int, author: str | None) -> None:
    """Serve the terminal UI in a web browser (one UI process per browser session) until Ctrl+C."""
    from claimtrack.review.annotate import current_author
    from claimtrack.store.database import shown_url

    who = current_author(author)  # a bad name is a one-line error here, not in every browser session
    app.engine.dispose()  # opened once to check (and migrate) the store before anyone connects
    os.environ["CLAIMTRACK_DB"] = app.db  # inherited by each session's process; never on its command line
    url = public_url(host, port)
    if not is_loopback(host):
        app.err.print(f"warning: claimtrack serve has no login; anyone who can reach {for_terminal(url)} can read "
                      "and change this store. Put it behind a reverse proxy that asks for one (see the README).",
                      markup=False, highlight=False, style="bold yellow")
    app.out.print(f"Serving {for_terminal(shown_url(app.db))} as {for_terminal(who)} on {for_terminal(url)} "
                  "(Ctrl+C to stop)", markup=False, highlight=False)
    sys.stdout.flush()
    _serve(session_command(who), host, port, url)


def _serve(command: str, host: str, port: int, url: str) -> None:
    from textual_serve.server import Server

    class DeskServer(Server):
        async def on_startup(self, app: object) -> None:  # the command's own line, not textual-serve's logo
            """Says nothing: the command has printed where it serves."""

    DeskServer(command, host=host, port=port, title="claimtrack", public_url=url).serve()
