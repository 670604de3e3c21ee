"""User configuration: one TOML file, optional.

Looked up at $CLAIMTRACK_CONFIG, else ~/.config/claimtrack/config.toml. Example::

    author = "Ana Lopes"                      # who annotates (else $CLAIMTRACK_AUTHOR, else login name)

    [organization]                            # the fact-checking organisation, for ClaimReview
    name = "Desk Check"
    url = "https://deskcheck.example"
    review_url = "https://deskcheck.example/checks/{claim_id}"   # where a published review lives
"""
from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from claimtrack.errors import ClaimtrackError


class Organization(BaseModel):
    name: str = "claimtrack desk"
    url: str | None = None
    review_url: str | None = None  # a template with {claim_id}


class Settings(BaseModel):
    author: str | None = None
    organization: Organization = Organization()


def config_path() -> Path:
    explicit = os.environ.get("CLAIMTRACK_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "claimtrack" / "config.toml"


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> Settings:
    try:
        with path.open("rb") as handle:
            return Settings.model_validate(tomllib.load(handle))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise ClaimtrackError(f"{path}: not a valid claimtrack configuration ({first})") from None
    except UnicodeDecodeError:  # TOML is UTF-8; tomllib lets the decoding error through as it is
        raise ClaimtrackError(f"{path}: not a valid claimtrack configuration (not UTF-8 text)") from None
    except OSError as exc:
        raise ClaimtrackError(f"{path}: cannot read configuration ({exc.strerror})") from None


def load_settings() -> Settings:
    path = config_path()
    if not path.is_file():
        return Settings()
    return _load(path, path.stat().st_mtime)


def user_terms_path() -> Path | None:
    """The desk's terms file (word lists of the contradiction finder, speakers known by several
    names): $CLAIMTRACK_TERMS, else ~/.config/claimtrack/terms.toml if it exists."""
    configured = os.environ.get("CLAIMTRACK_TERMS", "").strip()
    if configured:
        return Path(configured).expanduser()
    default = Path("~/.config/claimtrack/terms.toml").expanduser()
    return default if default.is_file() else None


def default_jobs() -> int:
    """How many processes ingest uses to extract claims by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
