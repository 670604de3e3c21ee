"""Options and argument types the commands share, so that each is declared once."""
from __future__ import annotations

import click

from claimtrack.ingest.deadline import ARTICLE_SECONDS, valid_seconds
from claimtrack.review.human_input import MAX_ROW_ID

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORMATS = click.Choice(["table", "json", "csv"])

# Numbers as the store can hold them, so that a mistyped one is a one-line usage error and never the
# driver's overflow: ids and versions as its integer columns take them (32 bits on PostgreSQL, which a
# store must be able to move to), counts as SQL's LIMIT takes them.
ROW_ID = click.IntRange(1, MAX_ROW_ID)
VERSION = click.IntRange(1, MAX_ROW_ID)
COUNT = click.IntRange(0, 2**63 - 1)


def checked_article_seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    try:
        return valid_seconds(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


article_seconds_option = click.option(
    "--article-seconds", type=float, default=ARTICLE_SECONDS, show_default=True, callback=checked_article_seconds,
    help="Longest time the engine may take over one article; one that runs over fails alone.")


MAX_MB_LIMIT = 1024.0  # reads are bounded by --max-mb, so it must itself be bounded


def checked_max_mb(ctx, param, value: float) -> float:
    """--max-mb: a number of MB above 0 and at most MAX_MB_LIMIT (nan slips through click's ranges)."""
    import math

    if not math.isfinite(value) or not 0 < value <= MAX_MB_LIMIT:
        raise click.BadParameter(f"{value} is not a size: give a number above 0 and at most {MAX_MB_LIMIT:g}")
    return value
