"""The triage queue's filter as a fact-checker types it, one line of `key:value` terms:

    speaker:Blair story:3 kind:counters score:0.6 status:all sort:date

- `speaker:` one speaker of either claim (name, alias or id; quote a name with spaces, or type it bare:
  words without a key are the speaker's name), `source:` an article's id, `story:` a story's id;
- `kind:` one relation kind, `score:` the lowest score shown (0 to 1);
- `status:` suggested (the default: what is left to judge), confirmed, dismissed or all;
- `sort:` score (strongest first, the default), date (newest article first) or speaker.

`parse_triage` reads the line (one-line `ClaimtrackError` for a term it cannot read), `TriageQuery.text`
writes it back, so that a key that changes one term (the status, the sort) keeps the others.
"""
from __future__ import annotations

import math
import shlex
from dataclasses import dataclass, replace

from claimtrack.errors import ClaimtrackError
from claimtrack.queries.contradictions import RELATION_ORDERS, RelationFilter
from claimtrack.report_model import ReportFilter
from claimtrack.vocabulary import RelationKind, RelationStatus

KEYS = ("speaker", "source", "story", "kind", "score", "status", "sort")
ALL = "all"  # status:all shows every status, dismissed pairs too
STATUSES = (RelationStatus.SUGGESTED.value, RelationStatus.CONFIRMED.value, RelationStatus.DISMISSED.value, ALL)


@dataclass(frozen=True)
class TriageQuery:
    """What the triage queue shows: the pairs still to judge, strongest first, unless told otherwise."""

    status: str = RelationStatus.SUGGESTED.value  # or ALL
    speaker: str | None = None
    source_id: int | None = None
    story_id: int | None = None
    kind: str | None = None
    min_score: float | None = None
    sort: str = "score"

    def relation_filter(self) -> RelationFilter:
        return RelationFilter(kinds=(self.kind,) if self.kind else None,
                              status=None if self.status == ALL else self.status, include_dismissed=True,
                              min_score=self.min_score, speaker=self.speaker, source_id=self.source_id,
                              story_id=self.story_id, order=self.sort)

    def report_filter(self) -> ReportFilter:
        """What an export of the queue selects: the claims of the speaker, source and story, with their
        relations of this status, kind and score."""
        return ReportFilter(speaker=self.speaker, status=None if self.status == ALL else self.status,
                            source_id=self.source_id, story_id=self.story_id, kind=self.kind,
                            min_score=self.min_score)

    def text(self) -> str:
        """The query as a person would type it (defaults left out but the status, always shown)."""
        terms = []
        if self.speaker:
            terms.append(f"speaker:{shlex.quote(self.speaker)}")
        for key, value in (("source", self.source_id), ("story", self.story_id), ("kind", self.kind),
                           ("score", self.min_score)):
            if value is not None:
                terms.append(f"{key}:{value:g}" if isinstance(value, float) else f"{key}:{value}")
        terms.append(f"status:{self.status}")
        if self.sort != "score":
            terms.append(f"sort:{self.sort}")
        return " ".join(terms)

    def with_status(self, status: str) -> TriageQuery:
        return replace(self, status=status)

    def with_sort(self, sort: str) -> TriageQuery:
        return replace(self, sort=sort)


def parse_triage(line: str) -> TriageQuery:
    """The query a line of `key:value` terms asks for (see the module's help); an empty line: the default."""
    try:
        words = shlex.split(line)
    except ValueError as error:  # an unclosed quotation mark
        raise ClaimtrackError(f"filter {line!r}: {error}") from None
    values: dict[str, str] = {}
    bare: list[str] = []
    for word in words:
        key, colon, value = word.partition(":")
        if not colon:
            bare.append(word)  # "Tony Blair", "O'Brien": a speaker's name, typed bare
            continue
        key = key.lower()
        if key not in KEYS:
            raise ClaimtrackError(f"filter {word!r}: no such key (use {', '.join(k + ':' for k in KEYS)})")
        if not value.strip():
            raise ClaimtrackError(f"filter {word!r}: say what {key} to show")
        values[key] = value.strip()
    if bare:
        if "speaker" in values:
            raise ClaimtrackError(f"filter: {' '.join(bare)!r} is not a key:value term")
        values["speaker"] = " ".join(bare)
    return TriageQuery(status=_one_of(values, "status", STATUSES, None) or RelationStatus.SUGGESTED.value,
                       speaker=values.get("speaker"), source_id=_positive(values, "source"),
                       story_id=_positive(values, "story"),
                       kind=_one_of(values, "kind", tuple(k.value for k in RelationKind), None),
                       min_score=_score(values), sort=_one_of(values, "sort", RELATION_ORDERS, "score") or "score")


def _one_of(values: dict[str, str], key: str, allowed: tuple[str, ...], default: str | None) -> str | None:
    if key not in values:
        return default
    value = values[key].lower()
    if value not in allowed:
        raise ClaimtrackError(f"filter {key}:{values[key]!r}: not one of {', '.join(allowed)}")
    return value


def _positive(values: dict[str, str], key: str) -> int | None:
    if key not in values:
        return None
    text = values[key].removeprefix("#")
    if not text.isdigit() or int(text) < 1:
        raise ClaimtrackError(f"filter {key}:{values[key]!r}: a {key} is named by its number (1 or more)")
    return int(text)


def _score(values: dict[str, str]) -> float | None:
    if "score" not in values:
        return None
    try:
        score = float(values["score"])
    except ValueError:
        score = math.nan
    if not 0.0 <= score <= 1.0:  # also refuses nan
        raise ClaimtrackError(f"filter score:{values['score']!r}: the lowest score to show, from 0 to 1")
    return score


TO_JUDGE = TriageQuery()  # the queue as it opens: suggested pairs, strongest first
