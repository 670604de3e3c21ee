"""The optional configuration file: author and fact-checking organisation."""
from __future__ import annotations

import pytest

from claimtrack.config import load_settings
from claimtrack.errors import ClaimtrackError
from claimtrack.review.annotate import current_author


def test_no_file_means_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "absent.toml"))
    settings = load_settings()
    assert settings.author is None and settings.organization.name == "claimtrack desk"


def test_author_comes_from_environment_then_file(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text('author = "Ana Lopes"\n[organization]\nname = "Desk Check"\nurl = "https://dc.example"\n')
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(path))
    monkeypatch.delenv("CLAIMTRACK_AUTHOR", raising=False)
    assert current_author() == "Ana Lopes"
    assert load_settings().organization.url == "https://dc.example"
    monkeypatch.setenv("CLAIMTRACK_AUTHOR", "Ben")
    assert current_author() == "Ben"


def test_a_broken_file_is_one_clear_line(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text("author = [unclosed\n")
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(path))
    with pytest.raises(ClaimtrackError) as caught:
        load_settings()
    assert str(caught.value).startswith(f"{path}: not a valid claimtrack configuration")


def test_a_file_that_is_not_utf8_is_one_clear_line(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_bytes('author = "Ana L\u00f3pes"\n'.encode("latin-1"))
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(path))
    with pytest.raises(ClaimtrackError) as caught:
        load_settings()
    assert str(caught.value) == f"{path}: not a valid claimtrack configuration (not UTF-8 text)"
