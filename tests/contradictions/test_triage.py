"""The triage queue's filter line and what it selects: speaker, source, story, kind, score, status, sort,
the total, and dismissing every suggestion of one claim (never a confirmed pair)."""
from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.errors import ClaimtrackError
from claimtrack.queries.contradictions import count_relations, list_relations
from claimtrack.queries.triage import TO_JUDGE, TriageQuery, parse_triage
from claimtrack.review.relations import dismiss_suggestions_of
from claimtrack.store.models import ClaimRelation, Revision, Story


@pytest.mark.parametrize("line, expected", [
    ("", TO_JUDGE),
    ("speaker:Blair", TriageQuery(speaker="Blair")),
    ("speaker:'Tony Blair' sort:date", TriageQuery(speaker="Tony Blair", sort="date")),
    ("Tony Blair", TriageQuery(speaker="Tony Blair")),
    ("source:12 story:#3", TriageQuery(source_id=12, story_id=3)),
    ("KIND:Counters score:0.6 status:ALL", TriageQuery(kind="counters", min_score=0.6, status="all")),
    ("status:dismissed sort:speaker", TriageQuery(status="dismissed", sort="speaker")),
])
def test_a_filter_line_reads_as_a_query_and_writes_back(line, expected):
    query = parse_triage(line)
    assert query == expected
    assert parse_triage(query.text()) == query  # what the filter line shows reads back the same


@pytest.mark.parametrize("line, says", [
    ("colour:red", "no such key"),
    ("status:maybe", "not one of suggested, confirmed, dismissed, all"),
    ("kind:agrees", "not one of"),
    ("score:nan", "from 0 to 1"),
    ("score:1.5", "from 0 to 1"),
    ("source:0", "by its number"),
    ("story:three", "by its number"),
    ("sort:", "say what sort to show"),
    ("speaker:'Tony Blair", "filter"),
    ("speaker:Blair Brown", "not a key:value term"),
])
def test_a_filter_line_it_cannot_read_says_why_in_one_line(line, says):
    with pytest.raises(ClaimtrackError) as raised:
        parse_triage(line)
    assert says in str(raised.value) and "\n" not in str(raised.value)


@pytest.fixture
def desk(store):
    """Two stories: Roe against Blake on the harbour (two articles), Okafor against Marsh on schools."""
    session = store.session
    harbour, schools = Story(label="harbour"), Story(label="schools")
    session.add_all([harbour, schools])
    session.flush()
    first = store.source("Harbour sale", published="2024-03-01")
    later = store.source("Harbour sale, again", published="2024-03-09")
    other = store.source("Schools", published="2024-02-01")
    first.story_id = later.story_id = harbour.id
    other.story_id = schools.id
    roe, blake = store.speaker("Jane Roe"), store.speaker("Tom Blake")
    okafor, marsh = store.speaker("Ada Okafor"), store.speaker("Lena Marsh")
    claims = {
        "roe": store.claim(first, roe, "the port was sold in secret", "alleges"),
        "blake": store.claim(first, blake, "the port was never sold", "denies"),
        "blake_later": store.claim(later, blake, "no sale took place", "denies"),
        "okafor": store.claim(other, okafor, "schools will close", "warns"),
        "marsh": store.claim(other, marsh, "no school will close", "denies"),
    }
    relations = {
        "harbour": ClaimRelation(claim_a_id=claims["roe"].id, claim_b_id=claims["blake"].id, kind="contradicts",
                                 score=0.9, reason="r"),
        "harbour_later": ClaimRelation(claim_a_id=claims["roe"].id, claim_b_id=claims["blake_later"].id,
                                       kind="counters", score=0.5, reason="r"),
        "schools": ClaimRelation(claim_a_id=claims["okafor"].id, claim_b_id=claims["marsh"].id, kind="contradicts",
                                 score=0.7, reason="r"),
        "confirmed": ClaimRelation(claim_a_id=claims["roe"].id, claim_b_id=claims["marsh"].id, kind="contradicts",
                                   score=0.4, reason="r", status="confirmed"),
    }
    session.add_all(relations.values())
    session.flush()
    return session, {**claims, "harbour_story": harbour, "schools_story": schools, "later_source": later}, relations


