"""The names the store's speakers go by, held in memory by one writer (ingest), so that a name the
store has never seen is known to be new without a query.

Matching a speaker asks the store several questions by name: is there a speaker called this, one
going by it as an alias, a person of this surname? For a new name (most names a desk meets once)
every answer is "no", and each cost a query. `KnownNames` holds every name, alias and surname
(lower-cased) the store holds, so those questions are asked only when the answer may be "yes".

It may hold more than the store (a name of an article rolled back, a speaker merged away): that
only costs a query. It must never hold less, or a known speaker would be stored twice, so it is
brought up to date (`refresh`) at the start of each transaction: speakers and aliases added since
(by anyone: ids only grow; on PostgreSQL the last `LOOKBACK` ids are read again, for another writer's
transaction that took an id before ours and committed after) are read; any change a person made to speakers (a
merge, an alias moved, an undo, all in the revision log) reads every name again, and so does the
retry after a unique name clash with another writer (`forget`, see `ingest.batch`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from claimtrack.store.models import Revision, Speaker, SpeakerAlias, TableName

SPEAKER_TABLES = (TableName.SPEAKER.value, TableName.SPEAKER_ALIAS.value)
LOOKBACK = 1000  # ids read again at each refresh (PostgreSQL)


def surname_key(name: str) -> str | None:
    """The last word of a name of several words, as the surname look-ups compare it ('’' as "'")."""
    words = name.lower().replace("’", "'").split()
    return words[-1] if len(words) > 1 else None


@dataclass
class KnownNames:
    names: set[str] = field(default_factory=set)  # canonical names, lower-cased
    aliases: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)  # last words of names of several words
    last_speaker: int = -1  # the largest ids read (-1: nothing read yet)
    last_alias: int = 0
    last_revision: int = 0

    # ------------------------------------------------------------------ may the store hold it?

    def may_be_name(self, name: str) -> bool:
        return name.strip().lower() in self.names

    def may_be_alias(self, alias: str) -> bool:
        return alias.strip().lower() in self.aliases

    def may_be_surname(self, word: str) -> bool:
        return word.strip().lower().replace("’", "'") in self.surnames

    # ------------------------------------------------------------------ keeping up

    def add_name(self, name: str) -> None:
        self.names.add(name.strip().lower())
        surname = surname_key(name)
        if surname:
            self.surnames.add(surname)

    def add_alias(self, alias: str) -> None:
        self.aliases.add(alias.strip().lower())

    def forget(self) -> None:
        """Read every name again at the next refresh."""
        self.last_speaker = -1

    def refresh(self, session: Session) -> None:
        """Read what the store added since the last refresh (everything, the first time or after a
        person changed speakers)."""
        revision = session.exec(select(func.max(Revision.id)).where(
            col(Revision.table_name).in_(SPEAKER_TABLES))).one() or 0
        # SQLite commits one writer's transaction at a time, so ids arrive in order: nothing to read again.
        lookback = 0 if session.get_bind().dialect.name == "sqlite" else LOOKBACK
        if self.last_speaker < 0 or revision != self.last_revision:
            self.names.clear()
            self.aliases.clear()
            self.surnames.clear()
            self.last_speaker, self.last_alias = lookback, lookback  # from id 1 on
        self.last_revision = revision
        for speaker_id, name in session.exec(select(Speaker.id, Speaker.name).where(
                col(Speaker.id) > self.last_speaker - lookback)):
            self.add_name(name)
            self.last_speaker = max(self.last_speaker, speaker_id or 0)
        # A new alias may come with a renamed speaker ("Brown" completed to "Gordon Brown" keeps
        # "Brown" as an alias): its speaker's name is read again with it.
        for alias_id, alias, name in session.exec(
                select(SpeakerAlias.id, SpeakerAlias.alias, Speaker.name)
                .join(Speaker, col(Speaker.id) == SpeakerAlias.speaker_id)
                .where(col(SpeakerAlias.id) > self.last_alias - lookback)):
            self.add_alias(alias)
            self.add_name(name)
            self.last_alias = max(self.last_alias, alias_id or 0)


class _AskTheStore(KnownNames):
    """Holds no names: every question goes to the store (for callers that keep no `KnownNames`)."""

    def may_be_name(self, name: str) -> bool:
        return True

    def may_be_alias(self, alias: str) -> bool:
        return True

    def may_be_surname(self, word: str) -> bool:
        return True

    def add_name(self, name: str) -> None:
        pass

    def add_alias(self, alias: str) -> None:
        pass


EVERY_NAME: KnownNames = _AskTheStore()
