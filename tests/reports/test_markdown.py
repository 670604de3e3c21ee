"""The Markdown report: article text stays text even when a Markdown renderer turns it into HTML."""
from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

from claimtrack.reports.markdown import md_text
from claimtrack.store.database import shown_url as shown_database


class Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.found: set[str] = set()
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.add(tag)
        self.hrefs += [value for name, value in attrs if name == "href"]


def test_rendered_markdown_has_no_markup_from_articles(export):
    report = export("--format", "md")
    html = MarkdownIt("commonmark").render(report)  # raw HTML passes through CommonMark: it must be escaped
    tags = Tags(html)
    assert not tags.found & {"script", "img", "b", "i"}
    assert set(tags.hrefs) == {"https://courier.example/2025/03/03/dredging"}  # no javascript: link
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in html


def test_report_header_and_sections(export):
    report = export("--format", "md")
    assert report.startswith("# Contradiction report\n\nGenerated 2025-04-01 12:00 UTC from database `fixture.db`")
    assert "## Summary by speaker" in report and "## Contradictions (5)" in report
    assert "| Lena Okafor | 4 | 3 | 2 |" in report


def test_md_text_escapes_markup_and_keeps_one_line():
    assert md_text("a *b* <i>c</i>\n# d | e") == r"a \*b\* \<i\>c\</i\> \# d \| e"
    assert md_text(None) == ""


def test_the_database_is_shown_without_a_password():
    assert shown_database("claims.db") == "claims.db"
    shown = shown_database("postgresql://desk:s3cret@db.example/claims")
    assert "s3cret" not in shown and "db.example/claims" in shown
