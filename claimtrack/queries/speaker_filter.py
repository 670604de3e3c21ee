"""The speaker filter (`claims --speaker`, `contradictions --speaker`, `export --speaker`, the TUI's
speaker box): one speaker, given by id or by a name or alias that only it goes by.

Never a substring over every alias: "Blair" must not show Tony Blair's and Sir Ian Blair's claims
as one list. An ambiguous name is refused with the candidates listed; an unknown one with the
speakers whose names contain it, as suggestions.
"""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from claimtrack.display import clip
from claimtrack.errors import ClaimtrackError
from claimtrack.store.models import Claim, Speaker, SpeakerAlias

SHOWN_CANDIDATES = 8


class SpeakerNotFound(ClaimtrackError):
    """The filter's text names no speaker, or several."""


def _listed(session: Session, ids: list[int]) -> str:
    counts = dict(session.exec(select(Claim.speaker_id, func.count(col(Claim.id)))
                               .where(col(Claim.speaker_id).in_(ids)).group_by(col(Claim.speaker_id))).all())
    speakers = sorted(session.exec(select(Speaker).where(col(Speaker.id).in_(ids))).all(),
                      key=lambda s: (-counts.get(s.id, 0), s.name))
    shown = [f"{s.id} {clip(s.name, 60)} ({counts.get(s.id, 0)} claims)" for s in speakers[:SHOWN_CANDIDATES]]
    more = len(speakers) - SHOWN_CANDIDATES
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def one_speaker_id(session: Session, text: str) -> int:
    """The id of the one speaker *text* names: an id ("12", "#12"), else the canonical name, else an
    alias held by that speaker alone, else a surname only one speaker's name ends with
    (case-insensitive). Raises SpeakerNotFound otherwise ("Blair" for Tony and Sir Ian Blair)."""
    wanted = text.strip()
    number = wanted.removeprefix("#")
    if number.isdigit():
        speaker = session.get(Speaker, int(number))
        if speaker is None or speaker.id is None:
            raise SpeakerNotFound(f"no speaker with id {number}")
        return speaker.id
    low = wanted.lower()
    by_name = session.exec(select(Speaker.id).where(func.lower(Speaker.name) == low)).all()
    if len(by_name) == 1 and by_name[0] is not None:
        return by_name[0]
    by_alias = [i for i in session.exec(select(SpeakerAlias.speaker_id).where(func.lower(SpeakerAlias.alias) == low)
                                        .distinct()).all() if i is not None]
    if len(by_alias) == 1:
        return by_alias[0]
    if not by_alias and " " not in low:  # a surname: "stoltenberg" is Jens Stoltenberg, if he is the only one
        by_alias = [i for i in session.exec(select(Speaker.id).where(
            func.lower(Speaker.name).endswith(f" {low}", autoescape=True)).limit(50)).all() if i is not None]
        if len(by_alias) == 1:
            return by_alias[0]
    if by_alias:
        raise SpeakerNotFound(f"speaker {clip(wanted, 60)!r} is ambiguous: {_listed(session, by_alias)}; "
                              "give the id instead")
    part = low  # autoescape: "%" and "_" are letters of a name, not LIKE wildcards
    near = session.exec(select(Speaker.id).where(func.lower(Speaker.name).contains(part, autoescape=True))
                        .limit(50)).all()
    hint = f"; did you mean: {_listed(session, [i for i in near if i is not None])}" if near else ""
    raise SpeakerNotFound(f"no speaker named {clip(wanted, 60)!r}{hint}")
