"""Full-text queries, written once and rendered for each database's search.

A query is a small tree (`Term`, `AnyOf`, `AllOf`); `to_fts5` writes it for SQLite's FTS5 index
(migration 0002) and `to_tsquery` for PostgreSQL's `to_tsquery('claimtrack_text', ...)` over the
index of migration 0003. `fts_query` and `ts_query` turn a person's search words into the same
"every word required" query for each. Only words are searched: "*", quotes, brackets and the query
languages' operators are never syntax, and a search without a word (`has_words`) finds nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A word or phrase to find; with *prefix*, its last word may go on ("serbia" also finds "Serbian")."""

    word: str
    prefix: bool = False


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Query, ...]


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Query, ...]


Query = Term | AnyOf | AllOf


def to_fts5(query: Query, nested: bool = False) -> str:
    """*query* as an SQLite FTS5 query: each term a quoted phrase."""
    if isinstance(query, Term):
        return '"' + query.word.replace('"', " ") + '"' + ("*" if query.prefix else "")
    joined = (" OR " if isinstance(query, AnyOf) else " AND ").join(to_fts5(part, True) for part in query.parts)
    return f"({joined})" if nested else joined


def to_tsquery(query: Query, nested: bool = False) -> str:
    """*query* as a PostgreSQL `to_tsquery` query: each term a phrase of quoted words. "" when it can find
    nothing, as FTS5 finds nothing for a term without a word ("*" from a user's terms file)."""
    if isinstance(query, Term):
        return _ts_term(query)
    parts = [to_tsquery(part, True) for part in query.parts]
    if isinstance(query, AllOf):
        joined = " & ".join(parts) if all(parts) else ""
    else:
        joined = " | ".join(part for part in parts if part)
    return f"({joined})" if nested and joined else joined


def _ts_term(term: Term) -> str:
    tokens = re.findall(r"\w+", term.word)
    if not tokens:
        return ""
    star = ":*" if term.prefix else ""
    phrase = " <-> ".join(f"'{token}'" for token in tokens) + star
    if term.word.lower() == " ".join(tokens).lower():
        return phrase
    # PostgreSQL's parser keeps some words whole that FTS5 splits ("U.S." is the one lexeme "u.s"):
    # the term as written, read by that parser, finds those too.
    whole = "'" + term.word.replace("\\", "\\\\").replace("'", "''") + "'" + star
    return f"({phrase} | {whole})"


def has_words(search: str) -> bool:
    """Whether a person's search holds a word to look for ("*", "()" or '"' hold none)."""
    return re.search(r"\w", search) is not None


def fts_query(words: str) -> str:
    """User words to a safe FTS5 query: every word quoted, all required."""
    tokens = re.findall(r"\w+", words)
    return " ".join(f'"{token}"' for token in tokens)


def ts_query(words: str) -> str:
    """The same words as a PostgreSQL `to_tsquery` query: every word required ("U.S." as PostgreSQL
    reads it too, see `_ts_term`)."""
    terms = [Term(word.strip(PUNCTUATION)) for word in words.split()]
    return " & ".join(part for part in (_ts_term(term) for term in terms) if part)


PUNCTUATION = "\"'“”‘’.,;:!?()[]{}<>«»"
