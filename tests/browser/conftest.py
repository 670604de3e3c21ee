"""Browser tests: headless Chromium (Debian's `chromium`) driven by playwright. Skipped, with how to
run them, where there is no Chromium or no playwright."""
from __future__ import annotations

import pytest

from tests.browser.web import ARTEFACTS, HOW_TO_RUN, chromium_path


@pytest.fixture(scope="package")
def chromium():
    """One headless Chromium for the whole folder, stopped when its tests are done: playwright's sync
    API runs an event loop while it is open, and the TUI tests after this folder need none running."""
    executable = chromium_path()
    if executable is None:
        pytest.skip(f"no Chromium found: {HOW_TO_RUN}")
    sync_api = pytest.importorskip("playwright.sync_api", reason=f"playwright is not installed (pip install "
                                   f"-e '.[test]'); {HOW_TO_RUN}")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artefacts():
    """Where the screenshots, PDFs and PNGs go (git-ignored), printed so a person can look."""
    ARTEFACTS.mkdir(exist_ok=True)
    return ARTEFACTS
