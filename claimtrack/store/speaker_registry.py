"""Speakers in the store: one row per entity across all sources, with every alias seen.

The functions take a session and never commit: the caller owns the transaction.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import bindparam, delete, func, insert, or_
from sqlmodel import Session, col, select

from claimtrack.engine.coreference import same_office
from claimtrack.engine.lexicon import (
    ARTICLES,
    DEMONYMS,
    GROUP_NOUNS,
    ORG_HEADS,
    PERSONAL_HONORIFICS,
    PLACES,
    ROLE_NOUNS,
)
from claimtrack.engine.model import SpeakerEntity
from claimtrack.engine.speakers import first_name_gender, parse_title
from claimtrack.store.known_speakers import known_speaker
from claimtrack.store.models import Claim, Revision, Source, Speaker, SpeakerAlias, stored_id, utc_now
from claimtrack.store.person_names import name_variant
from claimtrack.store.speaker_names import EVERY_NAME, KnownNames
from claimtrack.vocabulary import SpeakerKind


def speakers_called(session: Session, name: str) -> list[Speaker]:
    """The speaker whose canonical name is *name*, else every speaker going by it as an alias
    (case-insensitive): more than one means the name is ambiguous."""
    wanted = name.strip().lower()
    speaker = session.exec(select(Speaker).where(func.lower(Speaker.name) == wanted)).first()
    if speaker is not None:
        return [speaker]
    return list(session.exec(
        select(Speaker).join(SpeakerAlias, col(SpeakerAlias.speaker_id) == col(Speaker.id))
        .where(func.lower(SpeakerAlias.alias) == wanted).distinct().order_by(col(Speaker.id))).all())


def find_speaker(session: Session, name: str) -> Speaker | None:
    """The one speaker whose canonical name or alias is *name* (case-insensitive); None when none is
    or when several go by it."""
    found = speakers_called(session, name)
    return found[0] if len(found) == 1 else None


PRONOUNS = frozenset("i me my we us our he him his she her they them their it its you your".split())


# Role words that make "The Chancellor", "The Foreign Secretary" a description however capitalised
# ("The Scottish Executive" is a body's name).
_OFFICES = ROLE_NOUNS - {"executive"}


# "Donald Trump's campaign", "the Obama administration": a person's campaign or administration is one
# body in every article, named by the surname ("Trump campaign"), never a description of one article.
_PERSONS_BODY = re.compile(r"(?:[Tt]he )?(?:[A-Z][\w.'’-]* )*?(?P<owner>[A-Z][\w’'-]*?)(?:['’]s)? "
                           r"(?P<body>campaign|camp|team|administration)")


def persons_body(name: str) -> str | None:
    """"Trump campaign" for "Donald Trump’s campaign" and "the Trump campaign"; None for anything else
    ("the White House team", "the Labour campaign": an organisation's or a place's, not a person's)."""
    match = _PERSONS_BODY.fullmatch(name.strip())
    if match is None:
        return None
    owner = match["owner"]
    if owner.lower() in ORG_HEADS or owner.lower() in PLACES or owner.lower() in DEMONYMS or owner.isupper() \
            or owner.lower() in _PARTY_OWNERS:
        return None
    return f"{owner} {match['body']}"


_PARTY_OWNERS = frozenset("labour conservative conservatives tory tories democratic republican liberal party".split())


def is_description(name: str) -> bool:
    """ "his lawyer", "The union spokeswoman", "International observers": a description, not a name,
    so not the same entity in every article. A name has a capital after its first word ("White
    House", "Jens Stoltenberg"), is one capitalised word that is not a group noun ("Serbia", not
    "Officials"), or starts with a possessive name ("Kosovo's government")."""
    if persons_body(name) is not None:
        return False  # "Trump campaign"
    words = name.split()
    if not words or not words[0][:1].isupper():
        return True
    if len(words) == 1:
        return words[0].lower() in GROUP_NOUNS  # "Officials" at the start of a sentence
    if words[0].endswith(("'s", "’s")):
        return False
    if words[0].lower() in ARTICLES and (words[-1][:1].islower() or words[-1].lower() in _OFFICES
                                         or words[-1].lower() in GROUP_NOUNS):
        return True  # "The GOP nominee", "The Chancellor", "The MPs": a description, not a name
    if words[-1].lower() in _OFFICES and first_name_gender(words[0]) is None:
        return True  # "Lord Chancellor", "Home Secretary": an office (but "Oona King" is a name)
    return not any(word[:1].isupper() for word in words[1:])


def stored_name(entity: SpeakerEntity, source_id: int | None) -> str:
    """The canonical name to store: proper names are shared across sources, descriptions are not."""
    if source_id is not None and is_description(entity.name) and not _called_by_surname(entity):
        return f"{entity.name} (source {source_id})"
    return entity.name


def _called_by_surname(entity: SpeakerEntity) -> bool:
    """"Oona King", also called "Ms King": a person's name, though "King" is an office's word."""
    if entity.kind is not SpeakerKind.PERSON or len(entity.name.split()) < 2:
        return False
    surname = entity.name.split()[-1]
    return any(len(words := alias.split()) == 2 and words[0].rstrip(".").lower() in PERSONAL_HONORIFICS
               and words[1] == surname for alias in entity.aliases)


def upsert_speaker(session: Session, entity: SpeakerEntity, source_id: int | None = None,
                   names: KnownNames | None = None) -> Speaker:
    """The stored speaker for *entity* (matched by canonical name), created or enriched.

    A description ("his lawyer") names someone only within its article, so with *source_id* it
    becomes a speaker of that source alone instead of merging every article's lawyer into one.
    With *names* (the store's names, held by a writer), a name the store cannot hold is not asked for.
    """
    speaker = session.get(Speaker, upsert_speaker_id(session, entity, source_id, names))
    assert speaker is not None, "stored"
    return speaker


def upsert_speaker_id(session: Session, entity: SpeakerEntity, source_id: int | None = None,
                      names: KnownNames | None = None) -> int:
    """`upsert_speaker`, giving the speaker's id: a new speaker is written as a plain row (ingest makes
    thousands), with no ORM object."""
    names = EVERY_NAME if names is None else names
    known = known_speaker(entity.name)
    if known is not None:  # "the Tories" is the Conservative Party, in every article
        entity = replace(entity, name=known.name, kind=known.kind, role=None, affiliation=None,
                         aliases=(entity.name, *entity.aliases))
    elif (body := persons_body(entity.name)) is not None:  # "Donald Trump's campaign" is the Trump campaign
        entity = replace(entity, name=body, kind=SpeakerKind.ORGANIZATION, role=None, affiliation=None,
                         aliases=(entity.name, *entity.aliases))
    holder = _named_holder(session, entity, source_id)
    if holder is not None:  # "the prime minister" in an article that names Mr Blair
        add_aliases(session, holder, {entity.name, *entity.aliases}, names)
        return stored_id(holder)
    name = stored_name(entity, source_id)
    speaker = _called(session, name, names)
    if speaker is None and is_description(name):  # a description a person merged into a speaker
        speaker = _unique_alias_match(session, name, names) if source_id is not None else None
    elif speaker is None:
        speaker = _unique_alias_match(session, name, names, named_only=True) or _match_by_other_names(
            session, entity, source_id, names)
    if speaker is None:
        speaker_id = session.execute(_NEW_SPEAKER, {
            "name": name, "kind": SpeakerKind(entity.kind), "role": entity.role, "affiliation": entity.affiliation,
            "created_at": utc_now(), "version": 1}).scalar_one()
        names.add_name(name)
        add_aliases(session, speaker_id, {entity.name, *entity.aliases}, names, new=True)
        return speaker_id
    # what an earlier article did not tell
    fill_missing_facts(speaker, role=entity.role, affiliation=entity.affiliation, kind=SpeakerKind(entity.kind))
    if known is not None:
        speaker.kind = known.kind
    _complete_surname(session, speaker, entity, names)
    add_aliases(session, speaker, {entity.name, *entity.aliases}, names)
    return stored_id(speaker)


_SPEAKERS = Speaker.__table__  # type: ignore[attr-defined]
_ALIASES = SpeakerAlias.__table__  # type: ignore[attr-defined]
# Built once: ingest runs them for every speaker of every article.
_NEW_SPEAKER = insert(_SPEAKERS).returning(_SPEAKERS.c.id)
_NEW_ALIAS = insert(_ALIASES)
_CALLED = select(Speaker).where(func.lower(Speaker.name) == bindparam("name"))
_ALIASES_OF = select(_ALIASES.c.alias).where(_ALIASES.c.speaker_id == bindparam("speaker"))
_TAKEN = select(_ALIASES.c.alias).where(func.lower(_ALIASES.c.alias).in_(bindparam("aliases", expanding=True)),
                                        _ALIASES.c.speaker_id != bindparam("speaker"))


def _called(session: Session, name: str, names: KnownNames) -> Speaker | None:
    """The speaker whose canonical name is *name*, case aside."""
    if not names.may_be_name(name):
        return None
    return session.execute(_CALLED, {"name": name.lower()}).scalars().first()


def _complete_surname(session: Session, speaker: Speaker, entity: SpeakerEntity, names: KnownNames) -> None:
    """A speaker stored under a bare surname ("Brown", from articles that only say "Mr Brown") takes the
    full name once an article gives it ("Gordon Brown"); the surname stays an alias. Not when a person's
    revision names the speaker (their undo looks it up by that name) or another speaker has the name."""
    if " " in speaker.name or entity.kind is not SpeakerKind.PERSON or " " not in entity.name \
            or is_description(entity.name) or not names_agree(speaker.name, entity.name):
        return
    if _called(session, entity.name, names) is not None:
        return
    named = session.exec(select(Revision.id).where(Revision.field == "speaker", or_(
        col(Revision.old_value) == speaker.name, col(Revision.new_value) == speaker.name)).limit(1)).first()
    if named is None:
        add_aliases(session, speaker, {speaker.name}, names)
        speaker.name = entity.name
        names.add_name(entity.name)
        speaker.kind = SpeakerKind.PERSON
        session.add(speaker)
        session.flush()


def _office_holders(session: Session, office_word: str) -> list[Speaker]:
    """The people whose stored role, or a title an article gave them, names this office word."""
    titled = select(SpeakerAlias.speaker_id).where(
        func.lower(SpeakerAlias.alias).contains(office_word, autoescape=True))
    return list(session.exec(select(Speaker).where(
        Speaker.kind == SpeakerKind.PERSON, col(Speaker.name).not_like("% (source %)"),  # named people only
        func.lower(Speaker.role).endswith(office_word) | col(Speaker.id).in_(titled))).all())


def _named_holder(session: Session, entity: SpeakerEntity, source_id: int | None,
                  holders: dict[str, list[Speaker]] | None = None) -> Speaker | None:
    """The stored person a description names ("the GOP nominee", "the home secretary"): the one person
    whose stored role and affiliation fit it and whose surname the description's own article names.
    The article's naming keeps it safe: "the prime minister" is Tony Blair only where Blair is named."""
    if source_id is None or entity.role is None or not is_description(entity.name):
        return None
    if entity.name.lower().startswith(("a ", "an ")):
        return None  # "A Conservative Party spokesman": someone unnamed, not the spokesman the article names
    source = session.get(Source, source_id)
    if source is None:
        return None
    description = parse_title(entity.name)
    office_word = entity.role.split()[-1].lower()
    # *holders*: the office holders already read, by office word (many descriptions resolved at once)
    if holders is None:
        people = _office_holders(session, office_word)
    else:
        if office_word not in holders:
            holders[office_word] = _office_holders(session, office_word)
        people = holders[office_word]
    people = [p for p in people if " " in p.name]
    if not people:
        return None
    # The article's words: a quick "no" before the exact search, worth reading only for many people.
    words = set(_WORD.findall(source.text)) if len(people) > QUICK_NO_FROM else None
    named_here = [p for p in people
                  if (words is None or set(_WORD.findall(p.name.split()[-1])) <= words)
                  and _names_in(source.text, p.name.split()[-1]) and _holds_office(session, p, description)]
    return named_here[0] if len(named_here) == 1 else None


QUICK_NO_FROM = 8  # office holders from which the article's words are read first


def _holds_office(session: Session, person: Speaker, description) -> bool:
    """Does *person* hold the office *description* names: by the stored role, or by a title an article
    gave them ("the Lord Chancellor Lord Falconer", stored as an alias of a speaker with no role)?"""
    if person.role and same_office(description, person.role, person.affiliation):
        return True
    aliases = session.exec(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == person.id)).all()
    return any(title.role and title.name != alias and same_office(description, title.role, title.affiliation)
               for alias in aliases for title in (parse_title(alias),))