def _shown(session, query: TriageQuery, relations) -> list[str]:
    names = {relation.id: name for name, relation in relations.items()}
    rows = list_relations(session, query.relation_filter())
    assert count_relations(session, query.relation_filter()) == len(rows)
    return [names[row.relation.id] for row in rows]


def test_the_queue_selects_by_speaker_source_story_kind_score_and_status(desk):
    session, made, relations = desk
    assert _shown(session, TO_JUDGE, relations) == ["harbour", "schools", "harbour_later"]  # strongest first
    assert _shown(session, parse_triage("speaker:Marsh status:all"), relations) == ["schools", "confirmed"]
    assert _shown(session, TriageQuery(source_id=made["later_source"].id), relations) == ["harbour_later"]
    assert _shown(session, TriageQuery(story_id=made["harbour_story"].id), relations) == ["harbour", "harbour_later"]
    assert _shown(session, parse_triage("kind:counters"), relations) == ["harbour_later"]
    assert _shown(session, parse_triage("score:0.6"), relations) == ["harbour", "schools"]
    assert _shown(session, parse_triage("status:confirmed"), relations) == ["confirmed"]
    assert _shown(session, parse_triage("sort:date"), relations) == ["harbour_later", "harbour", "schools"]
    assert _shown(session, parse_triage("sort:speaker"), relations) == ["schools", "harbour", "harbour_later"]
    with pytest.raises(ClaimtrackError, match="speaker"):
        _shown(session, parse_triage("speaker:Nobody"), relations)


def test_dismissing_every_suggestion_of_a_claim_leaves_confirmed_pairs_and_logs_each(desk):
    session, made, relations = desk
    dismissed = dismiss_suggestions_of(session, made["roe"].id, author="tester")
    assert {r.id for r in dismissed} == {relations["harbour"].id, relations["harbour_later"].id}
    assert relations["confirmed"].status == "confirmed" and relations["schools"].status == "suggested"
    logged = session.exec(select(Revision.row_id, Revision.new_value).where(Revision.table_name == "claimrelation"))
    assert sorted(logged.all()) == sorted((r.id, "dismissed") for r in dismissed)
    assert dismiss_suggestions_of(session, made["roe"].id, author="tester") == []  # nothing left to dismiss
    with pytest.raises(ClaimtrackError, match="no such claim"):
        dismiss_suggestions_of(session, 10_000, author="tester")


def test_a_speaker_s_timeline_is_in_date_order_with_its_contradictions_marked(desk):
    from claimtrack.queries.timeline import count_speaker_claims, speaker_timeline

    session, made, relations = desk
    blake = made["blake"].speaker_id
    undated = made["blake"].source_id
    session.add(ClaimRelation(claim_a_id=made["blake"].id, claim_b_id=made["blake_later"].id, kind="contradicts",
                              score=0.5, reason="r"))
    made["later_source"].published = "2024-02-20"  # now older than the first article
    first_source = session.get(type(made["later_source"]), undated)
    first_source.published = None  # and the first one undated: last
    session.flush()
    rows = speaker_timeline(session, blake)
    assert [row.claim.id for row in rows] == [made["blake_later"].id, made["blake"].id]
    assert [(row.contradicted, row.self_contradicted) for row in rows] == [(1, 1), (1, 1)]
    relations["harbour"].status = "dismissed"  # a dismissed pair is no mark
    session.flush()
    assert [(r.contradicted, r.self_contradicted) for r in speaker_timeline(session, blake)] == [(1, 1), (0, 1)]
    assert count_speaker_claims(session, blake) == (2, 2)
