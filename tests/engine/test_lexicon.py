"""lexicon.py is one module written by several hands: a word list assigned twice would silently
replace the first one for every rule that reads it."""
import ast
from collections import Counter
from pathlib import Path

import claimtrack.engine.lexicon as lexicon


def test_every_word_list_is_assigned_once():
    tree = ast.parse(Path(lexicon.__file__).read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    assert [name for name, count in names.items() if count > 1] == []


# Each gated pattern, with invented texts: those it matches (so the gate must let them through) and
# those it does not. A gate's words are read off its pattern; a match outside them would be a lost rule.
GATED_CASES = {
    "UNDECIDED_CONTENT": (
        ["he honestly doesn't know the answer", "no final decision has yet been made on the site",
         "they haven't decided where to go", "it is too early to say", "she would not comment on the case",
         "I DO NOT KNOW the outcome"],
        ["he knows the answer", "the decision was made on Monday", "she will comment later"],
    ),
    "PLAN_COMMITMENT": (
        ["the policy would extend to single mothers", "families will qualify for the tax breaks",
         "The SCHEME WILL COVER every school"],
        ["the plan extends to single mothers", "families qualified for the tax breaks"],
    ),
    "OWN_FUTURE_DIRECT": (
        ["I will repeal it", "we're going to win", "We'll see it through", "our party would cut taxes",
         "I am determined to finish", "we plan to build it"],
        ["he will repeal it", "they are going to win", "I repealed it"],
    ),
}


def test_a_gated_pattern_answers_as_its_pattern_does():
    for name, (matching, other) in GATED_CASES.items():
        gated = getattr(lexicon, name)
        assert isinstance(gated, lexicon.Gated)
        for text in matching:
            assert gated.pattern.search(text), (name, text)  # the case is a real match ...
            assert gated.search(text), (name, text)  # ... and the gate lets it through
        for text in other:
            assert not gated.pattern.search(text), (name, text)
            assert not gated.search(text), (name, text)