_DESCRIBED = re.compile(r"(?P<name>.+) \(source (?P<source>\d+)\)")


def resolve_described(session: Session, offices: Iterable[str]) -> int:
    """Descriptions stored before their holder was known ("The GOP nominee (source 2)", ingested before
    any article gave Donald Trump that title) given to the holder now that the store knows one: the
    same rule as at ingest (`_named_holder`), so the order articles arrive in does not change who
    said what. Only descriptions of the *offices* just learned ("nominee") are tried, and none a
    person has touched (merged, moved, named in a revision). Returns how many claims moved."""
    words = sorted({w.lower() for w in offices if w})
    if not words:
        return 0
    candidates = session.exec(select(Speaker).where(
        Speaker.kind == SpeakerKind.PERSON, col(Speaker.name).like("% (source %)"),
        or_(*(func.lower(Speaker.role).endswith(f" {w}", autoescape=True) | (func.lower(Speaker.role) == w)
              for w in words)))).all()
    moved = 0
    holders: dict[str, list[Speaker]] = {}
    for described in candidates:
        match = _DESCRIBED.fullmatch(described.name)
        if match is None or _touched_by_a_person(session, described):
            continue
        entity = SpeakerEntity(match["name"], SpeakerKind.PERSON, described.role, described.affiliation)
        holder = _named_holder(session, entity, int(match["source"]), holders)
        if holder is None or holder.id == described.id:
            continue
        session.refresh(described, with_for_update=True)  # nobody merges it meanwhile (PostgreSQL)
        claims = session.exec(select(Claim).where(Claim.speaker_id == described.id)).all()
        for claim in claims:
            claim.speaker_id = holder.id
            session.add(claim)
        names = set(session.exec(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == described.id)).all())
        session.execute(delete(SpeakerAlias).where(col(SpeakerAlias.speaker_id) == described.id))
        session.delete(described)
        session.flush()
        add_aliases(session, holder, {described.name, *names})
        moved += len(claims)
    return moved


