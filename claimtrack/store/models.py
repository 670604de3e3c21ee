"""The store's tables (SQLModel). Alembic owns the schema: see claimtrack/store/migrations.

Rows that people can remove and that revisions name (speakers, aliases, claims, relations) have
ids that are never given out again (`sqlite_autoincrement`; PostgreSQL's sequences do that anyway),
so a new row never takes a removed row's history: see migration 0005.

Enumerated fields are stored as plain strings holding the values of the enums in
`claimtrack.vocabulary`; the service functions validate them before they are written.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from claimtrack.vocabulary import ClaimKind, Origin, RelationStatus, ReviewStatus, SpeakerKind


# How a table's rows are named to people ("12 sources and 340 claims", "relation 7"): singular, plural.
ROW_NAMES = {
    "source": ("source", "sources"),
    "speaker": ("speaker", "speakers"),
    "speakeralias": ("speaker alias", "speaker aliases"),
    "claim": ("claim", "claims"),
    "claimrelation": ("relation", "relations"),
    "revision": ("revision", "revisions"),
}


def row_name(table: str) -> str:
    """ "relation" for claimrelation, and so on (a table's own name when it has none)."""
    return ROW_NAMES.get(table, (table,))[0]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Source(SQLModel, table=True):
    """An article, stored once by the hash of its text; the text never changes after ingestion."""

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True, index=True, description="sha256 of text")
    location: str | None = Field(default=None, description="path or URL it came from")
    doc_id: str | None = Field(default=None, index=True, description="the record id in a JSONL batch")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="publication date as given (ISO when known)")
    ingested_at: datetime = Field(default_factory=utc_now)
    format: str = Field(description="text, markdown, html, jsonl or stdin")
    text: str


class Speaker(SQLModel, table=True):
    """A person, organisation or group that makes claims, shared across sources."""

    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, description="canonical name")
    kind: str = Field(default=SpeakerKind.UNKNOWN.value)
    role: str | None = None
    affiliation: str | None = None
    created_at: datetime = Field(default_factory=utc_now)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"},
                         description="raised by every human change: the optimistic check against lost edits")


class SpeakerAlias(SQLModel, table=True):
    """A surface form under which a speaker was mentioned ("Kirby", "John Kirby", ...)."""

    __table_args__ = (UniqueConstraint("speaker_id", "alias"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(
        sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    alias: str = Field(index=True)


class Claim(SQLModel, table=True):
    """One attributed claim: its exact words (offsets into the source text), speaker, cue and stance."""

    __table_args__ = (Index("ix_claim_source_start", "source_id", "start"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(
        sa_column=Column(Integer, ForeignKey("source.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    speaker_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="SET NULL"), nullable=True, index=True),
    )
    speaker_start: int | None = None
    speaker_end: int | None = None
    text: str
    start: int
    end: int
    spans: list[list[int]] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    kind: str = Field(default=ClaimKind.DIRECT.value)
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    stance: str = Field(index=True)
    confidence: float = 1.0
    rule: str | None = None
    origin: str = Field(default=Origin.AUTO.value, index=True)
    status: str = Field(default=ReviewStatus.UNREVIEWED.value, index=True)
    verdict: str | None = None
    explanation: str | None = None
    parent_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("claim.id", ondelete="SET NULL"), nullable=True, index=True),
    )
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"},
                         description="raised by every human change: the optimistic check against lost edits")


class ClaimRelation(SQLModel, table=True):
    """A link between two claims: a contradiction, a counter-claim, support or a duplicate."""

    __table_args__ = (UniqueConstraint("claim_a_id", "claim_b_id", "kind"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    claim_a_id: int = Field(
        sa_column=Column(Integer, ForeignKey("claim.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    claim_b_id: int = Field(
        sa_column=Column(Integer, ForeignKey("claim.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    kind: str
    score: float = 0.0
    reason: str | None = None
    origin: str = Field(default=Origin.AUTO.value)
    status: str = Field(default=RelationStatus.SUGGESTED.value, index=True)
    note: str | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"},
                         description="raised by every human change: the optimistic check against lost edits")


class Revision(SQLModel, table=True):
    """The append-only audit trail of every human change (never updated, never deleted)."""

    __table_args__ = (Index("ix_revision_row", "table_name", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    table_name: str
    row_id: int
    field: str
    old_value: str | None = None
    new_value: str | None = None
    author: str
    created_at: datetime = Field(default_factory=utc_now)
    note: str | None = None
    row_version: int | None = Field(default=None, description="the row's version after this change")
