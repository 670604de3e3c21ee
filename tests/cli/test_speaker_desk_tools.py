"""Who is who, through the CLI (issue 12): names merged across articles, the speaker filter selecting one
speaker, the likely duplicates with reasons, and a person's merge and split remembered by new articles
and by `reextract`. Articles written for the project."""
from __future__ import annotations

import json

import pytest

from tests.cli.test_hostile_arguments import one_line_error

ARTICLES = {
    "budget.txt": ("Chancellor Leonard Okafor unveiled the budget on Tuesday.\n\n"
                   '"This budget protects the lowest paid," Mr Okafor said.\n\n'
                   'Shadow chancellor Ruth Calloway said: "The sums do not add up."'),
    "reply.txt": ('"The figures were audited twice," Len Okafor said on Wednesday.\n\n'
                  'The Tories said the audit was "a fig leaf".'),
    "party.txt": ('The Conservatives said: "We will publish our own costings."\n\n'
                  'Tory spokesman Ian Barlow told reporters: "Our plan is fully funded."'),
    "police.txt": ('Police chief Sir Ian Barlow said: "Crime fell last year."\n\n'
                   '"We need more officers," Sir Ian added.'),
    "sister.txt": 'Grace Okafor, a teacher, said: "My brother works too hard."',
    "bare.txt": 'Okafor insisted: "The deficit will fall."',
    "minister.txt": '"Growth will return next year," the finance minister said.',
}


@pytest.fixture
def desk(tmp_path, run):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "desk.db")
    assert run("ingest", str(folder), db=db).exit_code == 0
    return db


def speakers(run, db) -> dict[str, dict]:
    return {s["name"]: s for s in json.loads(run("speakers", "--format", "json", db=db).stdout)}


