"""The hand-labelled fixture sets name articles that exist and claims in their words."""
from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES

SETS = [FIXTURES / "contradictions", FIXTURES / "contradictions" / "heldout"]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_label_names_an_article_and_words_in_it(folder):
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    assert labels["contradictions"] and labels["hard_negatives"]
    for pair in labels["contradictions"] + labels["hard_negatives"]:
        assert pair["why"]
        for article, words in (pair["a"], pair["b"]):
            text = (folder / "articles" / article).read_text(encoding="utf-8")
            assert words in text, (article, words)
