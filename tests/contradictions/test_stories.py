"""Stories and word weights: invented articles grouped at ingest, the finder kept to one story, the counts."""
from __future__ import annotations

import itertools
import json

import pytest
from sqlmodel import Session, select

from claimtrack.contradictions.finder import full_pass, suggest_for_claims
from claimtrack.contradictions.terms import load_terms
from claimtrack.contradictions.weights import TOTAL, count_claims, counted_claims, term_weight
from claimtrack.store.database import open_database
from claimtrack.store.models import Source, Story, TermWeight

from .test_finder import DENIAL, DEPLOYMENT, kirby_and_vucic, pairs

# Invented articles: (name, title, text). Two of them tell one story (a border stand-off), two others
# tell others (a harbour ferry strike, a library closing).
BORDER_1 = ("border-1", "Serbia denies troop build-up on Kosovo border",
            "Serbian President Aleksandar Vucic denied on Saturday that Serbian troops were massing on the "
            "border with Kosovo. \"There is no build-up,\" Vucic said in Belgrade. The White House said "
            "Serbia had moved tanks and artillery to the Kosovo border. Kosovo Prime Minister Albin Kurti "
            "said the troops threatened Kosovo.")
BORDER_2 = ("border-2", "White House: Serbian tanks still at Kosovo border",
            "The White House said on Sunday that Serbian tanks and artillery remained on the border with "
            "Kosovo. John Kirby said Serbia had not withdrawn its troops. Vucic said Belgrade had ordered "
            "no build-up and that the troops were on normal duty. Kurti said Kosovo police were on alert.")
FERRY = ("ferry", "Harbour ferry crews strike over rosters",
         "Ferry crews in Port Ellis walked out on Monday over new rosters. Union organiser Mara Quist said "
         "the harbour company had broken its promise on overtime. The harbour company said the rosters "
         "were agreed with the crews in March. Passengers waited for hours at the quay, Quist said.")
LIBRARY = ("library", "Millbrook library to close its doors",
           "Millbrook council said on Tuesday that the town library would close in June to save money. "
           "Librarian Odile Brandt said the library had more readers than ever. The council said visits "
           "had fallen by half since 2019. Brandt said a petition to keep the library had 4,000 names.")
ARTICLES = [BORDER_1, BORDER_2, FERRY, LIBRARY]


def _ingest(run, tmp_path, articles) -> None:
    lines = [json.dumps({"doc_id": name, "title": title, "text": text}) for name, title, text in articles]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("ingest", str(batch)).exit_code == 0


def _stories(db_path) -> dict[str, int | None]:
    engine = open_database(str(db_path))
    try:
        with Session(engine) as session:
            return {doc_id: story for doc_id, story in session.exec(select(Source.doc_id, Source.story_id))
                    if doc_id is not None}
    finally:
        engine.dispose()


@pytest.mark.parametrize("order", [ARTICLES, ARTICLES[::-1], [FERRY, BORDER_2, LIBRARY, BORDER_1]],
                         ids=["in order", "reversed", "mixed"])
def test_two_articles_of_one_story_share_it_and_unrelated_ones_do_not(run, tmp_path, db_path, order):
    _ingest(run, tmp_path, order)
    stories = _stories(db_path)
    assert stories["border-1"] is not None and stories["border-1"] == stories["border-2"]
    for a, b in itertools.combinations(["border-1", "ferry", "library"], 2):
        assert stories[a] != stories[b], (a, b)


def test_sources_show_their_story(run, tmp_path, db_path):
    _ingest(run, tmp_path, ARTICLES)
    listed = json.loads(run("sources", "--format", "json").stdout)
    border = [row for row in listed if row["doc_id"].startswith("border")]
    assert len({row["story_id"] for row in border}) == 1
    assert all(any(name in row["story"] for name in ("kosovo", "serbia", "vucic", "kurti")) for row in border)


def test_a_story_label_leaves_out_what_every_story_holds(run, tmp_path, db_path):
    """A desk's boilerplate (a radio station's name in every article) labels no story: the label is made
    when an article joins, from the stories the desk holds then."""
    tail = "\n\nHeard first on Radio Westmere. More on Radio Westmere tonight."
    articles = [(name, title, text + tail) for name, title, text in (FERRY, LIBRARY, BORDER_1, BORDER_2)]
    _ingest(run, tmp_path, articles)
    listed = json.loads(run("sources", "--format", "json").stdout)
    border = [row for row in listed if row["doc_id"].startswith("border")]
    assert border and all(row["story"].split(" · ")[0] not in ("radio", "westmere") for row in border), border


# ----------------------------------------------------------------------------- the finder keeps to one story

