"""Machine formats written faithfully: CSV rows and JSON values, for the exports and the CLI alike.

CSV cells pass through `safe_cell`, so a cell a spreadsheet would run as a formula (starting with =,
+, -, @, tab or carriage return) is neutralised. Rows end in CRLF (RFC 4180): then Python's csv
module also quotes a cell holding a lone carriage return, which an article may contain and which
would otherwise split the row in two. JSON from `to_json` writes the characters a terminal would obey
as \\u escapes: the same string to any JSON reader, harmless on a terminal.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from claimtrack.display import ESCAPES

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise a CSV cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    # CRLF as RFC 4180 says: with "\n" the csv module would not quote a cell holding a lone "\r".
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(row.get(key)) for key in columns})
    return buffer.getvalue()


# json.dumps escapes C0 controls itself; these (DEL, C1, bidi) it would write raw.
JSON_ESCAPES = {code: f"\\u{code:04x}" for code in ESCAPES if code >= 0x20}


def to_json(rows: Any) -> str:
    """JSON, with every character a terminal would obey written as a \\u escape (JSON text outside
    strings holds none, so escaping the whole text is exact)."""
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str).translate(JSON_ESCAPES)
