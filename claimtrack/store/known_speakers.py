"""Speakers known by several names ("the Tories" is the Conservative Party, "Lib Dems" the Liberal
Democrats, "No 10" Downing Street): the list shipped in `known_speakers.toml`, extended by the
`[speakers]` table of the desk's terms file (`claimtrack.config.user_terms_path`).

The store gives every such name the one canonical speaker, with its kind, before it matches names.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimtrack.config import user_terms_path
from claimtrack.errors import ClaimtrackError
from claimtrack.vocabulary import SpeakerKind

SHIPPED = Path(__file__).with_name("known_speakers.toml")


@dataclass(frozen=True, slots=True)
class KnownSpeaker:
    name: str
    kind: SpeakerKind


def _key(name: str) -> str:
    words = name.replace("’", "'").lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ClaimtrackError(f"{path}: cannot read the speakers list ({str(exc).splitlines()[0]})") from None


def _entries(table: Any, shown: Path) -> dict[str, KnownSpeaker]:
    """name or alias key -> speaker, from a parsed [speakers] table."""
    if not isinstance(table, dict):
        raise ClaimtrackError(f"{shown}: [speakers] must be a table of speakers")
    names: dict[str, KnownSpeaker] = {}
    for name, entry in table.items():
        aliases = entry.get("aliases", []) if isinstance(entry, dict) else None
        kind = entry.get("kind", "organization") if isinstance(entry, dict) else None
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ClaimtrackError(f"{shown}: [speakers.{name!r}] aliases must be a list of names")
        if kind not in {k.value for k in SpeakerKind}:
            raise ClaimtrackError(f"{shown}: [speakers.{name!r}] kind must be person, organization or group")
        speaker = KnownSpeaker(name, SpeakerKind(kind))
        for alias in (name, *aliases):
            names[_key(alias)] = speaker
    return names


@lru_cache(maxsize=4)
def _known(desk_file: Path | None, mtime: float) -> dict[str, KnownSpeaker]:
    names = _entries(_read(SHIPPED).get("speakers", {}), SHIPPED)
    if desk_file is not None:  # a desk's entries win over the shipped ones
        names.update(_entries(_read(desk_file).get("speakers", {}), desk_file))
    return names


def known_speaker(name: str) -> KnownSpeaker | None:
    """The speaker the list knows under *name* (case-insensitive, with or without "the"), if any."""
    desk_file = user_terms_path()
    try:
        mtime = desk_file.stat().st_mtime if desk_file is not None else 0.0
    except OSError:
        desk_file, mtime = None, 0.0
    return _known(desk_file, mtime).get(_key(name))
