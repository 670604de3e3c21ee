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
