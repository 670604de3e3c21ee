"""Reading articles from files, folders and standard input into `SourceDocument`s.

Formats: plain text, Markdown, saved HTML pages (article text and metadata by trafilatura) and
JSONL batches. Every bad input is one `ReadFailure` that names the file (or JSONL line) and the
problem, and the batch goes on past it. The rules:

* only regular files are read (a symlink is followed, then checked): a FIFO would block forever and a
  device (/dev/zero) never ends; a folder that cannot be listed is a failure too, never skipped;
* every read is bounded: at most the limit plus one byte of a file or standard input, at most
  `JSONL_LINE_FACTOR` times it of one JSONL line, so no input can exhaust memory;
* decoding: UTF-8 (BOM or not); UTF-16 and UTF-32 with a BOM; UTF-8 with replacement characters
  when the text shows real UTF-8 and a few broken bytes; cp1252 (latin-1's superset) when the text
  is mostly ASCII words; only then the guess of charset-normalizer (cp1251, Shift-JIS...), which
  on mostly English text with stray bytes picks an exotic alphabet;
* NUL is refused everywhere (PostgreSQL cannot store it, and no article holds it); other control
  characters are kept as they are, the same on both backends;
* a JSONL record's fields are text (a number is accepted for `doc_id` only), its short fields at
  most `FIELD_MAX_CHARS` long: a wrong one refuses the line, naming the field;
* any other error while reading one file or line is that input's failure, never the batch's end.
"""
from __future__ import annotations

import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from claimtrack.json_lines import UnreadableLine, parse_line, unstorable_character

if TYPE_CHECKING:
    from markdown_it.token import Token

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one article; a JSONL batch may be larger, each record may not
JSONL_LINE_FACTOR = 3  # a JSON line may be this many times the article limit: \u escapes triple non-ASCII text
FIELD_MAX_CHARS = 1000  # doc_id, url, title, outlet, published: ids and names, not articles
READ_CHUNK = 1024 * 1024

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
    origin: str | None = None  # where it was read ("batch.jsonl line 3"), when not its location


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
            yield from _guarded("<stdin>", _read_stream(stdin or sys.stdin.buffer, max_bytes))
            continue
        try:
            mode = os.stat(raw).st_mode  # follows a symlink: what it points at is checked
        except FileNotFoundError:
            yield ReadFailure(shown_path(raw), "no such file or folder")
            continue
        except OSError as exc:  # a symlink loop, a folder on the way that cannot be entered
            yield ReadFailure(shown_path(raw), f"cannot read: {_reason(exc)}")
            continue
        if stat.S_ISDIR(mode):
            found = False
            for item in _files_in_folder(Path(raw)):
                found = True
                if isinstance(item, ReadFailure):
                    yield item
                else:
                    yield from read_file(item, max_bytes=max_bytes)
            if not found:
                yield ReadFailure(shown_path(raw), "folder holds no readable files (.txt, .md, .html, .jsonl)")
        else:
            yield from read_file(Path(raw), max_bytes=max_bytes)


def count_inputs(paths: Iterable[str]) -> int:
    """About how many documents `read_inputs` will yield (for a progress bar); opens no FIFO or device."""
    total = 0
    for raw in paths:
        path = Path(raw)
        files = (_files_in_folder(path) if _is_dir(path) else [path])
        for file in files:
            if isinstance(file, Path) and file.suffix.lower() in (".jsonl", ".ndjson"):
                total += _count_records(file)
            else:
                total += 1
    return total


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _count_records(path: Path) -> int:
    try:
        with _open_regular(path) as handle:
            lines, last = 0, b"\n"
            while chunk := handle.read(READ_CHUNK):  # newlines counted by the chunk: no line held whole
                lines += chunk.count(b"\n")
                last = chunk[-1:]
            return max(1, lines + (last != b"\n"))
    except (OSError, ReadError):
        return 1


