"""The word lists the contradiction finder runs on (defaults in `lexicon`) and the user's extension of them.

A fact-checker may add related terms, antonyms and entity names for their beat in a TOML file,
read from the path in ``$CLAIMTRACK_TERMS``, else ``~/.config/claimtrack/terms.toml``::

    # Words that mean the same matter: each group is matched as one topic word.
    [related]
    forces = ["militia", "paramilitaries"]      # extends the built-in group "forces"
    sanctions = ["sanction", "embargo", "asset freeze"]   # a new group

    # Predicates that contradict each other (both directions).
    [antonyms]
    pairs = [["annex", "cede"], ["ban", "allow"]]

    # Names that stand for the same entity (capitals for governments, demonyms, short forms).
    [entities]
    "Pristina" = "Kosovo"
    "Kremlin" = "Russia"

    # Speakers known by several names (extends claimtrack/store/known_speakers.toml).
    [speakers."British American Tobacco"]
    kind = "organization"
    aliases = ["BAT"]

Words are matched by lemma (``"troops"`` and ``"troop"`` are one), multi-word terms by their
lemma sequence (``"asset freeze"``). A term listed in a new group moves there from a default one.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from claimtrack.config import user_terms_path
from claimtrack.contradictions.lemmas import normalise_term
from claimtrack.contradictions.lexicon import DEFAULT_ANTONYMS, DEFAULT_ENTITIES, DEFAULT_RELATED
from claimtrack.errors import ClaimtrackError

# The tables a user's terms file may hold ([speakers] is read by claimtrack.store.known_speakers).
_TABLES = ("related", "antonyms", "entities", "speakers")


@dataclass(frozen=True)
class Terms:
    """Related terms (term -> group), antonym pairs and entity names, defaults plus the user's file."""

    related: dict[str, str]  # term (lemmas joined by spaces) -> group name
    antonyms: frozenset[tuple[str, str]]  # both orders
    entities: dict[str, str]  # lower-cased surface name -> entity name
    # What each claim text is about, read under these terms: a batch ingest meets the same stored
    # claims again and again as candidates, and reading a claim is the finder's costliest step.
    topic_cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def phrases(self) -> frozenset[str]:
        """The terms of several words (related terms and antonyms), which a claim's lemmas are merged into."""
        words = {term for term in self.related if " " in term}
        words |= {w for pair in self.antonyms for w in pair if " " in w}
        return frozenset(words)

    @cached_property
    def phrase_heads(self) -> frozenset[str]:
        """The first words of `phrases`: only these can start one."""
        return frozenset(phrase.split(" ", 1)[0] for phrase in self.phrases)

    def group_members(self, group: str) -> list[str]:
        return [term for term, name in self.related.items() if name == group]


def build_terms(extra: dict[str, Any] | None = None, *, shown: str = "terms") -> Terms:
    """The default lists extended by *extra* (the parsed TOML of a user's terms file)."""
    related: dict[str, str] = {}
    for group, members in DEFAULT_RELATED.items():
        for member in members:
            related[normalise_term(member)] = group
    antonyms: set[tuple[str, str]] = set()
    for left, right in DEFAULT_ANTONYMS:
        antonyms |= {(normalise_term(a.replace("-", " ")), normalise_term(b.replace("-", " ")))
                     for a in left.split() for b in right.split()}
    entities = {name.lower(): entity for name, entity in DEFAULT_ENTITIES.items()}

    extra = extra or {}
    unknown = sorted(set(extra) - set(_TABLES))
    if unknown:
        raise ClaimtrackError(
            f"{shown}: unknown table [{unknown[0]}] (expected related, antonyms, entities or speakers)")
    _add_related(related, _table(extra, "related", shown), shown)
    _add_antonyms(antonyms, _table(extra, "antonyms", shown), shown)
    _add_entities(entities, _table(extra, "entities", shown), shown)
    both_ways = frozenset(antonyms | {(b, a) for a, b in antonyms})
    return Terms(related=related, antonyms=both_ways, entities=entities)


def _add_related(related: dict[str, str], table: dict[str, Any], shown: str) -> None:
    """The user's [related] groups: each member (and the group's own name) moves into its group."""
    for group, members in table.items():
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            raise ClaimtrackError(f"{shown}: [related] {group} must be a list of words")
        for member in [group, *members]:
            related[normalise_term(member)] = group


def _add_antonyms(antonyms: set[tuple[str, str]], table: dict[str, Any], shown: str) -> None:
    """The user's [antonyms] pairs."""
    for pair in table.get("pairs", []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)):
            raise ClaimtrackError(f"{shown}: [antonyms] pairs must be pairs of words, got {pair!r}")
        antonyms.add((normalise_term(pair[0]), normalise_term(pair[1])))


def _add_entities(entities: dict[str, str], table: dict[str, Any], shown: str) -> None:
    """The user's [entities] names, each standing for an entity."""
    for name, entity in table.items():
        if not isinstance(entity, str):
            raise ClaimtrackError(f"{shown}: [entities] {name} must name an entity, got {entity!r}")
        entities[name.lower()] = entity


def _table(extra: dict[str, Any], name: str, shown: str) -> dict[str, Any]:
    table = extra.get(name, {})
    if not isinstance(table, dict):
        raise ClaimtrackError(f"{shown}: [{name}] must be a table")
    return table


_LOADED: dict[tuple[str, float], Terms] = {}  # (path, mtime) -> terms, so their topic cache lives on


def load_terms(path: Path | None = None) -> Terms:
    """The terms in force: defaults plus the user's file (*path*, else the configured one)."""
    path = path or user_terms_path()
    try:
        key = (str(path), path.stat().st_mtime) if path is not None else ("", 0.0)
    except OSError:
        key = None
    if key is not None and key in _LOADED:
        return _LOADED[key]
    terms = _read_terms(path)
    if key is not None:
        _LOADED.clear()  # one set of terms in force at a time
        _LOADED[key] = terms
    return terms


def _read_terms(path: Path | None) -> Terms:
    if path is None:
        return build_terms()
    try:
        with path.open("rb") as handle:
            extra = tomllib.load(handle)
    except FileNotFoundError:
        raise ClaimtrackError(f"{path}: terms file not found (set by CLAIMTRACK_TERMS)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ClaimtrackError(f"{path}: not valid TOML ({exc})") from None
    return build_terms(extra, shown=str(path))
