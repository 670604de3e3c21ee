"""The fixture database the report tests export: three articles written for these tests, claims
and suggested relations placed by hand at fixed offsets (so engine changes never churn the golden
files), then human work done through the library (annotate, relate, confirm, dismiss), and every
stored time set to a fixed value.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest.mock import patch

from sqlalchemy.engine import Engine
from sqlmodel import select

from claimtrack.engine.model import Extraction
from claimtrack.ingest.batch import ingest_documents
from claimtrack.ingest.readers import SourceDocument
from claimtrack.review.annotate import add_manual_claim, annotate_claim
from claimtrack.review.relations import add_manual_relation, set_relation_status
from claimtrack.store.database import open_database, session_scope
from claimtrack.store.models import Claim, ClaimRelation, Revision, Source, Speaker
from claimtrack.store.speaker_registry import add_aliases
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "reports" / "articles"
STORED_AT = datetime(2025, 3, 20, 9, 0, tzinfo=UTC)

SOURCES = {
    "council": ("dredging-council.txt", {"title": "Harbour council split over dredging bill",
                                         "outlet": "Vell Courier", "published": "2025-03-03",
                                         "location": "https://courier.example/2025/03/03/dredging"}),
    "revised": ("dredging-revised.txt", {"title": "Dredging costs revised upward", "outlet": "Harbour Radio",
                                         "published": "2025-03-11", "location": "articles/dredging-revised.txt"}),
    "reservoir": ("reservoir-hostile.txt", {"title": '<b>Reservoir</b> safe, says board & "experts"',
                                            "outlet": "The Daily <i>Drip</i>", "published": "2025-03-14",
                                            "location": "javascript:alert(1)"}),
}

SPEAKERS = [  # name, kind, role, affiliation
    ("Lena Okafor", "person", "mayor", "Vell town council"),
    ("Piet Dross", "person", "councillor", None),
    ("Port Authority", "organization", None, None),
    ("Ruth Amari", "person", "water board chair", None),
    ("Tomas Reyl", "person", "opposition member", None),
]

CLAIMS = {  # name: (source, exact words, speaker, stance, kind, cue)
    "okafor_cap": ("council", "will cost the town no more than 4 million euros", "Lena Okafor", "asserts", "direct",
                   "said"),
    "dross_bill": ("council", "The real bill is closer to 9 million euros, and the mayor knows it", "Piet Dross",
                   "asserts", "direct", "told"),
    "port_asked": ("council", "it had been asked to share the cost", "Port Authority", "denies", "indirect", "denied"),
    "port_no_request": ("council", "has received no request from the town, formal or informal.", "Port Authority",
                        "denies", "direct", "said"),
    "okafor_scaring": ("council", "scaring families with invented numbers.", "Lena Okafor", "accuses", "partial",
                       "accused"),
    "okafor_seven": ("revised", "may run to 7 million euros once the silt tests are in.", "Lena Okafor", "admits",
                     "direct", "admitted"),
    "okafor_no_cap": ("revised", "she had ever promised a cap", "Lena Okafor", "denies", "indirect", "denied"),
    "port_wrote": ("revised", "it had written to the town in March asking to discuss cost sharing", None, "asserts",
                   "indirect", "said"),
    "amari_full": ("reservoir", '=HYPERLINK(""http://evil.example"";""the reservoir"") is full', "Ruth Amari",
                   "asserts", "direct", "said"),
    "reyl_unsafe": ("reservoir", "-the water is not safe <img src=x onerror=alert(1)> at all", "Tomas Reyl",
                    "asserts", "direct", "said"),
    "amari_samples": ("reservoir", "@all not a single sample [failed](javascript:alert(1)) this year.", "Ruth Amari",
                      "denies", "direct", "denied"),
}

SUGGESTED = [  # claim a, kind, claim b, score, reason (as the contradiction finder would write them)
    ("okafor_cap", "contradicts", "dross_bill", 0.82, "numbers: 4 million vs 9 million euros for the dredging bill"),
    ("okafor_cap", "contradicts", "okafor_seven", 0.74,
     "numbers: 4 million vs 7 million euros; same speaker, 2025-03-03 vs 2025-03-11"),
    ("okafor_scaring", "counters", "dross_bill", 0.61, "counter-claim: accusation answered by a figure"),
    ("amari_full", "contradicts", "reyl_unsafe", 0.7, "opposite commitment: water, safe <script>alert(3)</script>"),
    ("port_no_request", "supports", "port_asked", 0.66, "same matter: request, cost, town"),
]


@dataclass
class Fixture:
    engine: Engine
    claims: dict[str, int]  # claim name -> id
    relations: dict[tuple[str, str, str], int]  # (a, kind, b) -> id
    sources: dict[str, int]


def source_documents(names=tuple(SOURCES)) -> list[SourceDocument]:
    documents = []
    for name in names:
        filename, facts = SOURCES[name]
        text = (ARTICLES / filename).read_text(encoding="utf-8")
        documents.append(SourceDocument(text=text, format="text", **facts))
    return documents


def ingest_sources(engine: Engine, names=tuple(SOURCES)) -> dict[str, int]:
    """Store the articles through the library, with an engine that finds nothing (claims come next)."""
    with patch("claimtrack.ingest.prepare.extract", return_value=Extraction()):
        report = ingest_documents(engine, source_documents(names))
    assert report.ok and len(report.added) == len(names)
    return dict(zip(names, (source_id for _, source_id in report.added), strict=True))


def place_engine_work(engine: Engine, sources: dict[str, int]) -> tuple[dict[str, int], dict[tuple, int]]:
    """Speakers, automatic claims and suggested relations, as the engine and finder would store them."""
    with session_scope(engine) as session:
        speakers = {}
        for name, kind, role, affiliation in SPEAKERS:
            speaker = Speaker(name=name, kind=kind, role=role, affiliation=affiliation)
            session.add(speaker)
            session.flush()
            add_aliases(session, speaker, {name, name.split()[-1]})
            speakers[name] = speaker.id
        claims = {}
        for name, (source, words, speaker, stance, kind, cue) in CLAIMS.items():
            if source not in sources:
                continue
            text = session.get(Source, sources[source]).text
            start = text.index(words)
            cue_start = text.rfind(cue, 0, start) if cue in text[:start] else text.index(cue, start)
            claim = Claim(source_id=sources[source], speaker_id=speakers.get(speaker), text=words, start=start,
                          end=start + len(words), kind=kind, cue=cue, cue_start=cue_start,
                          cue_end=cue_start + len(cue), stance=stance, confidence=0.9, rule="fixture rule")
            session.add(claim)
            session.flush()
            claims[name] = claim.id
        relations = {}
        for a, kind, b, score, reason in SUGGESTED:
            if a in claims and b in claims:
                relation = ClaimRelation(claim_a_id=claims[a], claim_b_id=claims[b], kind=kind, score=score,
                                         reason=reason)
                session.add(relation)
                session.flush()
                relations[(a, kind, b)] = relation.id
    return claims, relations


def do_human_work(engine: Engine, claims: dict[str, int], relations: dict[tuple, int], sources: dict[str, int]) -> None:
    """Two fact-checkers at work: verdicts, a confirmed and a dismissed suggestion, relations and a claim by hand."""
    with session_scope(engine) as session:
        annotate_claim(session, claims["okafor_cap"], author="ana", note="checked the tender", status="confirmed",
                       verdict="Mostly false", explanation="The tender documents put the cost at 6.8 million euros.")
        set_relation_status(session, relations[("okafor_cap", "contradicts", "dross_bill")], "confirmed",
                            author="ben", note="Both figures refer to the same contract.")
        set_relation_status(session, relations[("okafor_scaring", "counters", "dross_bill")], "dismissed",
                            author="ana", note="An accusation about tone, not about the figure.")
        annotate_claim(session, claims["port_wrote"], author="ben", speaker="Port Authority",
                       note="The spokeswoman confirmed it by phone.")
        add_manual_relation(session, claims["okafor_no_cap"], claims["okafor_cap"], "contradicts", author="ana",
                            note="She did promise a cap on 3 March.")
        text = session.get(Source, sources["revised"]).text
        words = "cleaner than expected, which should lower the bill."
        start = text.index(words)
        lab = add_manual_claim(session, source_id=sources["revised"], start=start, end=start + len(words),
                               author="ana", speaker="Silt Lab", new_speaker=True, note="the engine missed it")
        annotate_claim(session, claims["okafor_scaring"], author="ben", stance="alleges")
        annotate_claim(session, claims["amari_full"], author="ana", verdict="False",
                       explanation="Board minutes show the level at <b>61%</b>.")
        annotate_claim(session, claims["port_asked"], author="ben", note="The spokeswoman is Marit Sande.")
        annotate_claim(session, claims["port_no_request"], author="ana", verdict="Unproven")
        set_relation_status(session, relations[("amari_full", "contradicts", "reyl_unsafe")], "suggested",
                            author="ben", note="<script>alert(2)</script> needs a second look")
        annotate_claim(session, claims["reyl_unsafe"], author="ben", status="rejected")
        annotate_claim(session, lab.id, author="ben", status="confirmed")
        claims["lab_cleaner"] = lab.id


def fix_times(engine: Engine) -> None:
    """Every stored time to a fixed value; revisions a minute apart, in the order they were made."""
    with session_scope(engine) as session:
        for model, fields in ((Source, ("ingested_at",)), (Speaker, ("created_at",)),
                              (Claim, ("created_at", "updated_at")), (ClaimRelation, ("created_at", "updated_at"))):
            for row in session.exec(select(model)).all():
                for name in fields:
                    setattr(row, name, STORED_AT)
                session.add(row)
        for revision in session.exec(select(Revision)).all():
            revision.created_at = STORED_AT + timedelta(minutes=revision.id)
            session.add(revision)


def build_fixture(path: Path, *, engine_work: bool = True, human_work: bool = True,
                  sources: tuple[str, ...] = tuple(SOURCES)) -> Fixture:
    engine = open_database(str(path))
    source_ids = ingest_sources(engine, sources)
    claims, relations = place_engine_work(engine, source_ids) if engine_work else ({}, {})
    if human_work:
        do_human_work(engine, claims, relations, source_ids)
    fix_times(engine)
    return Fixture(engine, claims, {key: value for key, value in relations.items()}, source_ids)
