"""The store's tables (SQLModel). Alembic owns the schema: see claimtrack/store/migrations.

Rows that people can remove and that revisions name (speakers, aliases, claims, relations) have
ids that are never given out again (`sqlite_autoincrement`; PostgreSQL's sequences do that anyway),
so a new row never takes a removed row's history: see migration 0005.

What the columns hold:
- enumerated fields are typed with the enums of `claimtrack.vocabulary` and stored as the members'
  values, plain strings (`Vocabulary`: the column stays a VARCHAR); they read back as members. A value
  outside the enum (written by hand into the database) reads as its plain string rather than failing
  every page that shows the row. The service functions validate what people type before it is written;
- times are timezone-aware and UTC (`DateTime(timezone=True)` through SQLModel's `UTCDateTime`): a
  time is turned to UTC when written, SQLite keeps it without a zone and it is read back as UTC (so are
  the zone-less times of older stores); a time without a zone is refused when written;
- a column that points at another table's row is a foreign key (`Field(foreign_key=...)`).

`TABLES` is the one registry of the tables by the names the revision log gives them (`TableName`),
with how people call their rows and whether they carry an edit version.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, Table, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import AutoString, Field, SQLModel
from sqlmodel.sql.sqltypes import UTCDateTime

from claimtrack.vocabulary import ClaimKind, Origin, RelationKind, RelationStatus, ReviewStatus, SpeakerKind, Stance


def utc_now() -> datetime:
    return datetime.now(UTC)


class Vocabulary(TypeDecorator[StrEnum]):
    """A column of one of claimtrack's vocabularies: stored as the member's value, read as the member."""

    impl = AutoString  # what a plain `str` field is: the schema stays the one the migrations made
    cache_ok = True

    def __init__(self, enum: type[StrEnum]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else str(value)  # a member's str() is its value

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        if value is None:
            return None
        try:
            return self.enum(value)
        except ValueError:  # not one of the vocabulary's words (see the module's docstring)
            return value


class TableName(StrEnum):
    """The store's tables by the names the revision log gives them (`Revision.table_name`)."""

    STORY = "story"
    SOURCE = "source"
    SPEAKER = "speaker"
    SPEAKER_ALIAS = "speakeralias"
    CLAIM = "claim"
    RELATION = "claimrelation"
    REVISION = "revision"
    TERM_WEIGHT = "term_weight"
    STORY_TERM = "story_term"


VERSION_DESCRIPTION = "raised by every human change: the optimistic check against lost edits"


class Story(SQLModel, table=True):
    """Articles about one matter, grouped at ingest (see claimtrack/contradictions/stories.py).

    `terms` is the story's profile: its distinctive terms with the number of its articles that hold
    each (a new article is matched on it); `label` is made of its most distinctive terms."""

    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    label: str = ""
    terms: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    articles: int = 0
    first_published: str | None = Field(default=None, description="earliest date of its dated articles")
    last_published: str | None = Field(default=None, description="latest date of its dated articles")
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class StoryTerm(SQLModel, table=True):
    """One term of a story's profile (the keys of `Story.terms`, kept in step with it), so that the
    stories a new article may join are found by its terms through an index, not by reading every story."""

    __tablename__ = "story_term"

    story_id: int = Field(foreign_key="story.id", ondelete="CASCADE", primary_key=True)
    term: str = Field(primary_key=True, index=True)


class TermWeight(SQLModel, table=True):
    """How many claims hold a term (as the finder normalises words): the store's word weights.

    Kept up to date in the transaction that stores (or re-extracts) an article's claims; the row of
    the empty term counts the claims themselves. See claimtrack/contradictions/weights.py."""

    __tablename__ = "term_weight"

    term: str = Field(primary_key=True)
    claims: int = 0


class Source(SQLModel, table=True):
    """An article, stored once by the hash of its text; the text never changes after ingestion."""

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True, index=True, description="sha256 of text")
    location: str | None = Field(default=None, description="path or URL it came from")
    doc_id: str | None = Field(default=None, index=True, description="the record id in a JSONL batch")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="publication date as given (ISO when known)")
    ingested_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    format: str = Field(description="text, markdown, html, jsonl or stdin")
    text: str
    story_id: int | None = Field(default=None, foreign_key="story.id", ondelete="SET NULL", index=True)


class Speaker(SQLModel, table=True):
    """A person, organisation or group that makes claims, shared across sources."""

    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, description="canonical name")
    kind: SpeakerKind = Field(default=SpeakerKind.UNKNOWN, sa_type=Vocabulary(SpeakerKind))
    role: str | None = None
    affiliation: str | None = None
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"}, description=VERSION_DESCRIPTION)


