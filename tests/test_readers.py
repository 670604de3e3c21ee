"""Reading articles: formats, encodings, and one clear failure per bad input."""
from __future__ import annotations

import json

import pytest

from claimtrack.readers import ReadFailure, SourceDocument, read_inputs

ARTICLE = ('"We are monitoring the border closely," the minister told reporters on Monday.\n\n'
           'The opposition denied that any troops had moved.\n')


def read_all(*paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], **kwargs))


def only_document(items) -> SourceDocument:
    assert len(items) == 1 and isinstance(items[0], SourceDocument), items
    return items[0]


def only_failure(items) -> ReadFailure:
    assert len(items) == 1 and isinstance(items[0], ReadFailure), items
    return items[0]


def test_plain_text_keeps_the_exact_words_and_takes_the_first_line_as_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = only_document(read_all(path))
    assert doc.text == ARTICLE and doc.format == "text" and doc.location == str(path)
    assert doc.title.startswith('"We are monitoring')


def test_windows_line_endings_and_a_bom_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert only_document(read_all(path)).text == ARTICLE


@pytest.mark.parametrize("encoding, sample", [
    ("cp1252", "\u201cWe will not withdraw,\u201d the general said in Z\u00fcrich \u2014 twice.\n"),
    ("latin-1", "\u00abNous restons,\u00bb a d\u00e9clar\u00e9 le ministre fran\u00e7ais \u00e0 Gen\u00e8ve.\n"),
])
def test_legacy_encodings_are_decoded(tmp_path, encoding, sample):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes((sample * 5).encode(encoding))
    assert only_document(read_all(path)).text == sample * 5


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    failure = only_failure(read_all(path))
    assert failure.location == str(path) and "empty" in failure.problem


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    failure = only_failure(read_all(path))
    assert "binary" in failure.problem and str(path) in str(failure)


def test_a_huge_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    failure = only_failure(read_all(path))
    assert failure.problem == "file is 50.0 MB, over the 10.0 MB limit for one article (see --max-mb)"


def test_saved_html_gives_article_text_title_date_and_outlet(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Border tension | Daily Ledger</title>"
        '<meta property="og:site_name" content="Daily Ledger">'
        '<meta property="article:published_time" content="2023-09-29T10:00:00Z"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Border tension rises</h1>"
        "<p>\u201cWe are monitoring a large deployment along the border,\u201d the spokesman told reporters.</p>"
        "<p>The defence minister denied that the army was on alert, calling the reports untrue.</p>"
        "<script>alert('x')</script></article><footer>Cookie policy</footer></body></html>", encoding="utf-8")
    doc = only_document(read_all(path))
    assert doc.format == "html"
    assert "We are monitoring a large deployment" in doc.text and "denied that the army" in doc.text
    assert "Cookie policy" not in doc.text and "alert(" not in doc.text and "<p>" not in doc.text
    assert doc.title == "Border tension rises"
    assert doc.outlet == "Daily Ledger"
    assert doc.published == "2023-09-29"


def test_malformed_html_is_read_as_far_as_it_goes_or_refused_clearly(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><p>\u201cThe ceasefire holds,\u201d the envoy said. <b>unclosed <div><p>"
                      "Officials denied any breach of the agreement on Tuesday evening.", encoding="utf-8")
    doc = only_document(read_all(broken))
    assert "The ceasefire holds" in doc.text
    nothing = tmp_path / "nothing.html"
    nothing.write_text("<html><body><div><<<>>></div></body></html>")
    failure = only_failure(read_all(nothing))
    assert "no article text" in failure.problem and failure.location == str(nothing)


def test_markdown_becomes_plain_paragraphs(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Minister denies troop move\n\nThe minister **denied** the [report](https://x.example) "
                    "on Friday.\n\n- a list item\n", encoding="utf-8")
    doc = only_document(read_all(path))
    assert doc.title == "Minister denies troop move"
    assert doc.text == "Minister denies troop move\n\nThe minister denied the report on Friday.\n\na list item"


def test_jsonl_records_keep_their_ids_and_a_bad_line_is_reported_by_number(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"doc_id": "a1", "text": ARTICLE, "title": "One", "url": "https://n.example/1",
                         "published": "2023-09-29", "publisher": "Ledger"}),
             "{not json",
             json.dumps({"id": 7, "text": "The mayor said the bridge would reopen."}),
             json.dumps({"id": 8, "text": ""}),
             json.dumps(["no", "object"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    documents = [i for i in items if isinstance(i, SourceDocument)]
    failures = [str(i) for i in items if isinstance(i, ReadFailure)]
    assert [(d.doc_id, d.title, d.outlet, d.published) for d in documents] == [
        ("a1", "One", "Ledger", "2023-09-29"), ("7", None, None, None)]
    assert documents[0].location == "https://n.example/1" and documents[1].location == str(path)
    assert failures[0].startswith(f"{path} line 2: not valid JSON")
    assert failures[1] == f"{path} line 4: empty text"
    assert failures[2].startswith(f"{path} line 5: not an article record")


def test_a_folder_is_walked_and_a_folder_without_articles_is_reported(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE)
    (tmp_path / "news" / "sub").mkdir()
    (tmp_path / "news" / "sub" / "b.md").write_text("The minister said so.\n")
    (tmp_path / "news" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "data.bin").write_bytes(b"\x00\x01")
    items = read_all(tmp_path / "news", tmp_path / "empty", tmp_path / "missing.txt")
    assert [type(i).__name__ for i in items] == ["SourceDocument", "SourceDocument", "ReadFailure", "ReadFailure"]
    assert "no readable files" in items[2].problem and items[2].location == str(tmp_path / "empty")
    assert items[3].problem == "no such file or folder"


def test_standard_input(tmp_path):
    import io

    doc = only_document(list(read_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-8")))))
    assert doc.text == ARTICLE and doc.location == "<stdin>" and doc.format == "stdin"


@pytest.mark.parametrize("line, expected", [("29 September, 2023", "2023-09-29"), ("March 3, 2024", "2024-03-03"),
                                            ("2022-11-05", "2022-11-05"), ("3 min read", None)])
def test_a_dateline_near_the_top_of_a_text_article_gives_its_date(tmp_path, line, expected):
    path = tmp_path / "dated.txt"
    path.write_text(f"Headline here\n\n{line}\n\nThe minister said the talks would resume.\n", encoding="utf-8")
    assert only_document(read_all(path)).published == expected


def test_an_unreadable_file_in_a_folder_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + "more")
    real = type(tmp_path).read_bytes

    def refuse(path):  # root reads everything, so the permission error is simulated
        if path.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(type(tmp_path), "read_bytes", refuse)
    items = read_all(tmp_path)
    assert isinstance(items[0], SourceDocument)
    assert str(items[1]) == f"{tmp_path / 'b.txt'}: cannot read: Permission denied"
