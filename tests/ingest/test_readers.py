"""Reading articles: formats, encodings, and one clear failure per bad input."""
from __future__ import annotations

import io
import json
import os
import signal
import sys

import pytest

from claimtrack.ingest.readers import ReadFailure, SourceDocument, count_inputs, read_inputs

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
    real = os.open

    def refuse(path, flags, *args, **kwargs):  # root reads everything, so the permission error is simulated
        if os.fspath(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    items = read_all(tmp_path)
    assert isinstance(items[0], SourceDocument)
    assert str(items[1]) == f"{tmp_path / 'b.txt'}: cannot read: Permission denied"


# ----------------------------------------------------------------------------- hostile input (issue 18)


@pytest.fixture
def watchdog():
    """A read that blocks (a FIFO with no writer) fails the test instead of hanging the suite."""
    def expired(signum, frame):
        pytest.fail("the read blocked")  # not an OSError, which the readers would report and go past

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_fifo_in_a_folder_or_named_is_refused_without_waiting_for_a_writer(tmp_path, watchdog):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    assert count_inputs([str(tmp_path)]) >= 1  # counting does not open a FIFO either
    items = read_all(tmp_path)
    assert isinstance(items[0], SourceDocument)
    assert [str(i) for i in items[1:]] == [f"{tmp_path / 'pipe.jsonl'}: not a regular file (a FIFO), not an article",
                                           f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO), not an article"]
    assert str(only_failure(read_all(tmp_path / "pipe.txt"))) == \
        f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO), not an article"


