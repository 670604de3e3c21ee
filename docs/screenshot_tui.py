"""Make docs/tui-contradictions.png, the README's picture of the triage queue: the seed article and the
project's own fixture articles ingested into a throwaway store, the Contradictions screen at 140x40
saved by Textual as SVG and turned into PNG by headless Chromium.

    .venv/bin/python docs/screenshot_tui.py   (needs `chromium` on the PATH)
"""
from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import make_app  # noqa: E402  (the repository root is on the path only now)

SIZE = (140, 40)
OUT = ROOT / "docs" / "tui-contradictions.png"


async def screen_svg(db: Path) -> str:
    app = make_app(str(db), author="docs")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause(1.5)
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        return app.export_screenshot()


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("docs/screenshot_tui.py: chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "desk.db"
        subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(db), "ingest", "seeds",
                        "fixtures/contradictions/articles"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        svg = Path(folder) / "screen.svg"
        svg.write_text(asyncio.run(screen_svg(db)), encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--hide-scrollbars", f"--screenshot={OUT}",
                        "--window-size=1700,1020", svg.as_uri()], check=True, capture_output=True)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