def _touched_by_a_person(session: Session, speaker: Speaker) -> bool:
    return session.exec(select(Revision.id).where(or_(
        (col(Revision.table_name) == "speaker") & (col(Revision.row_id) == speaker.id),
        col(Revision.old_value) == speaker.name, col(Revision.new_value) == speaker.name)).limit(1)).first() is not None


_WORD = re.compile(r"\w+")


def _names_in(text: str, surname: str) -> bool:
    return re.search(rf"\b{re.escape(surname)}\b", text) is not None


def fill_missing_facts(speaker: Speaker, *, role: str | None, affiliation: str | None, kind: SpeakerKind) -> None:
    """What the stored speaker does not know yet (role, affiliation, kind), taken from another account
    of the same entity (a later article, a merged duplicate); what is already known is never overwritten."""
    if speaker.role is None and role:
        speaker.role = role
    if speaker.affiliation is None and affiliation:
        speaker.affiliation = affiliation
    if speaker.kind == SpeakerKind.UNKNOWN and kind != SpeakerKind.UNKNOWN:
        speaker.kind = kind


def _unique_alias_match(session: Session, name: str, names: KnownNames | None = None, *,
                        named_only: bool = False) -> Speaker | None:
    """The one speaker already known under *name* as an alias ("Vucic" -> "Aleksandar Vucic").

    Two speakers sharing the alias (two Smiths) make it ambiguous: then no match, a new speaker.
    With *named_only*, a description kept to one article ("British government (source 128)") is no
    match for a name met in another article: what it stood for there is that article's business.
    """
    if names is not None and not names.may_be_alias(name):
        return None
    query = select(SpeakerAlias.speaker_id).where(func.lower(SpeakerAlias.alias) == name.lower())
    if named_only:
        query = query.join(Speaker, col(Speaker.id) == SpeakerAlias.speaker_id).where(
            col(Speaker.name).not_like("% (source %)"))
    ids = session.exec(query.distinct().limit(2)).all()
    return session.get(Speaker, ids[0]) if len(ids) == 1 else None