@pytest.mark.parametrize("same_story, expected", [(True, 1), (False, 0)], ids=["one story", "two stories"])
def test_claims_of_two_stories_are_never_paired(store, same_story, expected):
    kirby, vucic = kirby_and_vucic(store)
    monday, tuesday = store.source("Monday"), store.source("Tuesday")
    first, second = Story(label="one"), Story(label="two")
    store.session.add_all([first, second])
    store.session.flush()
    monday.story_id, tuesday.story_id = first.id, (first.id if same_story else second.id)
    store.session.add_all([monday, tuesday])
    store.claim(monday, kirby, DEPLOYMENT)
    denied = store.claim(tuesday, vucic, DENIAL, "denies")
    assert len(suggest_for_claims(store.session, [denied.id])) == expected
    assert len(pairs(full_pass(store.session))) == 0  # already suggested (or never to be)


def test_a_new_article_is_compared_with_sources_not_placed_in_a_story_yet(store):
    """A store from before stories (until `contradictions --rescan` places its sources): the new
    article's claims are searched for in the whole store, as before stories."""
    kirby, vucic = kirby_and_vucic(store)
    old, new = store.source("From an older release"), store.source("Ingested today")
    story = Story(label="today")
    store.session.add(story)
    store.session.flush()
    new.story_id = story.id
    store.session.add(new)
    store.claim(old, kirby, DEPLOYMENT)
    denied = store.claim(new, vucic, DENIAL, "denies")
    assert len(suggest_for_claims(store.session, [denied.id])) == 1


# ----------------------------------------------------------------------------- word weights

def _counts(db_path) -> dict[str, int]:
    engine = open_database(str(db_path))
    try:
        with Session(engine) as session:
            return {row.term: row.claims for row in session.exec(select(TermWeight))}
    finally:
        engine.dispose()


def test_word_weights_count_the_claims_after_ingest_and_again_after_reextract(run, tmp_path, db_path):
    _ingest(run, tmp_path, ARTICLES)
    claims = json.loads(run("claims", "--format", "json").stdout)
    counts = _counts(db_path)
    assert counts[TOTAL] == len(claims) > 0
    holding_quist = sum("Quist" in c["text"] for c in claims)
    assert counts.get("quist", 0) == holding_quist
    assert run("reextract").exit_code == 0
    assert _counts(db_path) == counts  # the same extraction: every count out and in again


@pytest.mark.parametrize("texts, term, expected", [
    (["Troops massed at the border", "Troops left the border", "Bread prices rose"], "border", 2),
    (["Troops massed at the border", "Bread prices rose"], "bread", 1),
    (["Bread prices rose", "Bread prices rose again"], "milk", 0),
], ids=["shared", "once", "absent"])
def test_word_weights_count_claims_and_weigh_rare_terms_more(engine, texts, term, expected):
    terms = load_terms()
    with Session(engine) as session:
        count_claims(session, texts, terms)
        count_claims(session, texts, terms)  # counts add
        stored = {row.term: row.claims for row in session.exec(select(TermWeight))}
        assert stored.get(term, 0) == 2 * expected
        assert counted_claims(session) == 2 * len(texts)
        weights = term_weight(session, [term, "bread"])
        assert weights[term] >= weights["bread"] or expected > 1
        count_claims(session, texts, terms, sign=-1)
        assert counted_claims(session) == len(texts)


def test_a_store_from_before_stories_gets_them_and_its_word_weights_on_rescan(run, tmp_path, db_path):
    import sqlite3

    _ingest(run, tmp_path, ARTICLES)
    counts, stories = _counts(db_path), _stories(db_path)
    with sqlite3.connect(db_path) as db:  # as migration 0006 leaves an older store
        db.execute("UPDATE source SET story_id = NULL")
        db.execute("DELETE FROM story")
        db.execute("DELETE FROM term_weight")
    result = run("contradictions", "--rescan")
    assert result.exit_code == 0 and "Stories: 4 source(s) placed." in result.stderr
    assert _counts(db_path) == counts
    again = _stories(db_path)
    assert again["border-1"] == again["border-2"] and len(set(again.values())) == len(set(stories.values())) == 3


@pytest.mark.parametrize("name", ["White House", "house", "U.S.", "Vučić", "new york", "O'Brien", "Serbia"])
def test_mentions_are_counted_as_a_whole_word_regex_counts_them(name):
    import re

    from claimtrack.contradictions.stories import MentionCounter

    text = ("The White House said; the white house, the White\nHouse and the White-House. HOUSE houses. "
            "U.S. officials, the US. Vučić and VUČIĆ. New York, new  york. O'Brien's O'Brien. Serbian Serbia.")
    expected = len(re.findall(rf"\b{re.escape(name)}\b", text, re.IGNORECASE))
    assert MentionCounter(text).count(name) == expected