def _files_in_folder(folder: Path) -> Iterator[Path | ReadFailure]:
    """The article files under *folder*, sorted, hidden ones left out, a folder's files before its
    sub-folders'; a sub-folder that cannot be listed is a `ReadFailure` in its place. Linked
    folders are not followed (no loops), and the walk keeps its own stack (no depth limit)."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            yield ReadFailure(shown_path(current), f"cannot read folder: {_reason(exc)}")
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                folders.append(Path(entry.path))
            elif Path(entry.name).suffix.lower() in TEXT_SUFFIXES:
                yield Path(entry.path)  # an unreadable one (or a FIFO, a device) is reported by read_file
        pending.extend(reversed(folders))


def shown_path(path: str | Path) -> str:
    """A file name as text that can be stored and shown: bytes that are not UTF-8 (which Python
    keeps as lone surrogates, unstorable) become \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def one_line(exc: BaseException, limit: int = 200) -> str:
    """An exception's message for a one-line failure: its first line, cut to *limit* characters."""
    text = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _guarded(location: str, items: Iterator[SourceDocument | ReadFailure]) -> Iterator[SourceDocument | ReadFailure]:
    """*items*, with any unexpected error while reading them as one failure for *location*."""
    try:
        yield from items
    except Exception as exc:  # a bug or an odd library error in one input never ends the batch
        yield ReadFailure(location, f"cannot read ({type(exc).__name__}: {one_line(exc)})")


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[SourceDocument | ReadFailure]:
    location = shown_path(path)
    fmt = TEXT_SUFFIXES.get(path.suffix.lower())
    try:
        with _open_regular(path) as handle:
            if fmt == "jsonl":
                yield from _read_jsonl(handle, location, max_bytes)
                return
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise ReadError(f"file is {_mib(size)}, over the {_mib(max_bytes)} limit for one article "
                                "(see --max-mb)")
            data = _read_bounded(handle, max_bytes)
            if data is None:  # it grew while we read
                raise ReadError(f"file is over the {_mib(max_bytes)} limit for one article (see --max-mb)")
        yield _document(data, location, fmt)
    except ReadError as exc:
        yield ReadFailure(location, str(exc))
    except OSError as exc:
        yield ReadFailure(location, f"cannot read: {_reason(exc)}")
    except Exception as exc:  # a bug or an odd library error in one file never ends the batch
        yield ReadFailure(location, f"cannot read ({type(exc).__name__}: {one_line(exc)})")


_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _open_regular(path: Path) -> BinaryIO:
    """*path* opened for reading if it is (or links to) a regular file, else `ReadError`.

    Opened without blocking and checked on the open file, so a FIFO put in its place after a
    check cannot hang the read, and a device is never read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _NOT_REGULAR if test(mode)), "not a file")
            raise ReadError(f"not a regular file ({kind}), not an article")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_bounded(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """At most *max_bytes* from *stream*, read by the chunk (never a buffer of the limit's size
    up front); None when there is more."""
    chunks: list[bytes] = []
    held = 0
    while held <= max_bytes:
        chunk = stream.read(min(READ_CHUNK, max_bytes + 1 - held))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        held += len(chunk)
    return None


def _read_stream(stream: BinaryIO, max_bytes: int) -> Iterator[SourceDocument | ReadFailure]:
    data = _read_bounded(stream, max_bytes)
    try:
        if data is None:
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


def _fields(doc: SourceDocument) -> dict[str, Any]:
    return {name: getattr(doc, name) for name in SourceDocument.__slots__}


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),  # UTF-32 first: its LE BOM
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))                   # starts like UTF-16's
NUL_REFUSED = "binary file (holds NUL bytes), not an article"


def decode_bytes(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, else see `_decode_legacy`."""
    if not data.strip():
        raise ReadError("empty file")
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if codec is not None:
        text = data.decode(codec, errors="replace")
    elif b"\x00" in data:
        raise ReadError(NUL_REFUSED)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if "\x00" in text:
        raise ReadError(NUL_REFUSED)
    if not text.strip():
        raise ReadError("empty file")
    if _control_ratio(text) > 0.05:
        raise ReadError("binary file (mostly control characters), not an article")
    return normalise_newlines(text)


_BROKEN_RUN = re.compile("[\udc80-\udcff]+")  # invalid bytes in a row, as surrogateescape keeps them
SAMPLE_BYTES = 200_000
BROKEN_PER_CHARACTER = 4  # damaged UTF-8: at most this many broken runs per good multi-byte character


def _decode_legacy(data: bytes) -> str:
    """Text that is not valid UTF-8: damaged UTF-8, cp1252 (latin-1), or another legacy encoding.

    UTF-8 with replacement characters when the text holds real multi-byte UTF-8 (which legacy
    text almost never forms by chance) and few broken runs beside it; cp1252 when at most
    `LEGACY_LETTERS` of the letters come out non-ASCII (Western text, or English with stray
    bytes); only then charset-normalizer's guess (Cyrillic, Greek, Asian encodings), which on
    mostly English text picks an exotic alphabet for a few stray bytes."""
    sample = data[:SAMPLE_BYTES]
    loose = sample.decode("utf-8", errors="surrogateescape")
    broken = _BROKEN_RUN.findall(loose)
    multibyte = len(loose) - len(loose.encode("ascii", errors="ignore")) - sum(len(run) for run in broken)
    if not broken or (multibyte and len(broken) <= BROKEN_PER_CHARACTER * multibyte):
        return data.decode("utf-8-sig", errors="replace")
    western = data.decode("cp1252", errors="replace")
    if _mostly_ascii_letters(western[:SAMPLE_BYTES]):
        return western
    return _guess_decode(data) or western


LEGACY_LETTERS = 0.3  # French has ~5% accented letters, Czech in cp1250 ~20%; Russian in cp1251 ~100%