def _match_by_other_names(session: Session, entity: SpeakerEntity, source_id: int | None,
                          names: KnownNames) -> Speaker | None:
    """The one stored speaker known by another of the entity's names, when the full names agree.

    "Aleksandar Vucic" (also seen as "Vucic") joins a stored "Vucic"; "John Smith" (also "Smith") does
    not join a stored "Jane Smith", whose name says she is someone else.
    """
    for alias in sorted(entity.aliases, key=len, reverse=True):
        if not alias.strip() or alias.lower() == entity.name.lower() or alias.lower() in PRONOUNS:
            continue
        speaker = _called(session, alias, names) or _unique_alias_match(session, alias, names, named_only=True)
        if speaker is not None and names_agree(speaker.name, entity.name):
            return speaker
    return _unique_surname_match(session, entity, source_id, names) or _unique_name_variant(session, entity, names)


def _unique_name_variant(session: Session, entity: SpeakerEntity, names: KnownNames) -> Speaker | None:
    """The one stored person whose name is a variant of the entity's ("Len Burman" for "Leonard E.
    Burman", "Joe Biden" for "Joseph R. Biden"): same surname, compatible first and middle names."""
    name = entity.name.strip()
    if " " not in name or entity.kind is not SpeakerKind.PERSON or is_description(name):
        return None
    last = name.replace("’", "'").split()[-1].lower()
    if not names.may_be_surname(last):
        return None
    people = session.execute(_PEOPLE_ENDING, {"tail": f"% {_like_escaped(last)}"}).all()  # (id, name): few are kept
    variants = [speaker_id for speaker_id, stored in people if name_variant(stored, name)]
    return session.get(Speaker, variants[0]) if len(variants) == 1 else None


