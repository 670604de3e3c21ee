"""Whether two written names can be one person's: "Len Burman" and "Leonard E. Burman", "Joe Biden" and
"Joseph R. Biden", "James O’Neill" and "James O'Neill"; never "Tony Blair" and "Ian Blair".

Names are split by nameparser (first, middle, last; titles such as "Sir" set aside) and first names
compared through the nickname table of the `nicknames` package.
"""
from __future__ import annotations

from functools import lru_cache

from nameparser import HumanName
from nicknames import NickNamer


@lru_cache(maxsize=1)
def _nicknames() -> NickNamer:
    return NickNamer()


def _key(word: str) -> str:
    return word.replace("’", "'").strip(".").lower()


@lru_cache(maxsize=4096)
def name_parts(name: str) -> tuple[str, str, str]:
    """(first, middle, last), lower-cased, one kind of apostrophe, no dots."""
    parsed = HumanName(name.replace("’", "'"))
    return _key(parsed.first), " ".join(_key(w) for w in parsed.middle.split()), _key(parsed.last)


def surname(name: str) -> str:
    return name_parts(name)[2]


def _same_given_name(a: str, b: str) -> bool:
    """ "Leonard" and "Len", "Joe" and "Joseph", "J" and "John": one person's first name, written two ways."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    names = _nicknames()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b) or bool(
        names.canonicals_of(a) & (names.canonicals_of(b) | {b}))


def name_variant(a: str, b: str) -> str | None:
    """Why *a* and *b* can name one person ("nickname", "initial", "middle name", "spelling"), or None.

    Both need a first name and the same surname; middle names may be missing on one side but must
    agree where both have them. Equal names are no variant (None)."""
    if _key(a) == _key(b) or " ".join(_key(w) for w in a.split()) == " ".join(_key(w) for w in b.split()):
        return "spelling" if a != b else None
    (first_a, middle_a, last_a), (first_b, middle_b, last_b) = name_parts(a), name_parts(b)
    if not (first_a and first_b and last_a and last_b) or last_a != last_b:
        return None
    if middle_a and middle_b and not _same_given_name(middle_a.split()[0], middle_b.split()[0]):
        return None
    if not _same_given_name(first_a, first_b):
        return None
    if first_a != first_b:
        return "initial" if min(len(first_a), len(first_b)) == 1 else "nickname"
    return "middle name" if middle_a != middle_b else "spelling"
