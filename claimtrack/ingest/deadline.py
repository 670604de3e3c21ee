"""The time one article may take in the engine: the engine has no clock, so its callers lend one.

Ingest (CLI and TUI), `extract` and `reextract` give each article ARTICLE_SECONDS unless told
otherwise (--article-seconds); an article that runs over fails alone, with one line saying where
the analysis had got to, and the batch goes on.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable

ARTICLE_SECONDS = 30.0


class ArticleDeadline:
    """A `claimtrack.engine.Budget` that expires *seconds* after it is made."""

    def __init__(self, seconds: float = ARTICLE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.allowed = f"{seconds:g} s"
        self._clock = clock
        self._until = clock() + seconds

    def expired(self) -> bool:
        return self._clock() >= self._until


def valid_seconds(value: float) -> float:
    """An --article-seconds value: a positive, finite number of seconds."""
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{value:g} is not a positive number of seconds")
    return value