_PEOPLE_ENDING = select(Speaker.id, Speaker.name).where(
    Speaker.kind == SpeakerKind.PERSON,
    func.replace(func.lower(Speaker.name), "’", "'").like(bindparam("tail"), escape="\\"))


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _unique_surname_match(session: Session, entity: SpeakerEntity, source_id: int | None,
                          names: KnownNames) -> Speaker | None:
    """A bare surname ("Vucic") is the one stored person of that surname ("Aleksandar Vucic"); of
    several ("Donald Trump", "Ivanka Trump"), the one whose full name the article writes somewhere
    (in a quotation, say), if exactly one is."""
    name = entity.name.strip()
    if " " in name or entity.kind not in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN) or not names.may_be_surname(name):
        return None
    surname = func.lower(Speaker.name).endswith(f" {name.lower()}", autoescape=True)
    people = session.exec(select(Speaker).where(Speaker.kind == SpeakerKind.PERSON, surname).limit(20)).all()
    if len(people) == 1:
        return people[0]
    source = session.get(Source, source_id) if source_id is not None and people else None
    named = [p for p in people if source is not None and _names_in(source.text, p.name)]
    return named[0] if len(named) == 1 else None


def names_agree(stored: str, seen: str) -> bool:
    """Whether two names can be one speaker's: the words of the shorter are all in the longer."""
    a, b = set(stored.lower().split()), set(seen.lower().split())
    return a <= b or b <= a


def add_aliases(session: Session, speaker: Speaker | int, aliases: Iterable[str | None],
                names: KnownNames | None = None, *, new: bool = False) -> None:
    """The names the speaker (or speaker id) was seen under, less pronouns and less the names another
    speaker already goes by ("Mr Blair" stays with the first Blair stored): an alias names one speaker,
    unless a person moves it by hand. (*new*: the speaker was just made, so it has no alias yet.)
    Written as plain rows in one insert: ingest adds thousands."""
    names = EVERY_NAME if names is None else names
    speaker_id = speaker if isinstance(speaker, int) else stored_id(speaker)
    known = set() if new else set(session.execute(_ALIASES_OF, {"speaker": speaker_id}).scalars())
    wanted = sorted({a.strip() for a in aliases if a and a.strip()} - known)
    if not wanted:
        return
    asked = [a.lower() for a in wanted if names.may_be_alias(a)]
    taken = {a.lower() for a in session.execute(_TAKEN, {"aliases": asked, "speaker": speaker_id}).scalars()} \
        if asked else set()
    new_aliases = [alias[:500] for alias in wanted if alias.lower() not in taken and alias.lower() not in PRONOUNS]
    if new_aliases:
        session.execute(_NEW_ALIAS, [{"speaker_id": speaker_id, "alias": alias} for alias in new_aliases])
    for alias in new_aliases:
        names.add_alias(alias)


def create_speaker(session: Session, name: str, kind: SpeakerKind = SpeakerKind.UNKNOWN) -> Speaker:
    speaker = Speaker(name=name.strip(), kind=kind)
    session.add(speaker)
    session.flush()
    add_aliases(session, speaker, {speaker.name})
    return speaker
