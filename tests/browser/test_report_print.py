"""The HTML report in headless Chromium: printed to PDF (A4) and to PNG, nothing wider than the page,
each contradiction and picture kept on one page where it fits, every source link there, text selectable,
the pictures drawn."""
from __future__ import annotations

import math
import re

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from tests.browser.web import local_only
from tests.reports.conftest import CONFIG, GENERATED_AT
from tests.reports.fixture_db import SOURCES, build_fixture

# A4 at the CSS pixel's 96 per inch, less the report's @page margins (15 mm each side, 18 mm top and bottom).
MM = 96 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = round((210 - 30) * MM), round((297 - 36) * MM)

BOXES = """() => [...document.querySelectorAll("body *")].map((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), cls: el.getAttribute("class") || "", right: box.right, width: box.width,
          height: box.height, breakInside: style.breakInside, userSelect: style.userSelect};
})"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("CLAIMTRACK_CONFIG", str(CONFIG))
        patch.delenv("CLAIMTRACK_DB", raising=False)
        build_fixture(folder / "fixture.db").engine.dispose()
        result = CliRunner().invoke(cli, ["--db", "fixture.db", "export", "--format", "html", "--generated-at",
                                          GENERATED_AT, "-o", "report.html"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder / "report.html"


@pytest.fixture
def printed(chromium, report_file):
    """The report as printed: print media, a viewport as wide as an A4 page's printable area."""
    page = chromium.new_page(viewport={"width": PAGE_WIDTH, "height": PAGE_HEIGHT})
    refused = local_only(page)
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    yield page
    page.close()
    assert refused == []  # self-contained: the report asked for nothing


def test_it_prints_to_a4_pdf_and_png(printed, artefacts):
    pdf = printed.pdf(format="A4", path=str(artefacts / "report.pdf"))
    printed.screenshot(path=str(artefacts / "report.png"), full_page=True)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    height = printed.evaluate("() => document.documentElement.scrollHeight")
    blocks = printed.locator("article.contradiction, figure.picture").count()
    # Kept whole, each block may push at most one page's worth of blank below the one before it.
    assert math.ceil(height / PAGE_HEIGHT) <= pages <= math.ceil(height / PAGE_HEIGHT) + blocks, (pages, height)
    print(f"\n{pages} A4 pages: {artefacts / 'report.pdf'}, {artefacts / 'report.png'}")


def test_no_element_is_wider_than_the_page(printed):
    assert printed.evaluate("() => document.documentElement.scrollWidth") <= PAGE_WIDTH
    too_wide = [box for box in printed.evaluate(BOXES) if box["right"] > PAGE_WIDTH + 0.5]
    assert not too_wide, too_wide[:5]


def test_each_contradiction_and_picture_is_kept_on_one_page_where_it_fits(printed):
    blocks = [box for box in printed.evaluate(BOXES)
              if (box["tag"], box["cls"]) in {("article", "contradiction"), ("figure", "picture")}]
    assert len([b for b in blocks if b["tag"] == "article"]) == 5 and len(blocks) == 5 + 4  # map, 3 timelines
    for block in blocks:
        assert block["breakInside"] in ("avoid", "avoid-page"), block
        assert block["height"] <= PAGE_HEIGHT, block  # so the rule can keep it whole


def test_every_source_link_is_there(printed):
    links = printed.evaluate("() => [...document.querySelectorAll('a[href]')].map((a) => "
                             "({href: a.getAttribute('href'), shown: a.getBoundingClientRect().width > 0}))")
    web = {facts["location"] for _, facts in SOURCES.values() if facts["location"].startswith(("http://", "https://"))}
    assert {link["href"] for link in links} == web and all(link["shown"] for link in links)
    shown_sources = printed.evaluate("() => document.body.innerText")
    for _, facts in SOURCES.values():  # a source without a web address still says where it came from
        assert facts["location"] in shown_sources


def test_text_is_selectable(printed):
    assert {box["userSelect"] for box in printed.evaluate(BOXES)} <= {"auto", "text"}
    selected = printed.evaluate("() => { const s = window.getSelection(); s.selectAllChildren(document.body); "
                                "return s.toString(); }")
    assert "will cost the town no more than 4 million euros" in selected
    assert "Harbour council split over dredging bill" in selected


def test_the_pictures_are_drawn(printed):
    pictures = printed.evaluate("""() => [...document.querySelectorAll("svg.picture")].map((svg) => {
      const box = svg.getBoundingClientRect();
      return {cls: svg.getAttribute("class"), width: box.width, height: box.height,
              nodes: svg.querySelectorAll(".node").length, edges: svg.querySelectorAll(".edge").length,
              names: [...svg.querySelectorAll("text.name")].map((t) => t.textContent),
              marks: svg.querySelectorAll(".claim.confirmed, .claim.suggested").length};
    })""")
    graph, *lines = pictures
    assert graph["cls"] == "picture map" and graph["nodes"] == 4 and graph["edges"] == 3
    assert sorted(graph["names"]) == ["Lena Okafor", "Piet Dross", "Ruth Amari", "Tomas Reyl"]
    assert len(lines) == 3 and all(line["marks"] >= 1 for line in lines)
    assert all(0 < p["width"] <= PAGE_WIDTH and p["height"] > 40 for p in pictures)