def claims(run, db, *args) -> list[dict]:
    result = run("claims", "--format", "json", *args, db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_one_person_and_one_party_across_articles(desk, run):
    known = speakers(run, desk)
    assert "Len Okafor" not in known and known["Leonard Okafor"]["claims"] == 2  # a nickname, one person
    party = known["Conservative Party"]
    assert party["kind"] == "organization" and {"The Tories", "The Conservatives"} <= set(party["aliases"])
    assert "Ian Barlow" in known  # the Tory spokesman and the police chief share a name: the desk decides


def test_the_speaker_filter_selects_one_speaker(desk, run):
    okafor = speakers(run, desk)["Leonard Okafor"]
    by_name = claims(run, desk, "--speaker", "leonard okafor")
    assert len(by_name) == 2 and {c["speaker"] for c in by_name} == {"Leonard Okafor"}
    assert claims(run, desk, "--speaker", str(okafor["id"])) == by_name
    assert claims(run, desk, "--speaker", "Len Okafor") == by_name  # an alias only he goes by
    part = run("claims", "--speaker", "Okaf", db=desk)  # part of a name: refused, with a suggestion
    assert part.exit_code == 1 and "did you mean: " in one_line_error(part) and "Leonard Okafor" in part.stderr


def test_an_alias_on_two_speakers_is_refused_with_the_candidates(desk, run, tmp_path):
    known = speakers(run, desk)
    other = run("annotate", str(claims(run, desk, "--search", "crime fell")[0]["id"]), "--speaker",
                "Ian Barlow (police)", "--new-speaker", db=desk)
    assert other.exit_code == 0, other.output
    police = speakers(run, desk)["Ian Barlow (police)"]
    from claimtrack.store.database import open_database, session_scope
    from claimtrack.store.models import SpeakerAlias

    engine = open_database(desk)
    with session_scope(engine) as session:  # a person gives both the same alias
        session.add(SpeakerAlias(speaker_id=police["id"], alias="Mr Barlow"))
        session.add(SpeakerAlias(speaker_id=known["Ian Barlow"]["id"], alias="Mr Barlow"))
    engine.dispose()
    refused = run("claims", "--speaker", "mr barlow", db=desk)
    error = one_line_error(refused)
    assert refused.exit_code == 1 and "ambiguous" in error
    assert f"{police['id']} Ian Barlow (police)" in error and f"{known['Ian Barlow']['id']} Ian Barlow" in error
    assert run("contradictions", "--speaker", "mr barlow", db=desk).exit_code == 1
    assert run("annotate", "1", "--speaker", "Mr Barlow", db=desk).exit_code == 1  # never a guess


def test_suggested_merges_then_a_merge_remembered_by_reextract(desk, run):
    result = run("speakers", "--suggest-merges", "--format", "json", db=desk)
    assert result.exit_code == 0, result.output
    suggested = {(s["keep"], s["other"]): s for s in json.loads(result.stdout)}
    bare = suggested[("Leonard Okafor", "Okafor")]  # two Okafors stored: the bare surname is not merged alone
    assert bare["reason"] == "surname" and "'Okafor' is the surname of 'Leonard Okafor'" in bare["detail"]
    assert ("Grace Okafor", "Okafor") in suggested or ("Okafor", "Grace Okafor") in suggested
    known = speakers(run, desk)
    minister = next(name for name in known if name.startswith("the finance minister (source"))
    merged = run("speakers", "merge", str(bare["keep_id"]), str(bare["other_id"]), str(known[minister]["id"]),
                 db=desk)
    assert merged.exit_code == 0 and merged.stdout.count("merged into") == 2, merged.output
    deficit = claims(run, desk, "--search", "deficit")
    assert [c["speaker"] for c in deficit] == ["Leonard Okafor"]
    assert run("reextract", db=desk).exit_code == 0  # the engine runs again: the merges hold
    after = speakers(run, desk)
    assert "Okafor" not in after and minister not in after
    assert [c["speaker"] for c in claims(run, desk, "--search", "deficit")] == ["Leonard Okafor"]
    assert [c["speaker"] for c in claims(run, desk, "--search", "growth")] == ["Leonard Okafor"]
    assert run("speakers", "merge", "1", "1", db=desk).exit_code == 2  # kept and merged at once: a usage error


def test_split_moves_an_alias_and_its_claims(desk, run):
    known = speakers(run, desk)
    barlow = known["Ian Barlow"]
    alias = "Police chief Sir Ian Barlow"  # one name, two men: the Tory spokesman and the police chief
    assert alias in barlow["aliases"]
    moved = run("speakers", "split", str(barlow["id"]), alias, "--to", "Sir Ian Barlow (police)", "--new-speaker",
                db=desk)
    assert moved.exit_code == 0 and "1 claim(s) moved" in moved.stdout, moved.output
    after = speakers(run, desk)
    assert alias in after["Sir Ian Barlow (police)"]["aliases"] and alias not in after["Ian Barlow"]["aliases"]
    assert [c["speaker"] for c in claims(run, desk, "--search", "crime fell")] == ["Sir Ian Barlow (police)"]
    assert run("speakers", "split", str(barlow["id"]), "No Such Alias", "--to", "x", db=desk).exit_code == 1


@pytest.mark.parametrize("order", [("a.txt", "b.txt"), ("b.txt", "a.txt")])
def test_a_description_reaches_its_holder_whatever_the_order(run, tmp_path, order):
    texts = {"a.txt": 'Mr Okafor arrived late.\n\n"Growth will return," the finance minister said.',
             "b.txt": 'Finance Minister Leonard Okafor said: "Taxes will not rise."'}
    db = str(tmp_path / "desk.db")
    for name in order:  # two ingest runs, one article each
        path = tmp_path / name
        path.write_text(texts[name], encoding="utf-8")
        assert run("ingest", str(path), db=db).exit_code == 0
    assert [c["speaker"] for c in claims(run, db, "--search", "growth")] == ["Leonard Okafor"]
    assert not any(name.startswith("the finance minister") for name in speakers(run, db))


def test_a_description_reaches_a_holder_whose_office_an_article_named_in_a_title(run, tmp_path):
    """The stored role is the first one met ("Education Secretary"); a later title ("Home Secretary
    Leonard Okafor", kept as an alias) is his office too, so "the home secretary" of an article that
    names him is he."""
    texts = {"a.txt": 'Education Secretary Leonard Okafor said: "Schools will reopen."',
             "b.txt": 'Home Secretary Leonard Okafor said: "Crime is falling."',
             "c.txt": 'Mr Okafor arrived late.\n\n"Prisons are full," the home secretary said.'}
    db = str(tmp_path / "desk.db")
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert run("ingest", str(tmp_path / name), db=db).exit_code == 0
    assert [c["speaker"] for c in claims(run, db, "--search", "prisons")] == ["Leonard Okafor"]


def test_a_description_a_person_moved_is_left_where_they_put_it(run, tmp_path):
    db = str(tmp_path / "desk.db")
    first = tmp_path / "a.txt"
    first.write_text('Mr Okafor arrived late.\n\n"Growth will return," the finance minister said.', encoding="utf-8")
    assert run("ingest", str(first), db=db).exit_code == 0
    growth = claims(run, db, "--search", "growth")[0]
    assert run("annotate", str(growth["id"]), "--speaker", "Grace Adeyemi", "--new-speaker", db=db).exit_code == 0
    described = next(s for name, s in speakers(run, db).items() if name.startswith("the finance minister"))
    assert run("speakers", "merge", str(speakers(run, db)["Grace Adeyemi"]["id"]), str(described["id"]),
               db=db).exit_code == 0
    second = tmp_path / "b.txt"
    second.write_text('Finance Minister Leonard Okafor said: "Taxes will not rise."', encoding="utf-8")
    assert run("ingest", str(second), db=db).exit_code == 0
    assert [c["speaker"] for c in claims(run, db, "--search", "growth")] == ["Grace Adeyemi"]  # the person's call


def test_same_surname_and_role_pairs_people_not_bodies():
    from claimtrack.queries.speaker_merges import _person_reason
    from claimtrack.store.models import Speaker
    from claimtrack.vocabulary import SpeakerKind

    leader = Speaker(name="Michael Howard", kind=SpeakerKind.PERSON, role="leader")
    same = Speaker(name="Mike Howard", kind=SpeakerKind.PERSON, role="Leader")
    assert _person_reason(leader, same) is not None
    scottish = Speaker(name="The Scottish Executive", kind=SpeakerKind.UNKNOWN, role="Executive")
    safety = Speaker(name="Safety Executive", kind=SpeakerKind.UNKNOWN, role="Executive")
    assert _person_reason(scottish, safety) is None
