"""Fixture articles written for claimtrack (fixtures/articles/*.txt) with expected claims beside them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.engine import extract
from tests.engine.conftest import find

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
CASES = sorted(ARTICLES.glob("*.txt"))


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_fixture_articles_exist():
    assert len(CASES) >= 2
    for path in CASES:
        assert path.with_suffix(".expected.json").exists()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_expected_claims(path):
    text = path.read_text(encoding="utf-8")
    ex = extract(text)
    for exp in _expected(path)["claims"]:
        c = find(ex, exp["fragment"])
        assert c is not None, exp
        assert c.speaker is not None and exp["speaker"].lower() in c.speaker.lower(), (exp, c.speaker)
        assert c.stance == exp["stance"], (exp, c.stance)
        assert c.kind == exp["kind"], (exp, c.kind)
        if "pieces" in exp:
            assert len(c.spans) == exp["pieces"]
        assert text[c.start:c.end] == c.text


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_absent(path):
    ex = extract(path.read_text(encoding="utf-8"))
    for fragment in _expected(path)["absent"]:
        assert find(ex, fragment) is None
