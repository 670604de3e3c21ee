"""`claimtrack serve` in a real browser: the desk on the seed store, reached and used with the keyboard
as a fact-checker would, and the store afterwards."""
from __future__ import annotations

import re

import pytest
from sqlmodel import Session, select

from claimtrack.store.database import open_database
from claimtrack.store.models import ClaimRelation, Revision
from tests.browser.web import build_seed_store, open_desk, screen_text, serving, timed_key, wait_for_screen

AUTHOR = "web tester"
FIRST_ROW = re.compile(r"^ #(\d+) +[\d.]+ ", re.MULTILINE)  # the queue lists the suggested pairs only


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "seed.db"
    build_seed_store(db)
    return db


def test_a_contradiction_confirmed_in_the_browser_is_in_the_store(chromium, seed_store, artefacts):
    with serving(seed_store, author=AUTHOR) as (url, _):
        page = open_desk(chromium, url)
        try:
            assert "claimtrack · seed.db — Sources" in screen_text(page)
            switch = timed_key(page, "3", "— Contradictions")
            wait_for_screen(page, "suggested pairs")
            first = FIRST_ROW.search(screen_text(page))
            assert first, screen_text(page)
            relation_id = int(first.group(1))
            confirm = timed_key(page, "c", f"relation #{relation_id}: confirmed")
            page.screenshot(path=str(artefacts / "serve-contradictions.png"))
        finally:
            page.close()
    print(f"\nkey to screen: 3 (Sources -> Contradictions) {switch:.3f} s, c (confirm) {confirm:.3f} s; "
          f"screenshot: {artefacts / 'serve-contradictions.png'}")

    with Session(open_database(str(seed_store))) as session:
        relation = session.get(ClaimRelation, relation_id)
        assert relation is not None and relation.status == "confirmed"
        decisions = session.exec(select(Revision).where(Revision.table_name == "claimrelation",
                                                        Revision.row_id == relation_id)).all()
    assert [(r.field, r.old_value, r.new_value, r.author) for r in decisions] == [
        ("status", "suggested", "confirmed", AUTHOR)]
