"""Speakers that are likely one person or body stored twice, each pair with the reason a desk can
check (`claimtrack speakers --suggest-merges`, the TUI's "likely the same" list).

Reasons, strongest first:
- "alias": one speaker's name is an alias of the other ("Vucic" stored apart from "Aleksandar Vucic");
- "known name": the shipped or desk list of speakers knows both names as one ("Tories", "Conservative Party");
- "name variant": one person's name written two ways ("Len Burman", "Leonard E. Burman");
- "surname": one is a bare surname of the other ("Trump", "Donald Trump"), listed for every full name;
- "same surname and role": two people of one surname and one role ("Mr Howard", "Michael Howard" as leader).
A suggestion never merges anything: a person decides (`speakers merge`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from claimtrack.store.known_speakers import known_speaker
from claimtrack.store.models import Claim, Speaker, SpeakerAlias, stored_id
from claimtrack.store.person_names import name_parts, name_variant, surname
from claimtrack.store.speaker_registry import is_description
from claimtrack.vocabulary import SpeakerKind

STRENGTH = {"alias": 0, "known name": 1, "name variant": 2, "surname": 3, "same surname and role": 4}


@dataclass(frozen=True)
class MergeSuggestion:
    keep: Speaker  # the one with more claims
    other: Speaker
    keep_claims: int
    other_claims: int
    reason: str  # one of STRENGTH's keys
    detail: str  # the words that make the case, for a person to check


def _surname_key(name: str) -> str:
    return name.replace("’", "'").split()[-1].lower() if name.split() else ""


def likely_same_speakers(session: Session, *, limit: int | None = None) -> list[MergeSuggestion]:
    """Pairs of stored speakers that are likely one, strongest reason first, then most claims."""
    speakers = {stored_id(s): s for s in session.exec(select(Speaker)).all()}
    counts: dict[int, int] = {i: n for i, n in session.exec(
        select(Claim.speaker_id, func.count(col(Claim.id))).group_by(col(Claim.speaker_id))).all() if i is not None}
    aliases: dict[str, set[int]] = defaultdict(set)
    for speaker_id, alias in session.exec(select(SpeakerAlias.speaker_id, SpeakerAlias.alias)).all():
        aliases[alias.lower()].add(speaker_id)
    found: dict[frozenset[int], tuple[str, str]] = {}
    for a, b, reason, detail in _pairs(speakers, aliases):
        pair = frozenset((a, b))
        if a != b and (pair not in found or STRENGTH[reason] < STRENGTH[found[pair][0]]):
            found[pair] = (reason, detail)
    out = []
    for pair, (reason, detail) in found.items():
        a, b = sorted(pair, key=lambda i: (-counts.get(i, 0), i))
        out.append(MergeSuggestion(speakers[a], speakers[b], counts.get(a, 0), counts.get(b, 0), reason, detail))
    out.sort(key=lambda s: (STRENGTH[s.reason], -(s.keep_claims + s.other_claims), stored_id(s.keep)))
    return out[:limit] if limit is not None else out


def _pairs(speakers: dict[int, Speaker], aliases: dict[str, set[int]]) -> Iterator[tuple[int, int, str, str]]:
    yield from _alias_pairs(speakers, aliases)
    yield from _known_name_pairs(speakers)
    yield from _person_pairs(speakers)


def _alias_pairs(speakers: dict[int, Speaker], aliases: dict[str, set[int]]) -> Iterator[tuple[int, int, str, str]]:
    """A speaker whose canonical name another speaker goes by."""
    for speaker_id, speaker in speakers.items():
        for holder in aliases.get(speaker.name.lower(), ()):
            if holder != speaker_id and not is_description(speaker.name):
                yield holder, speaker_id, "alias", f"{speakers[holder].name!r} also goes by {speaker.name!r}"


def _known_name_pairs(speakers: dict[int, Speaker]) -> Iterator[tuple[int, int, str, str]]:
    by_known: dict[str, list[int]] = defaultdict(list)
    for speaker_id, speaker in speakers.items():
        known = known_speaker(speaker.name)
        if known is not None:
            by_known[known.name].append(speaker_id)
    for name, ids in by_known.items():
        for other in ids[1:]:
            yield ids[0], other, "known name", f"the speakers list names both {name!r}"


def _person_pairs(speakers: dict[int, Speaker]) -> Iterator[tuple[int, int, str, str]]:
    """People of one surname: name variants, bare surnames, one surname and one role."""
    by_surname: dict[str, list[Speaker]] = defaultdict(list)
    for speaker in speakers.values():
        if speaker.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN) and not is_description(speaker.name):
            by_surname[_surname_key(speaker.name)].append(speaker)
    for people in by_surname.values():
        if len(people) < 2 or len(people) > 50:  # a common surname: too many to be useful
            continue
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                found = _person_reason(a, b)
                if found is not None:
                    yield stored_id(a), stored_id(b), *found


def _person_reason(a: Speaker, b: Speaker) -> tuple[str, str] | None:
    variant = name_variant(a.name, b.name)
    if variant is not None:
        return "name variant", f"{a.name!r} and {b.name!r}: {variant}"
    short, full = sorted((a, b), key=lambda s: len(s.name.split()))
    if len(short.name.split()) == 1 and full.kind is SpeakerKind.PERSON and name_parts(full.name)[0] \
            and surname(full.name) == _surname_key(short.name):
        return "surname", f"{short.name!r} is the surname of {full.name!r}"
    people = a.kind is SpeakerKind.PERSON and b.kind is SpeakerKind.PERSON  # not "The Scottish Executive"
    if people and a.role and b.role and a.role.lower() == b.role.lower() and _full_name(a.name) \
            and _full_name(b.name):
        return "same surname and role", f"{a.name!r} and {b.name!r}, both {a.role}"
    return None


def _full_name(name: str) -> bool:
    """A person's written name ("Michael Howard"), not a description ("Mr Blair's spokesman")."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
        w.endswith(("'s", "’s")) for w in words) and bool(name_parts(name)[0])
