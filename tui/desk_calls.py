"""Desk calls off the UI thread, and what they bring back to it.

A desk call can wait: on a shared PostgreSQL store a colleague's transaction may hold the row lock a
change needs. On the UI thread that wait would freeze the screen, so every call into the desk that
touches the database runs in a Textual worker, and its outcome comes back to the UI thread as a
message (each a dataclass):

    pages, panes, the article    each screen's own worker per thing it shows; a newer read replaces an
                                 older one, and an answer to an older request is dropped
    what the person asked for    changes, undo and redo, and the reads that open a dialog (the claim
                                 as it is now, the speakers to pick from) take `Turns`: one at a time,
                                 in the order asked, so an undo takes back the change just made and a
                                 dialog shows the store after the person's own last change

A failure is told the way it always was (`tell_failure`): a change refused because someone else
changed the row first, bad input, a vanished row, a database error; never a traceback.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from textual.message import Message

from claimtrack.errors import ClaimtrackError
from claimtrack.store.versions import EditConflict

if TYPE_CHECKING:
    from tui.app import ClaimtrackApp


@dataclass
class Answered(Message, bubble=False):
    """A read the person asked for came back: *then* takes the answer, on the UI thread, in the screen
    that asked (a screen that is gone gets no message)."""

    answer: Any
    then: Callable[[Any], None]


@dataclass
class ChangeMade(Message, bubble=False):
    """A change was saved: *sentence* says what it did (None: nothing to say)."""

    title: str
    sentence: str | None


@dataclass
class NotDone(Message, bubble=False):
    """A desk call failed: the person is told why."""

    title: str
    error: Exception


class Turns:
    """Calls handed in run one at a time, oldest first, in whichever worker holds the turn.

    Each call handed in comes with a worker that runs `work_through`; a worker that finds the turn
    taken leaves at once (the holder runs what is waiting before it lets go), so calls waiting for a
    colleague's lock never hold the threads that page reads need."""

    def __init__(self) -> None:
        self._waiting: deque[Callable[[], None]] = deque()
        self._turn = threading.Lock()

    def hand_in(self, call: Callable[[], None]) -> None:
        self._waiting.append(call)

    def work_through(self) -> None:
        # Checked again after letting go: a call handed in just as the holder found nothing waiting is
        # run by the holder or by the worker that came with it, never left behind.
        while self._waiting and self._turn.acquire(blocking=False):
            try:
                while self._waiting:
                    self._waiting.popleft()()
            finally:
                self._turn.release()


def tell_failure(app: ClaimtrackApp, error: Exception, *, title: str = "") -> None:
    """A failed desk call as a notification (never a traceback).

    When someone else changed the row since this screen showed it, the change is refused: the
    notification says who changed what, and the screens read the store again to show it."""
    if isinstance(error, EditConflict):
        app.notify(str(error), title="Changed by someone else: not saved", severity="warning", timeout=20)
        app.refresh_from_store()
    elif isinstance(error, ClaimtrackError):
        app.notify(str(error), title=title or "Not done", severity="error")
    elif isinstance(error, SQLAlchemyError):
        app.notify(f"database error: {getattr(error, 'orig', error)}", title=title or "Not done", severity="error")
    elif isinstance(error, (OSError, ValueError)):
        app.notify(f"{type(error).__name__}: {error}", title=title or "Not done", severity="error")
    else:  # a failure nobody foresaw: told as a failed worker is (see ClaimtrackApp.on_worker_state_changed)
        app.notify(f"{error}" or "something went wrong", title="Not done", severity="error", timeout=10)
