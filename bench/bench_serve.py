"""`claimtrack serve` on the seed store in headless Chromium: memory with one and with three browser
sessions, and how soon a key press in the browser changes the screen.

    python bench/bench_serve.py [--presses 10]

Memory is the resident set (RSS) of the serve process and every process under it (one `claimtrack
tui` per browser session), read with psutil once the sessions have settled; the browser's own memory
is not counted. Latency is measured in the page, from the key's event to the first animation frame
whose screen text shows the change (see tests/browser/web.py): switching screens (1 Sources, 3
Contradictions, back and forth) once each screen has been opened; on Contradictions, moving the
cursor (the cards below show the next relation's claims) and confirming (c).
Needs Chromium (Debian's `chromium`, or CLAIMTRACK_CHROMIUM) and playwright (the test extra).
"""
from __future__ import annotations

import argparse
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil
from playwright.sync_api import sync_playwright

from tests.browser.web import (
    HOW_TO_RUN,
    build_seed_store,
    chromium_path,
    open_desk,
    screen_text,
    serving,
    timed_key,
    wait_for_screen,
)

RELATION_ROW = re.compile(r"^ #(\d+) +[\d.]+ ", re.MULTILINE)  # id and score open each row of the queue


def tree_rss_mb(pid: int) -> tuple[float, int]:
    """The resident memory of a process and all its descendants, in MB, and how many processes."""
    root = psutil.Process(pid)
    total, count = 0, 0
    for process in (root, *root.children(recursive=True)):
        try:
            total += process.memory_info().rss
            count += 1
        except psutil.NoSuchProcess:
            continue
    return total / 2**20, count


def settled_rss(pid: int, seconds: float = 2.0) -> tuple[float, int]:
    time.sleep(seconds)  # the sessions' processes finish starting and drawing
    return tree_rss_mb(pid)


def key_latencies(page, presses: int) -> dict[str, list[float]]:
    """Seconds from key to changed screen: screen switches (after a first visit), and confirmations."""
    timed_key(page, "3", "— Contradictions")  # first visits build each screen: not counted
    wait_for_screen(page, "suggested pairs")
    timed_key(page, "1", "— Sources")
    switches: list[float] = []
    for _ in range(presses):
        switches.append(timed_key(page, "3", "— Contradictions"))
        switches.append(timed_key(page, "1", "— Sources"))
    timed_key(page, "3", "— Contradictions")
    wait_for_screen(page, "suggested pairs")
    moves: list[float] = []
    for index in range(presses):
        moves.append(timed_key(page, "ArrowDown" if index % 2 == 0 else "ArrowUp", None))  # the cards change
        time.sleep(0.3)
    rows = [int(n) for n in RELATION_ROW.findall(screen_text(page))]  # in the table's order, cursor on the first
    confirms: list[float] = []
    for relation_id in rows[:presses]:
        confirms.append(timed_key(page, "c", f"relation #{relation_id}: confirmed"))
        time.sleep(0.3)  # the queue reads itself again: the cursor is on the next pair
    return {"move the cursor (down, up)": moves, "confirm (c)": confirms, "switch screen (1 <-> 3)": switches}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=8, help="key presses per measure (default 8)")
    args = parser.parse_args()
    executable = chromium_path()
    if executable is None:
        print(f"no Chromium: {HOW_TO_RUN}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        db = Path(folder) / "seed.db"
        build_seed_store(db)
        with serving(db, author="bench") as (url, process), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable)
            idle, _ = settled_rss(process.pid, 0.5)
            pages = [open_desk(browser, url)]
            one, one_count = settled_rss(process.pid)
            pages += [open_desk(browser, url) for _ in range(2)]
            three, three_count = settled_rss(process.pid)
            latencies = key_latencies(pages[0], args.presses)
            browser.close()
    print(f"claimtrack serve on the seed store ({platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {psutil.cpu_count()} CPUs)")
    print(f"memory (RSS of serve and its sessions): no session {idle:.0f} MB; 1 session {one:.0f} MB "
          f"({one_count} processes); 3 sessions {three:.0f} MB ({three_count} processes); "
          f"each further session about {(three - one) / 2:.0f} MB")
    for name, values in latencies.items():
        ordered = sorted(values)
        print(f"key to screen, {name}: median {statistics.median(values) * 1000:.0f} ms, "
              f"slowest {ordered[-1] * 1000:.0f} ms over {len(values)} presses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
