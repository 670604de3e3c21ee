"""Property: for any Unicode text, claims lie inside it and their text is the slice."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.engine import extract
from claimtrack.engine.pipeline import _Run

QUOTEY = st.sampled_from(['"', "“", "”", "‘", "’", "'", "''", "«", "»", "„", ",", ".", ":", "\n", "\n\n",
                          " said ", " told reporters", "According to ", " he added", "Mr. ", " Kirby ",
                          "She ", " that ", "did not deny ", " declined to comment", "—"])
TEXT = st.one_of(
    st.text(),
    st.lists(st.one_of(QUOTEY, st.text(max_size=12)), max_size=60).map("".join),
)


def _check(text: str) -> None:
    if text.strip():
        _Run(text).extract()  # the pipeline itself must not raise (extract() hides errors)
    ex = extract(text)
    n = len(text)
    names = {e.name for e in ex.speakers}
    for i, c in enumerate(ex.claims):
        assert 0 <= c.start <= c.end <= n
        assert text[c.start:c.end] == c.text
        for a, b in c.spans:
            assert c.start <= a <= b <= c.end
        for s, e in ((c.speaker_start, c.speaker_end), (c.cue_start, c.cue_end)):
            if s is not None:
                assert 0 <= s <= e <= n
        assert 0.0 <= c.confidence <= 1.0
        assert c.speaker is None or c.speaker in names
        assert c.parent is None or (0 <= c.parent < len(ex.claims) and c.parent != i)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_offsets_inside_text_for_any_unicode(text):
    _check(text)
