"""What every command shares: the database target and the consoles (click's context object)."""
from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

import click

from claimtrack.display import TerminalConsole

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session


class CommandContext:
    """What every command shares: the database target (opened on first use) and the consoles."""

    def __init__(self, db: str):
        self.db = db
        self._engine: Engine | None = None
        self.out = TerminalConsole(soft_wrap=False)
        if not self.out.is_terminal:  # piped to a file or a pager: room for the words
            self.out = TerminalConsole(soft_wrap=False, width=120)
        self.err = TerminalConsole(stderr=True, soft_wrap=True)  # one error, one line: never wrapped

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from claimtrack.store.database import open_database

            self._engine = open_database(self.db)
        return self._engine

    def session(self, *, write: bool = False) -> AbstractContextManager[Session]:
        """One transaction that only reads; *write* for a command that reads in order to write (it then
        holds the write lock from its first read: see claimtrack.store.database)."""
        from claimtrack.store.database import session_scope

        return session_scope(self.engine, write=write)


pass_app = click.make_pass_decorator(CommandContext)
