"""The pure half of ingest: an article read into what the store needs, with no database.

`prepare_article` runs the engine on one article (under its time budget) and reads, with the
contradiction finder's word lists, what its claims and its sentences are about: the costliest pure
work of ingest, done before the write transaction so that the store's write lock is held only for
writing. `prepared_articles` does it for a stream of documents, in `jobs` worker processes when the
stream is long enough to be worth starting them (the engine is pure), keeping the input's order and
at most `IN_FLIGHT_PER_JOB` articles per worker in flight: memory stays flat whatever the input's size.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice

from claimtrack.contradictions.stories import ProfileCounts, profile_counts
from claimtrack.contradictions.terms import load_terms
from claimtrack.contradictions.topics import Topic
from claimtrack.contradictions.weights import topic_of
from claimtrack.engine import extract
from claimtrack.engine.model import Extraction
from claimtrack.errors import ClaimtrackError
from claimtrack.ingest.deadline import ARTICLE_SECONDS, ArticleDeadline
from claimtrack.ingest.readers import ReadFailure, SourceDocument, one_line

IN_FLIGHT_PER_JOB = 8  # articles handed to each worker ahead of the writer
# A shorter stream is prepared in this process; a longer one's first PARALLEL_FROM articles are too,
# while the workers start (about a second, in which this process stores about 30 articles).
PARALLEL_FROM = 32
WORKER_TOPIC_CACHE = 5_000  # claim texts a worker keeps read (about 4 KB each)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article with everything ingest computes without the store."""

    doc: SourceDocument
    digest: str
    extraction: Extraction | None = None  # None: already stored (`stored_as`) or the engine failed (`failure`)
    failure: str | None = None
    stored_as: int | None = None  # the source id of the same text, found before preparing
    topics: dict[str, Topic] = field(default_factory=dict)  # claim text -> what it is about
    profile: ProfileCounts | None = None  # the article's terms, for its story

    @property
    def location(self) -> str:
        return self.doc.location

    @property
    def shown(self) -> str:
        """The article in a report line: its location, with its doc_id when it has one."""
        return f"{self.doc.location} ({self.doc.doc_id})" if self.doc.doc_id else self.doc.location


def extraction_failure(shown: str, error: Exception) -> str:
    """One line for an article the engine could not analyse: its own refusal (`ClaimtrackError`, e.g.
    over its time budget) as it says it; anything else (the engine must never raise) named as a bug."""
    if isinstance(error, ClaimtrackError):
        return f"{shown}: {error}"
    return f"{shown}: claim extraction failed ({type(error).__name__}: {one_line(error)})"


def prepare_article(doc: SourceDocument, article_seconds: float = ARTICLE_SECONDS,
                    digest: str | None = None) -> PreparedArticle:
    """Extract the article's claims and read their topics and the article's terms (pure; never raises
    for the article's sake: the engine's failure is the article's `failure`)."""
    digest = digest or content_hash(doc.text)
    shown = f"{doc.location} ({doc.doc_id})" if doc.doc_id else doc.location
    try:
        # The store keeps the article's own verdicts as claims too (no speaker), for the contradiction finder.
        extraction = extract(doc.text, budget=ArticleDeadline(article_seconds)).for_the_store()
    except Exception as exc:  # over its time budget, or a bug: this article's line, and the batch goes on
        return PreparedArticle(doc, digest, failure=extraction_failure(shown, exc))
    terms = load_terms()
    topics = {claim.text: topic_of(claim.text, terms) for claim in extraction.claims}
    return PreparedArticle(doc, digest, extraction, topics=topics,
                           profile=profile_counts(doc.text, terms, doc.title))


def _prepare_in_worker(doc: SourceDocument, article_seconds: float, digest: str) -> PreparedArticle:
    terms = load_terms()
    if len(terms.topic_cache) > WORKER_TOPIC_CACHE:  # a worker's cache only helps with reprinted quotes
        terms.topic_cache.clear()
    return prepare_article(doc, article_seconds, digest)


Item = PreparedArticle | ReadFailure


