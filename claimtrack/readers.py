"""Reading articles from files, folders and standard input into `SourceDocument`s.

Formats: plain text, Markdown, saved HTML pages (article text and metadata by trafilatura) and
JSONL batches. Decoding is forgiving (UTF-8 first, then the best guess of charset-normalizer, as
cp1252 and latin-1 articles are common), but binary, empty and oversized input is refused with a
`ReadFailure` that names the file and the problem, so a batch can go on past it.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one article; a JSONL batch may be larger, each record may not

_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: some words, not just marks

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """An article ready to store: its text and what is known about where it came from."""

    text: str
    location: str
    format: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file (or JSONL line) that could not be read, and why, in one line."""

    location: str
    problem: str

    def __str__(self) -> str:
        return f"{self.location}: {self.problem}"


class ReadError(Exception):
    pass


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: BinaryIO | None = None) -> Iterator[SourceDocument | ReadFailure]:
    """Every document under *paths* ("-" is standard input), failures included, in order."""
    for raw in paths:
        if raw == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_files_in_folder(path))
            if not files:
                yield ReadFailure(raw, "folder holds no readable files (.txt, .md, .html, .jsonl)")
            for file in files:
                yield from read_file(file, max_bytes=max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield ReadFailure(raw, "no such file or folder")


def count_inputs(paths: Iterable[str]) -> int:
    """About how many documents `read_inputs` will yield (for a progress bar)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        for file in (_files_in_folder(path) if path.is_dir() else [path]):
            total += _count_records(file) if file.suffix.lower() in (".jsonl", ".ndjson") else 1
    return total


def _count_records(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def _files_in_folder(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in TEXT_SUFFIXES:
                yield path  # an unreadable one is reported by read_file, not skipped in silence


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[SourceDocument | ReadFailure]:
    location = str(path)
    fmt = TEXT_SUFFIXES.get(path.suffix.lower())
    try:
        if fmt == "jsonl":
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, location, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {_mib(size)}, over the {_mib(max_bytes)} limit for one article (see --max-mb)")
        data = path.read_bytes()
        yield _document(data, location, fmt)
    except ReadError as exc:
        yield ReadFailure(location, str(exc))
    except OSError as exc:
        yield ReadFailure(location, f"cannot read: {exc.strerror or exc}")


def _read_stream(stream: BinaryIO, max_bytes: int) -> Iterator[SourceDocument | ReadFailure]:
    data = stream.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise ReadError(f"input is over the {_mib(max_bytes)} limit for one article (see --max-mb)")
        yield _document(data, "<stdin>", None, source_format="stdin")
    except ReadError as exc:
        yield ReadFailure("<stdin>", str(exc))


def _document(data: bytes, location: str, fmt: str | None, *, source_format: str | None = None) -> SourceDocument:
    text = decode_bytes(data)
    if fmt is None:
        fmt = "html" if _looks_like_html(text) else "text"
    if fmt == "html":
        doc = html_to_document(text, location)
    elif fmt == "markdown":
        doc = markdown_to_document(text, location)
    else:
        doc = SourceDocument(text=text, location=location, format="text", title=_first_line(text),
                             published=dateline(text))
    if source_format:
        doc = SourceDocument(**{**_fields(doc), "format": source_format})
    if not _WORD.search(doc.text):
        raise ReadError("no article text found in the HTML" if fmt == "html" else "no text (not a single word)")
    return doc


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _fields(doc: SourceDocument) -> dict:
    return {name: getattr(doc, name) for name in SourceDocument.__slots__}


def decode_bytes(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else the best guess."""
    if not data.strip():
        raise ReadError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:8192]:
        raise ReadError("binary file (holds NUL bytes), not an article")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _guess_decode(data)
    if _control_ratio(text) > 0.05:
        raise ReadError("binary file (mostly control characters), not an article")
    return normalise_newlines(text)


def _guess_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None


DATELINE_FORMATS = ("%d %B, %Y", "%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%Y-%m-%d")


def dateline(text: str, lines: int = 8) -> str | None:
    """The ISO date of a line that is only a date ("29 September, 2023") near the top of an article."""
    from datetime import datetime

    for line in text.splitlines()[:lines]:
        candidate = line.strip().rstrip(".")
        if not 6 <= len(candidate) <= 30:
            continue
        for fmt in DATELINE_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date().isoformat()
            except ValueError:
                continue
    return None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith("<") and any(tag in head for tag in ("<html", "<!doctype html", "<body", "<article", "<p"))


def html_to_document(html: str, location: str) -> SourceDocument:
    """Article text, title, date and outlet from a saved web page, by trafilatura."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_recall=True)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise ReadError(f"malformed HTML: {exc}") from None
    text = getattr(found, "text", None) or ""
    if not text.strip():
        raise ReadError("no article text found in the HTML")
    # trafilatura ends each paragraph with one newline; articles separate paragraphs by a blank line.
    text = "\n\n".join(line for line in normalise_newlines(text).split("\n") if line.strip())
    return SourceDocument(
        text=text,
        location=getattr(found, "url", None) or location,
        format="html",
        title=getattr(found, "title", None),
        outlet=getattr(found, "sitename", None) or getattr(found, "hostname", None),
        published=getattr(found, "date", None),
    )


def markdown_to_document(markdown: str, location: str) -> SourceDocument:
    """Markdown to plain paragraphs (links keep their words, markup goes), by markdown-it."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt().parse(markdown)
    blocks: list[str] = []
    title = None
    in_h1 = False
    for token in tokens:
        if token.type == "heading_open":
            in_h1 = token.tag == "h1"
        elif token.type in ("inline", "code_block", "fence"):
            if token.type == "inline":
                block = "".join(_inline_text(child) for child in token.children or [])
            else:
                block = token.content
            block = block.strip()
            if block:
                blocks.append(block)
                if in_h1 and title is None:
                    title = block
        elif token.type == "heading_close":
            in_h1 = False
    text = "\n\n".join(blocks)
    return SourceDocument(text=text, location=location, format="markdown", title=title or _first_line(text))


def _inline_text(token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n" if token.type == "hardbreak" else " "
    if token.type == "image":
        return ""
    return ""


def _read_jsonl(handle: BinaryIO, location: str, max_bytes: int) -> Iterator[SourceDocument | ReadFailure]:
    """One document per JSON line: {doc_id|id, text, title?, url?, published|date?, outlet|publisher?}."""
    seen_any = False
    for number, raw in enumerate(handle, start=1):
        where = f"{location} line {number}"
        if not raw.strip():
            continue
        seen_any = True
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield ReadFailure(where, "not UTF-8 (JSON lines must be UTF-8)")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadFailure(where, 'not an article record (needs a "text" string)')
            continue
        text = normalise_newlines(record["text"])
        if not text.strip():
            yield ReadFailure(where, "empty text")
            continue
        if len(text.encode("utf-8")) > max_bytes:
            yield ReadFailure(where, f"text is over the {_mib(max_bytes)} limit for one article (see --max-mb)")
            continue
        doc_id = record.get("doc_id", record.get("id"))
        yield SourceDocument(
            text=text,
            location=_str_or_none(record.get("url")) or location,
            format="jsonl",
            title=_str_or_none(record.get("title")),
            outlet=_str_or_none(record.get("outlet") or record.get("publisher")),
            published=_str_or_none(record.get("published") or record.get("date")),
            doc_id=None if doc_id is None else str(doc_id),
        )
    if not seen_any:
        yield ReadFailure(location, "empty file")


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)
