"""The HTML report, read by a real HTML parser: nothing from an article became markup."""
from __future__ import annotations

from html.parser import HTMLParser

from claimtrack.reports.html import STYLE
from tests.reports.fixture_db import SOURCES

# Everything the report itself writes; an article's <script>, <img>, <b> or <i> must never appear.
REPORT_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "br", "code", "main", "h2",
               "table", "thead", "tbody", "tr", "th", "td", "article", "h3", "span", "dl", "dt", "dd", "ul", "li",
               "div", "section", "h4", "blockquote", "mark", "strong", "a",
               # the pictures (claimtrack.reports.pictures), inline SVG
               "figure", "figcaption", "svg", "g", "circle", "line", "path", "text"}
REPORT_ATTRIBUTES = {"lang", "charset", "name", "content", "class", "id", "href",
                     "viewbox", "role", "aria-label", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "d"}


class Document(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)


def test_article_markup_stays_visible_text(export):
    page = Document(export("--format", "html"))
    tags = {tag for tag, _ in page.elements}
    assert tags <= REPORT_TAGS, f"markup from an article: {tags - REPORT_TAGS}"
    assert "script" not in tags and "img" not in tags
    for hostile in ('<script>alert("owned")</script>', "<img src=x onerror=alert(1)>",
                    "<script>alert(2)</script>", "<script>alert(3)</script>",
                    '<b>Reservoir</b> safe, says board & "experts"', "The Daily <i>Drip</i>",
                    "Board minutes show the level at <b>61%</b>.", "javascript:alert(1)"):
        assert hostile in page.visible, hostile


def test_no_attribute_or_link_comes_from_an_article(export):
    page = Document(export("--format", "html"))
    web_locations = {facts["location"] for _, facts in SOURCES.values() if facts["location"].startswith("https://")}
    for tag, attributes in page.elements:
        assert set(attributes) <= REPORT_ATTRIBUTES, (tag, attributes)
        assert not any(name.startswith("on") for name in attributes)
        if "href" in attributes:
            assert tag == "a" and attributes["href"] in web_locations  # never javascript:, never a made-up link


def test_the_file_is_self_contained_and_prints(export):
    html = export("--format", "html")
    page = Document(html)
    assert page.styles == [f"\n{STYLE}\n"]  # one inline style sheet, ours
    assert "@media print" in STYLE and "@import" not in STYLE and "url(" not in STYLE
    assert not any(tag in {"script", "link", "img", "iframe", "object"} for tag, _ in page.elements)
    assert not any("src" in attributes for _, attributes in page.elements)
    assert html.startswith("<!DOCTYPE html>\n") and '<meta charset="utf-8">' in html


def test_report_gives_what_a_fact_checker_needs(export):
    visible = " ".join(Document(export("--format", "html")).visible.split())
    for fact in ("Generated 2025-04-01 12:00 UTC from database fixture.db",
                 "Lena Okafor (mayor, Vell town council), asserts",  # speaker, role, stance
                 "will cost the town no more than 4 million euros",  # the words
                 'Mayor Lena Okafor said on Monday that dredging the Vell river mouth "will cost',  # the sentence
                 "Harbour council split over dredging bill, Vell Courier, 2025-03-03",  # title, outlet, date
                 "https://courier.example/2025/03/03/dredging", "articles/dredging-revised.txt",  # URL or path
                 "numbers: 4 million vs 9 million euros for the dredging bill", "score 0.82",  # reason, score
                 "Review status confirmed", "Both figures refer to the same contract.",  # status, note
                 "ben: status suggested → confirmed"):
        assert fact in visible, fact


class Cells(HTMLParser):
    """The text of every table cell, row by row."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_summary_table_counts_claims_contradictions_and_confirmed(export):
    cells = Cells()
    cells.feed(export("--format", "html"))
    assert cells.rows[0] == ["Speaker", "Claims", "Contradictions", "Confirmed"]
    # Okafor: 4 claims; 3 contradictions counted (the dismissed counter-claim is not), 2 of them confirmed.
    assert ["Lena Okafor", "4", "3", "2"] in cells.rows and ["Silt Lab", "1", "0", "0"] in cells.rows