class SpeakerAlias(SQLModel, table=True):
    """A surface form under which a speaker was mentioned ("Kirby", "John Kirby", ...)."""

    __table_args__ = (UniqueConstraint("speaker_id", "alias"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", index=True)
    alias: str = Field(index=True)


class Claim(SQLModel, table=True):
    """One attributed claim: its exact words (offsets into the source text), speaker, cue and stance."""

    __table_args__ = (Index("ix_claim_source_start", "source_id", "start"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE", index=True)
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL", index=True)
    speaker_start: int | None = None
    speaker_end: int | None = None
    text: str
    start: int
    end: int
    spans: list[list[int]] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    kind: ClaimKind = Field(default=ClaimKind.DIRECT, sa_type=Vocabulary(ClaimKind))
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    stance: Stance = Field(index=True, sa_type=Vocabulary(Stance))
    confidence: float = 1.0
    rule: str | None = None
    origin: Origin = Field(default=Origin.AUTO, index=True, sa_type=Vocabulary(Origin))
    status: ReviewStatus = Field(default=ReviewStatus.UNREVIEWED, index=True, sa_type=Vocabulary(ReviewStatus))
    verdict: str | None = None
    explanation: str | None = None
    parent_id: int | None = Field(default=None, foreign_key="claim.id", ondelete="SET NULL", index=True)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"}, description=VERSION_DESCRIPTION)


class ClaimRelation(SQLModel, table=True):
    """A link between two claims: a contradiction, a counter-claim, support or a duplicate."""

    __table_args__ = (UniqueConstraint("claim_a_id", "claim_b_id", "kind"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    claim_a_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", index=True)
    claim_b_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", index=True)
    kind: RelationKind = Field(sa_type=Vocabulary(RelationKind))
    score: float = 0.0
    reason: str | None = None
    origin: Origin = Field(default=Origin.AUTO, sa_type=Vocabulary(Origin))
    status: RelationStatus = Field(default=RelationStatus.SUGGESTED, index=True, sa_type=Vocabulary(RelationStatus))
    note: str | None = None
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"}, description=VERSION_DESCRIPTION)


class Revision(SQLModel, table=True):
    """The append-only audit trail of every human change (never updated, never deleted).

    A revision names its row by table (`TableName`) and id: no foreign key, since the row may have
    been removed (its "deleted" revision keeps it) and the log must stay."""

    __table_args__ = (Index("ix_revision_row", "table_name", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    table_name: TableName = Field(sa_type=Vocabulary(TableName))
    row_id: int
    field: str
    old_value: str | None = None
    new_value: str | None = None
    author: str
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    note: str | None = None
    row_version: int | None = Field(default=None, description="the row's version after this change")


# ----------------------------------------------------------------------------- the registry of tables

@dataclass(frozen=True)
class StoreTable:
    """One table of the store, as the revision log, people's messages and the edit checks know it."""

    name: TableName
    model: type[SQLModel]
    one: str  # how a row is named to people: "relation 7"
    many: str  # "12 sources and 340 claims"
    revised: bool = False  # people change its rows, each change a revision (and undo can take it back)
    versioned: bool = False  # its rows carry a `version` raised by every human change

    def __post_init__(self) -> None:
        if self.model.__tablename__ != self.name:
            raise AssertionError(f"{self.model.__name__} is the table {self.model.__tablename__}, not {self.name}")

    @property
    def table(self) -> Table:
        return SQLModel.metadata.tables[self.name]


# In the order people think of them (listings of a store's rows follow it).
TABLES: dict[TableName, StoreTable] = {table.name: table for table in (
    StoreTable(TableName.SOURCE, Source, "source", "sources"),
    StoreTable(TableName.STORY, Story, "story", "stories"),
    StoreTable(TableName.SPEAKER, Speaker, "speaker", "speakers", revised=True, versioned=True),
    StoreTable(TableName.SPEAKER_ALIAS, SpeakerAlias, "speaker alias", "speaker aliases", revised=True),
    StoreTable(TableName.CLAIM, Claim, "claim", "claims", revised=True, versioned=True),
    StoreTable(TableName.RELATION, ClaimRelation, "relation", "relations", revised=True, versioned=True),
    StoreTable(TableName.REVISION, Revision, "revision", "revisions"),
    StoreTable(TableName.TERM_WEIGHT, TermWeight, "word weight", "word weights"),
    StoreTable(TableName.STORY_TERM, StoryTerm, "story term", "story terms"),
)}


def store_table(name: str) -> StoreTable | None:
    """The registry's entry for a table name (None for a name the store does not know)."""
    try:
        return TABLES[TableName(name)]
    except ValueError:
        return None


def row_name(table: str) -> str:
    """ "relation" for claimrelation, and so on (a table's own name when it has none)."""
    known = store_table(table)
    return known.one if known is not None else table


def stored_id(row: Story | Source | Speaker | SpeakerAlias | Claim | ClaimRelation | Revision) -> int:
    """The id of a row the database holds (a new row is given one when it is flushed)."""
    if row.id is None:
        raise ValueError(f"this {type(row).__name__} is not stored yet (flush it first): it has no id")
    return row.id