def prepared_articles(documents: Iterable[SourceDocument | ReadFailure], *, jobs: int = 1,
                      article_seconds: float = ARTICLE_SECONDS,
                      stored_as: Callable[[str], int | None] = lambda digest: None) -> Iterator[Item]:
    """Each document prepared (or passed on: a read failure; a text the store already holds, by
    *stored_as*, is not analysed again), in the input's order."""
    stream = iter(documents)
    head = list(islice(stream, PARALLEL_FROM))
    if jobs <= 1 or len(head) < PARALLEL_FROM:
        for item in (*head, *stream):
            yield _prepared_here(item, article_seconds, stored_as)
        return
    yield from _in_workers(head, stream, jobs, article_seconds, stored_as)


def _prepared_here(item: SourceDocument | ReadFailure, article_seconds: float,
                   stored_as: Callable[[str], int | None]) -> Item:
    return _ready(item, stored_as) or prepare_article(item, article_seconds)  # type: ignore[arg-type]


def _ready(item: SourceDocument | ReadFailure, stored_as: Callable[[str], int | None]) -> Item | None:
    """The item as it is when there is nothing to prepare: a read failure, or a text already stored."""
    if isinstance(item, ReadFailure):
        return item
    digest = content_hash(item.text)
    existing = stored_as(digest)
    return PreparedArticle(item, digest, stored_as=existing) if existing is not None else None


def _in_workers(head: list[SourceDocument | ReadFailure], documents: Iterator[SourceDocument | ReadFailure],
                jobs: int, article_seconds: float, stored_as: Callable[[str], int | None]) -> Iterator[Item]:
    """The head prepared in this process while the workers start (about a second, which this process
    would otherwise spend waiting), the rest in the workers, handed out in the input's order."""
    context = multiprocessing.get_context("forkserver")  # never fork a process with threads (a TUI, a progress bar)
    context.set_forkserver_preload(["claimtrack.ingest.prepare"])
    pending: deque[tuple[SourceDocument | None, Item | Future[PreparedArticle]]] = deque()
    pool: ProcessPoolExecutor | None = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                                           initializer=_worker_start, initargs=(os.getpid(),))

    def queue(item: SourceDocument | ReadFailure) -> None:
        ready = _ready(item, stored_as)
        if ready is not None:
            pending.append((None, ready))
        else:
            assert isinstance(item, SourceDocument)
            pending.append((item, _submit(pool, item, article_seconds)))

    try:
        for item in islice(documents, jobs * IN_FLIGHT_PER_JOB):  # the workers start on these ...
            queue(item)
        for item in head:  # ... while this process prepares the head (and the writer stores it)
            yield _prepared_here(item, article_seconds, stored_as)
        for item in documents:
            queue(item)
            while len(pending) > jobs * IN_FLIGHT_PER_JOB or (pending and _done(pending[0][1])):
                doc, work = pending.popleft()
                yield _result(doc, work, article_seconds)
        while pending:
            doc, work = pending.popleft()
            yield _result(doc, work, article_seconds)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _worker_start(writer_pid: int) -> None:
    """A worker leaves Ctrl+C to the writer (which stops the pool), and leaves when the writer is gone
    (killed): a killed ingest leaves no process behind."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(writer_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # it exists (another user's process would mean the pid was reused)
                pass

    threading.Thread(target=watch, name="writer-watch", daemon=True).start()


def _submit(pool: ProcessPoolExecutor | None, doc: SourceDocument, article_seconds: float) -> Future[PreparedArticle]:
    future: Future[PreparedArticle] = Future()
    if pool is not None:
        try:
            return pool.submit(_prepare_in_worker, doc, article_seconds, content_hash(doc.text))
        except BrokenProcessPool:
            pass
    future.set_result(prepare_article(doc, article_seconds))
    return future


def _done(work: Item | Future[PreparedArticle]) -> bool:
    return not isinstance(work, Future) or work.done()


def _result(doc: SourceDocument | None, work: Item | Future[PreparedArticle], article_seconds: float) -> Item:
    if not isinstance(work, Future):
        return work
    try:
        return work.result()
    except Exception:  # a worker died (killed, out of memory), or its answer did not come back: do it here
        assert doc is not None
        return prepare_article(doc, article_seconds)
