"""Driving the app as a person would, and reading the store afterwards."""
from __future__ import annotations

import asyncio
import functools
from pathlib import Path

from sqlmodel import Session, select

from claimtrack.store.database import open_database
from claimtrack.store.models import Claim, ClaimRelation, Revision, Speaker
from tui.app import ClaimtrackApp, make_app

SIZE = (120, 36)
AUTHOR = "desk tester"


def pilot_test(scenario):
    """Run an async pilot scenario as a plain test (no async plugin needed)."""
    @functools.wraps(scenario)
    def test(*args, **kwargs):
        return asyncio.run(scenario(*args, **kwargs))

    return test


def app_on(db: Path, tmp_path: Path | None = None) -> ClaimtrackApp:
    return make_app(str(db), author=AUTHOR, export_folder=tmp_path)


async def settle(pilot) -> None:
    """Let workers finish (a reload cancels the one it replaces) and the screen catch up: until no
    worker runs and no message waits, so that a busy machine (CI) sees what a quiet one does."""
    from textual.worker import WorkerCancelled

    app = pilot.app
    for round_ in range(60):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        waiting = any(not worker.is_finished for worker in app.workers) or any(
            node._message_queue.qsize() for node in (app, app.screen, *app.screen.walk_children()))
        if round_ >= 2 and not waiting:
            return
        if waiting:
            await pilot.pause(0.02)


def store(db: Path) -> Session:
    return Session(open_database(str(db)))


def revisions(db: Path, *, table: str | None = None, row_id: int | None = None) -> list[Revision]:
    with store(db) as session:
        statement = select(Revision).order_by(Revision.id)
        if table:
            statement = statement.where(Revision.table_name == table)
        if row_id is not None:
            statement = statement.where(Revision.row_id == row_id)
        return list(session.exec(statement).all())


def claim(db: Path, claim_id: int) -> Claim | None:
    with store(db) as session:
        return session.get(Claim, claim_id)


def relation(db: Path, relation_id: int) -> ClaimRelation | None:
    with store(db) as session:
        return session.get(ClaimRelation, relation_id)


def speaker_named(db: Path, name: str) -> Speaker | None:
    with store(db) as session:
        return session.exec(select(Speaker).where(Speaker.name == name)).first()


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def error_notifications(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


def table_keys(table) -> list[str]:
    return [row.value for row in table.rows]


async def move_to_row(pilot, table, key: str) -> None:
    table.move_cursor(row=table.get_row_index(key))
    await pilot.pause()


def shown(widget) -> str:
    """What a Static shows, as plain text (its Rich content rendered wide, styles dropped)."""
    import io

    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=400, color_system=None).print(widget.content)
    return " ".join(out.getvalue().split())