def test_a_device_is_refused_unread_by_name_or_through_a_link(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    assert count_inputs([str(tmp_path / "zero.jsonl")]) == 1
    for path in ("/dev/zero", tmp_path / "zero.txt", tmp_path / "zero.jsonl"):
        failure = only_failure(read_all(path))
        assert failure.location == str(path) and failure.problem == "not a regular file (a device), not an article"


def test_a_symlink_loop_is_one_line(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    failure = only_failure(read_all(tmp_path / "loop.txt"))
    assert failure.location == str(tmp_path / "loop.txt") and failure.problem.startswith("cannot read: ")
    in_folder = read_all(tmp_path)
    assert [str(i) for i in in_folder] == [str(failure)]


def test_endless_standard_input_is_read_only_up_to_the_limit():
    class Endless(io.RawIOBase):
        served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            Endless.served += len(buffer)
            return len(buffer)

    failure = only_failure(list(read_inputs(["-"], max_bytes=1000, stdin=io.BufferedReader(Endless()))))
    assert failure.location == "<stdin>" and "over the 0.0 MB limit" in failure.problem
    assert Endless.served < 10 * 1024 * 1024


def test_an_unreadable_sub_folder_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE + "more")
    (tmp_path / "z.txt").write_text(ARTICLE + "and more")
    real = os.scandir

    def refuse(path="."):  # root reads every folder, so the permission error is simulated
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    items = read_all(tmp_path)
    assert [type(i).__name__ for i in items] == ["SourceDocument", "SourceDocument", "ReadFailure"]
    assert str(items[2]) == f"{tmp_path / 'locked'}: cannot read folder: Permission denied"
    only_locked = read_all(tmp_path / "locked")
    assert [str(i) for i in only_locked] == [f"{tmp_path / 'locked'}: cannot read folder: Permission denied"]


NUL_LATE = "x" * 9000 + "\x00"  # past the first 8 KB, where the binary sniff looked


@pytest.mark.parametrize("name, content", [
    ("late.txt", ARTICLE + NUL_LATE),
    ("late.md", "# Title\n\n" + ARTICLE + NUL_LATE),
    ("late.html", f"<html><body><p>{ARTICLE}</p><p>{NUL_LATE}</p></body></html>"),
    ("early.txt", "The minister\x00 said so.\n"),
], ids=["text", "markdown", "html", "early"])
def test_nul_is_refused_in_every_file_format(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    failure = only_failure(read_all(path))
    assert failure.location == str(path) and "NUL" in failure.problem


def test_nul_is_refused_on_standard_input():
    failure = only_failure(list(read_inputs(["-"], stdin=io.BytesIO((ARTICLE + NUL_LATE).encode()))))
    assert failure.location == "<stdin>" and "NUL" in failure.problem


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                                        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf32_and_utf16_with_a_bom_are_decoded(tmp_path, bom, codec):
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(bom + ARTICLE.encode(codec))
    assert only_document(read_all(path)).text == ARTICLE


def test_invalid_bytes_in_an_utf8_article_become_replacement_characters_not_another_alphabet(tmp_path):
    article = ("\u201cWe are monitoring the border closely,\u201d the minister told reporters on Monday \u2014 "
               "twice.\n\nThe opposition denied that any troops had moved. ") * 3
    damaged = article.encode("utf-8").replace(b"troops", b"tro\xd0\xffps", 1).replace(b"moved", b"mov\xc3\x28ed", 1)
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    text = only_document(read_all(path)).text
    assert text.count("\u201c") == 3 and "tro\ufffd\ufffdps" in text and "mov\ufffd(ed" in text
    assert not any("\u0400" <= ch <= "\u04ff" for ch in text)


@pytest.mark.parametrize("damage", [
    lambda words: b"\xcf\xf0\xe8" + words + b"\xe2\xc0\xe5" + words,  # was read as Urdu (cp1006)
    lambda words: words.replace(b"troops", b"tr\xf3\xeeps") * 3 + b"\xff\xfe\xfd",  # as Central European
    lambda words: bytes(0x80 + (i * 37) % 128 if i % 19 == 0 else b for i, b in enumerate(words * 5)),  # as Arabic
], ids=["leading", "inside", "scattered"])
def test_stray_bytes_in_an_ascii_english_article_never_turn_it_into_another_alphabet(tmp_path, damage):
    path = tmp_path / "stray.txt"
    data = damage(ARTICLE.encode("ascii"))
    path.write_bytes(data)
    text = only_document(read_all(path)).text
    assert text in (data.decode("cp1252", errors="replace"), data.decode("utf-8", errors="replace"))


def test_a_legacy_cyrillic_article_is_still_recognised(tmp_path):
    sample = "\u00abМы не отступим\u00bb, \u2014 заявил министр обороны журналистам в понедельник.\n"
    path = tmp_path / "cp1251.txt"
    path.write_bytes((sample * 5).encode("cp1251"))
    assert only_document(read_all(path)).text == sample * 5


def test_the_html_reader_without_its_library_is_one_line_for_that_file(tmp_path, monkeypatch):
    (tmp_path / "a.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / "b.txt").write_text(ARTICLE)
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as with pip < 23.3: lxml's cleaner not installed
    items = read_all(tmp_path)
    assert isinstance(items[1], SourceDocument)
    assert items[0].location == str(tmp_path / "a.html")
    assert items[0].problem.startswith("cannot read HTML: a library is missing (")
    assert "lxml_html_clean" in items[0].problem


def test_an_unexpected_error_in_one_file_is_that_files_line(tmp_path, monkeypatch):
    import claimtrack.ingest.readers as readers

    (tmp_path / "a.md").write_text("# Broken\n\nThe minister said so.\n")
    (tmp_path / "b.txt").write_text(ARTICLE)

    def explode(markdown, location):
        raise RuntimeError("parser bug\nsecond line")

    monkeypatch.setattr(readers, "markdown_to_document", explode)
    items = read_all(tmp_path)
    assert str(items[0]) == f"{tmp_path / 'a.md'}: cannot read (RuntimeError: parser bug)"
    assert isinstance(items[1], SourceDocument)


def hostile_jsonl_lines() -> list[tuple[str, str | None]]:
    """(line, the start of its failure, or None for a good record)."""
    good = json.dumps({"doc_id": "good-1", "text": ARTICLE})
    return [
        (good, None),
        ('{"doc_id": "big", "text": "The minister said so.", "n": ' + "9" * 5000 + "}", 'not valid JSON ('),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON (nested too deeply)"),
        ('{"doc_id": "sur", "text": "The minister \\ud800 said so."}',
         'field "text" holds a lone surrogate (\\ud800), not text'),
        ('{"doc_id": "nul", "text": "The minister\\u0000 said so."}', 'field "text" holds a NUL character'),
        ('{"doc_id": "nul-title", "text": "The minister said so.", "title": "a\\u0000b"}',
         'field "title" holds a NUL character'),
        (json.dumps({"doc_id": "t", "text": "The minister said so.", "title": 12}),
         'field "title" is a number, not text'),
        (json.dumps({"doc_id": "u", "text": "The minister said so.", "url": {"a": 1}}),
         'field "url" is an object, not text'),
        (json.dumps({"doc_id": "p", "text": "The minister said so.", "published": [2023]}),
         'field "published" is a list, not text'),
        (json.dumps({"doc_id": "o", "text": "The minister said so.", "outlet": True}),
         'field "outlet" is true, not text'),
        (json.dumps({"doc_id": "o2", "text": "The minister said so.", "publisher": 3.5}),
         'field "publisher" is a number, not text'),
        (json.dumps({"doc_id": {"x": 1}, "text": "The minister said so."}), 'field "doc_id" is an object, not text'),
        (json.dumps({"doc_id": "d" * 2_000_000, "text": "The minister said so."}),
         'field "doc_id" is 2,000,000 characters, over the 1,000-character limit'),
        (json.dumps({"text": 5}), 'not an article record (needs a "text" string)'),
        (json.dumps({"doc_id": 42, "text": "The mayor said the bridge would reopen.", "title": None}), None),
    ]


def test_every_hostile_jsonl_line_is_its_own_one_line_failure(tmp_path):
    lines = hostile_jsonl_lines()
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(line for line, _ in lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert len(items) == len(lines)
    for number, ((_, expected), item) in enumerate(zip(lines, items, strict=True), start=1):
        if expected is None:
            assert isinstance(item, SourceDocument), item
        else:
            assert isinstance(item, ReadFailure) and item.location == f"{path} line {number}", item
            assert item.problem.startswith(expected), item.problem
            assert "\n" not in str(item) and len(str(item)) < 300
    assert [d.doc_id for d in items if isinstance(d, SourceDocument)] == ["good-1", "42"]


def test_an_endless_jsonl_line_is_refused_and_the_next_line_read(tmp_path):
    path = tmp_path / "long.jsonl"
    with path.open("w") as handle:
        handle.write('{"text": "' + "word " * 400_000 + '"}\n')
        handle.write(json.dumps({"doc_id": "next", "text": ARTICLE}) + "\n")
    items = read_all(path, max_bytes=100_000)
    assert str(items[0]).startswith(f"{path} line 1: line is over the ")
    assert isinstance(items[1], SourceDocument) and items[1].doc_id == "next"


def test_absurd_page_metadata_is_cut_and_an_absurd_page_address_not_used(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(f'<html><head><title>{"T" * 5000}</title>'
                    f'<link rel="canonical" href="https://x.example/{"a" * 5000}">'
                    f"</head><body><article><p>{ARTICLE}</p></article></body></html>", encoding="utf-8")
    doc = only_document(read_all(path))
    assert doc.location == str(path) and len(doc.title) <= 1000


def test_a_very_deep_folder_is_walked_in_order_without_a_recursion_limit(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + "b")
    deepest = os.path.join(tmp_path, "c", *["d"] * 300)
    os.makedirs(deepest)
    with open(os.path.join(deepest, "last.txt"), "w") as handle:
        handle.write(ARTICLE + "last")
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(250)  # a walk by recursion would need a frame per level
    try:
        items = read_all(tmp_path)
    finally:
        sys.setrecursionlimit(old_limit)
    assert [os.path.basename(i.location) for i in items] == ["b.txt", "one.txt", "last.txt"]


def test_a_file_name_that_is_not_utf8_is_shown_with_escapes(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(ARTICLE.encode())
    doc = only_document(read_all(tmp_path))
    assert doc.location == f"{tmp_path}/caf\\xe9.txt"
    doc.location.encode("utf-8")  # storable