def _mostly_ascii_letters(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    return sum(1 for ch in letters if ord(ch) > 0x7F) <= LEGACY_LETTERS * len(letters)


def _guess_decode(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SAMPLE_BYTES]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


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
    try:
        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_recall=True)
    except ImportError as exc:  # pip < 23.3 skips lxml[html_clean]'s extra: lxml_html_clean is missing
        raise ReadError(f"cannot read HTML: a library is missing ({one_line(exc)}); "
                        "pip install lxml_html_clean") from None
    except RecursionError:
        raise ReadError("malformed HTML: nested too deeply") from None
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise ReadError(f"malformed HTML: {one_line(exc)}") from None
    text = getattr(found, "text", None) or ""
    if not text.strip():
        raise ReadError("no article text found in the HTML")
    # trafilatura ends each paragraph with one newline; articles separate paragraphs by a blank line.
    text = "\n\n".join(line for line in normalise_newlines(text).split("\n") if line.strip())
    url = getattr(found, "url", None)
    return SourceDocument(
        text=text,
        location=url if url and len(url) <= FIELD_MAX_CHARS else location,  # a page's own address, if sane
        format="html",
        title=_short(getattr(found, "title", None)),
        outlet=_short(getattr(found, "sitename", None) or getattr(found, "hostname", None)),
        published=_short(getattr(found, "date", None)),
    )


def _short(value: str | None, limit: int = FIELD_MAX_CHARS) -> str | None:
    """A page's metadata, cut to *limit* characters (a page is not refused for an absurd title)."""
    if not value:
        return None
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


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


def _inline_text(token: Token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n" if token.type == "hardbreak" else " "
    if token.type == "image":
        return ""
    return ""


class LineError(Exception):
    """One JSONL line's problem."""


def _read_jsonl(handle: BinaryIO, location: str, max_bytes: int) -> Iterator[SourceDocument | ReadFailure]:
    """One document per JSON line: {doc_id|id, text, title?, url?, published|date?, outlet|publisher?}."""
    seen_any = False
    line_limit = JSONL_LINE_FACTOR * max_bytes + 64 * 1024
    number = 0
    while True:
        raw = handle.readline(line_limit + 1)
        if not raw:
            break
        number += 1
        where = f"{location} line {number}"
        if len(raw) > line_limit and not raw.endswith(b"\n"):
            _skip_rest_of_line(handle)
            seen_any = True
            yield ReadFailure(where, f"line is over the {_mib(line_limit)} limit for one record (see --max-mb)")
            continue
        if not raw.strip():
            continue
        seen_any = True
        try:
            yield _jsonl_record(raw, where, location, max_bytes)
        except LineError as exc:
            yield ReadFailure(where, str(exc))
        except Exception as exc:  # a bug or an odd error in one line never ends the batch
            yield ReadFailure(where, f"cannot read ({type(exc).__name__}: {one_line(exc)})")
    if not seen_any:
        yield ReadFailure(location, "empty file")


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while (chunk := handle.readline(READ_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def _jsonl_record(raw: bytes, where: str, location: str, max_bytes: int) -> SourceDocument:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LineError("not UTF-8 (JSON lines must be UTF-8)") from None
    try:
        record = parse_line(line)
    except UnreadableLine as exc:
        raise LineError(f"not valid JSON ({exc})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise LineError('not an article record (needs a "text" string)')
    text = normalise_newlines(_checked_text("text", record["text"]))
    if not text.strip():
        raise LineError("empty text")
    if len(text.encode("utf-8")) > max_bytes:
        raise LineError(f"text is over the {_mib(max_bytes)} limit for one article (see --max-mb)")
    url = _text_field(record, "url")
    return SourceDocument(
        text=text,
        location=url or location,
        format="jsonl",
        title=_text_field(record, "title"),
        outlet=_text_field(record, "outlet", "publisher"),
        published=_text_field(record, "published", "date"),
        doc_id=_text_field(record, "doc_id", "id", numbers=True),
        origin=where,
    )


_JSON_TYPES = {bool: "true or false", int: "a number", float: "a number", dict: "an object", list: "a list"}


def _text_field(record: dict[str, Any], *names: str, numbers: bool = False) -> str | None:
    """The first of *names* the record gives (not null, not empty), checked: text of at most
    `FIELD_MAX_CHARS` characters; with *numbers*, an integer is taken as its digits (ids often are)."""
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if numbers and type(value) is int:
            value = str(value)
        if not isinstance(value, str):
            kind = "true" if value is True else "false" if value is False else _JSON_TYPES.get(type(value), "not text")
            raise LineError(f'field "{name}" is {kind}, not text')
        if len(value) > FIELD_MAX_CHARS:
            raise LineError(f'field "{name}" is {len(value):,} characters, '
                            f'over the {FIELD_MAX_CHARS:,}-character limit')
        value = _checked_text(name, value)
        if value.strip():
            return value
    return None


def _checked_text(name: str, value: str) -> str:
    """*value* if it can be stored: no NUL (PostgreSQL refuses it), no lone surrogate (not text)."""
    bad = unstorable_character(value)
    if bad == "\x00":
        raise LineError(f'field "{name}" holds a NUL character (\\u0000), not text')
    if bad is not None:
        raise LineError(f'field "{name}" holds a lone surrogate (\\u{ord(bad):04x}), not text')
    return value
