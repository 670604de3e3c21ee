"""Which speakers are the same entity across articles, and which belong to one article only."""
from __future__ import annotations

import pytest
from sqlmodel import Session

from claimtrack.engine.model import SpeakerEntity
from claimtrack.store.database import open_database
from claimtrack.store.models import Source
from claimtrack.store.speaker_registry import is_description, persons_body, stored_name, upsert_speaker
from claimtrack.vocabulary import SpeakerKind


@pytest.mark.parametrize("name, description", [
    ("his lawyer", True), ("The union spokeswoman", True), ("A spokeswoman for the nurses' union", True),
    ("International observers", True), ("Officials", True), ("a member of a major party", True),
    ("White House", False), ("Jens Stoltenberg", False), ("Serbia", False), ("Kosovo's government", False),
    ("The Guardian", False), ("Lord Chancellor", True), ("Home Secretary", True), ("Lord Falworth", False),
])
def test_names_and_descriptions(name, description):
    assert is_description(name) is description


@pytest.mark.parametrize("name, body", [
    ("Ruth Calloway’s campaign", "Calloway campaign"), ("the Calloway campaign", "Calloway campaign"),
    ("The Okafor team", "Okafor team"), ("the Okafor administration", "Okafor administration"),
    ("the White House team", None), ("the Labour campaign", None), ("campaign", None),
])
def test_a_persons_campaign_is_one_body_named_by_the_surname(name, body):
    assert persons_body(name) == body
    assert is_description(name) is (body is None)


def test_descriptions_stay_with_their_article_and_names_are_shared(tmp_path):
    engine = open_database(str(tmp_path / "s.db"))
    with Session(engine) as session:
        lawyer_1 = upsert_speaker(session, SpeakerEntity("his lawyer", SpeakerKind.PERSON, role="lawyer"), 1)
        lawyer_2 = upsert_speaker(session, SpeakerEntity("his lawyer", SpeakerKind.PERSON, role="lawyer"), 2)
        assert lawyer_1.id != lawyer_2.id and lawyer_1.name == "his lawyer (source 1)"
        full = upsert_speaker(session, SpeakerEntity("Aleksandar Vucic", SpeakerKind.PERSON,
                                                     aliases=("Vucic", "Serbian President Aleksandar Vucic")), 1)
        short = upsert_speaker(session, SpeakerEntity("Vucic", SpeakerKind.PERSON), 2)
        assert short.id == full.id
        other = upsert_speaker(session, SpeakerEntity("Jane Smith", SpeakerKind.PERSON, aliases=("Smith",)), 3)
        john = upsert_speaker(session, SpeakerEntity("John Smith", SpeakerKind.PERSON, aliases=("Smith",)), 4)
        assert john.id != other.id
        he = upsert_speaker(session, SpeakerEntity("Tom Reed", SpeakerKind.PERSON, aliases=("he", "Reed")), 5)
        session.commit()
        from claimtrack.queries.claims import list_speakers

        aliases = {row.speaker.name: row.aliases for row in list_speakers(session)}
        assert "he" not in aliases[he.name] and "Reed" in aliases[he.name]


@pytest.mark.parametrize("name, aliases, stored", [
    ("Oona Kingsley King", ("Oona Kingsley King", "Ms King"), "Oona Kingsley King"),  # called "Ms King": a name
    ("Charlie King", ("Charlie King",), "Charlie King"),  # a known first name
    ("Home Secretary", ("the Home Secretary",), "Home Secretary (source 7)"),  # an office
    ("Oona King", ("Oona King",), "Oona King (source 7)"),  # nothing says it is a name: kept to its article
])
def test_a_surname_that_is_an_office_word(name, aliases, stored):
    entity = SpeakerEntity(name=name, kind=SpeakerKind.PERSON, aliases=aliases)
    assert stored_name(entity, 7) == stored


def test_a_description_kept_to_one_article_is_no_match_for_a_name_in_another(tmp_path):
    """"British government (source 1)", also written "British Government" there, does not take the
    British Government of another article: what a description stood for is its article's business."""
    engine = open_database(str(tmp_path / "s.db"))
    with Session(engine) as session:
        described = upsert_speaker(session, SpeakerEntity(
            "British government", SpeakerKind.ORGANIZATION, aliases=("British Government",)), 1)
        assert described.name == "British government (source 1)"
        named = upsert_speaker(session, SpeakerEntity("British Government", SpeakerKind.ORGANIZATION), 2)
        assert named.id != described.id and named.name == "British Government"


def test_an_indefinite_description_is_no_named_holder(tmp_path):
    """"A Harbour Party spokesman" is someone unnamed, though the article names the party's spokesman."""
    engine = open_database(str(tmp_path / "s.db"))
    with Session(engine) as session:
        session.add(Source(id=1, title="t", text="Harbour Party spokesman Tom Vale said so. A Harbour Party "
                                                  "spokesman said otherwise.", content_hash="h1", format="text"))
        session.flush()
        vale = upsert_speaker(session, SpeakerEntity("Tom Vale", SpeakerKind.PERSON, role="spokesman",
                                                     affiliation="Harbour Party",
                                                     aliases=("Harbour Party spokesman Tom Vale",)), 1)
        someone = upsert_speaker(session, SpeakerEntity("A Harbour Party spokesman", SpeakerKind.PERSON,
                                                        role="spokesman", affiliation="Harbour Party"), 1)
        assert someone.id != vale.id and someone.name == "A Harbour Party spokesman (source 1)"
        the = upsert_speaker(session, SpeakerEntity("the Harbour Party spokesman", SpeakerKind.PERSON,
                                                    role="spokesman", affiliation="Harbour Party"), 1)
        assert the.id == vale.id
