"""Hostile text in the store reaches the UI's screens as visible escapes, never as raw controls:
article words, titles, speaker names, verdicts, notes, and file names in notifications."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import update

from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import read_inputs
from claimtrack.review.annotate import annotate_claim
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Speaker
from tests.tui.helpers import SIZE, app_on, notifications, pilot_test, settle
from tui.screens.reader import ReaderScreen
from tui.screens.speaker_pick import SpeakerPickScreen

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\\u202e\x9b31m\x7f"
ARTICLE = (f'"We will never raise taxes {HOSTILE} again," said Mayor Ana Lopes on Monday. '
           f'Lopes added: "The bridge {HOSTILE} is safe." '
           'Council member Tom Berg said "The bridge is not safe at all."')
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"doc_id": "d1" + HOSTILE, "title": "Title " + HOSTILE, "text": ARTICLE}) + "\n",
                     encoding="utf-8")
    path = tmp_path / "desk.db"
    engine = open_database(str(path))
    assert ingest_documents(engine, read_inputs([str(batch)])).ok
    with session_scope(engine) as session:
        session.execute(update(Speaker).where(Speaker.name == "Ana Lopes").values(name="Ana " + HOSTILE))
    with session_scope(engine) as session:
        annotate_claim(session, 1, author="desk tester", note="checked" + HOSTILE, verdict="False" + HOSTILE)
    engine.dispose()
    return path


def screen_text(app) -> str:
    """Every line the screen shows now, as the terminal would get it (styles aside)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def assert_harmless(pilot, expected: str) -> str:
    """The screen once it shows `expected` (a loaded page may be painted a frame after its worker
    ends, later still on a busy machine), checked for raw controls."""
    await settle(pilot)
    for _ in range(200):  # up to 20 s: on a loaded CI machine a table's widths are measured late
        text = screen_text(pilot.app)
        if expected in text:
            break
        await pilot.pause()  # lets the widgets' idle work (a DataTable's column widths) run
        await pilot.pause(0.1)
    assert not RAW_CONTROL.search(text), ascii(text)
    assert expected in text, ascii(text)
    return text


@pilot_test
async def test_every_screen_shows_hostile_text_as_escapes(hostile_db, tmp_path):
    app = app_on(hostile_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await assert_harmless(pilot, "\\x1b[2J")  # sources: the title
        for key in ("2", "3", "4"):  # claims with the detail of claim 1, contradictions, speakers
            await pilot.press(key)
            await assert_harmless(pilot, "\\x1b")
        app.push_screen(ReaderScreen(1, 1))
        shown = await assert_harmless(pilot, "\u241b[2J")
        assert "\\x1b[2J" in shown and "\u241b[2J" in shown  # heading and facts escaped; the article's stand-ins
        app.push_screen(SpeakerPickScreen([("ana", "Ana " + HOSTILE)], title="Speaker of claim 1"))
        await assert_harmless(pilot, "\\click\\x1b]8;;")  # the name, wrapped, in the pick list


@pilot_test
async def test_notifications_name_hostile_files_as_escapes(hostile_db, tmp_path):
    bad = tmp_path / "bad\x1b]0;pwned\x07.txt"
    bad.write_bytes(b"\x00 not text")
    app = app_on(hostile_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        app.screen.query_one("#ingest-path").value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        messages = notifications(app)
        assert any("bad\\x1b]0;pwned\\x07.txt" in m for m in messages), messages
        assert not any(RAW_CONTROL.search(m) for m in messages)


@pilot_test
async def test_an_escaped_verdict_left_as_it_was_is_no_change(hostile_db, tmp_path):
    from tests.tui.helpers import claim
    from tui.screens.annotate import AnnotateClaimScreen

    edits = []
    app = app_on(hostile_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(AnnotateClaimScreen(claim(hostile_db, 1)), edits.append)
        await assert_harmless(pilot, "False\\x1b[2J")
        app.screen.action_save()
        await settle(pilot)
    assert edits == [None]


def test_the_desk_refuses_bad_names(hostile_db):
    from claimtrack.errors import ClaimtrackError
    from tui.desk import Desk

    with pytest.raises(ClaimtrackError, match="--author"):
        Desk.open(str(hostile_db), author="desk\ntester")
    desk = Desk.open(str(hostile_db), author="desk tester")
    for name in ("Tom\nBerg", "   ", "Tom\u202eBerg"):
        with pytest.raises(ClaimtrackError, match="speaker"):
            desk.annotate(1, speaker=name, new_speaker=True)
    with pytest.raises(ClaimtrackError, match="too long"):
        desk.annotate(1, verdict="x" * 201)
    desk.engine.dispose()


def test_the_claims_count_line_shows_typed_filters_as_escapes():
    from claimtrack.queries.claims import ClaimFilter
    from tui.screens.claims import _described

    assert _described(ClaimFilter(speaker="Ana\x1b[2J")) == " · speaker Ana\\x1b[2J"


def test_the_desk_names_its_database_without_a_query_password(tmp_path):
    import warnings

    from tui.desk import Desk

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLite ignores the query, with a warning
        engine = open_database(f"sqlite:///{tmp_path / 'desk.db'}?password=s3cret")
    desk = Desk(engine, author="desk tester")  # no name given: taken from the engine
    assert "s3cret" not in desk.database and desk.place == "desk.db"
    engine.dispose()
