"""Options and argument types the commands share, so that each is declared once."""
from __future__ import annotations

import math
from collections.abc import Callable

import click
from click.decorators import FC

from claimtrack.ingest.deadline import ARTICLE_SECONDS, valid_seconds
from claimtrack.review.human_input import MAX_ROW_ID

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# Numbers as the store can hold them, so that a mistyped one is a one-line usage error and never the
# driver's overflow: ids and versions as its integer columns take them (32 bits on PostgreSQL, which a
# store must be able to move to), counts as SQL's LIMIT takes them.
ROW_ID = click.IntRange(1, MAX_ROW_ID)
VERSION = click.IntRange(1, MAX_ROW_ID)
COUNT = click.IntRange(0, 2**63 - 1)


def format_option(*choices: str, default: str = "table", help: str | None = None) -> Callable[[FC], FC]:
    """--format: how a command writes what it found (the choices in the order its help lists them)."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help=help)


# sources, claims, speakers: a table for people, JSON or CSV for programs and spreadsheets.
listing_format = format_option("table", "json", "csv")


def author_option(help: str) -> Callable[[FC], FC]:
    """--author: who annotates or decides, kept in the revision log (checked by `current_author`)."""
    return click.option("--author", envvar="CLAIMTRACK_AUTHOR", help=help)


# relate, confirm, dismiss
decider_option = author_option("Who decides (default: login name).")


def note_option(help: str) -> Callable[[FC], FC]:
    """--note: why, in the person's words, kept in the revision log."""
    return click.option("--note", help=help)


def if_version_option(help: str) -> Callable[[FC], FC]:
    """--if-version N: change the row only if it is still at the version the person saw."""
    return click.option("--if-version", "if_version", type=VERSION, metavar="N", help=help)


def checked_article_seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    try:
        return valid_seconds(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


article_seconds_option = click.option(
    "--article-seconds", type=float, default=ARTICLE_SECONDS, show_default=True, callback=checked_article_seconds,
    help="Longest time the engine may take over one article; one that runs over fails alone.")


MAX_MB_LIMIT = 1024.0  # reads are bounded by --max-mb, so it must itself be bounded


def checked_max_mb(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """--max-mb: a number of MB above 0 and at most MAX_MB_LIMIT (nan slips through click's ranges)."""
    if not math.isfinite(value) or not 0 < value <= MAX_MB_LIMIT:
        raise click.BadParameter(f"{value} is not a size: give a number above 0 and at most {MAX_MB_LIMIT:g}")
    return value
