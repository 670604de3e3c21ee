"""The TUI's speaker merge and undo as a process of their own, for the races in test_races.py.

    python -m tests.cli.race_worker DB merge KEEP_ID MERGED_ID
    python -m tests.cli.race_worker DB undo REVISION_ID...

Each goes through `tui.desk.Desk`, as a person at the TUI would: `undo` records each revision as a
change set of its own and then presses Ctrl+Z once per change set, newest first. Every outcome is
one line on standard output ("merged ...", "undone ...", "refused: ..."); the exit status is 0.
"""
from __future__ import annotations

import sys

from sqlmodel import select

from claimtrack.errors import ClaimtrackError
from claimtrack.store.models import Revision
from tui.desk import Desk


def main(db: str, action: str, *numbers: str) -> None:
    desk = Desk.open(db, author="desk")
    ids = [int(n) for n in numbers]
    if action == "merge":
        try:
            print("merged:", desk.merge_speakers(ids[0], ids[1]))
        except ClaimtrackError as exc:
            print("refused:", exc)
    elif action == "undo":
        with desk.session() as session:
            revisions = session.exec(select(Revision).where(Revision.id.in_(ids)).order_by(Revision.id)).all()
        for revision in revisions:
            desk.history.record([revision])
        while desk.history.can_undo:
            try:
                print(desk.undo())
            except ClaimtrackError as exc:
                print("refused:", exc)
                desk.history.done.pop()  # as the TUI does after a refusal: on to the next change set
    else:
        raise SystemExit(f"unknown action {action!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
