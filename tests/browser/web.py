"""Driving `claimtrack serve` and the HTML report in headless Chromium (playwright), shared by the
browser tests and bench/bench_serve.py.

Chromium is the system's (Debian's `chromium`, or the binary named by CLAIMTRACK_CHROMIUM): nothing
is downloaded. The pages may fetch nothing outside 127.0.0.1 (textual-serve's page asks Google for a
font; the request is refused at once, as it would be on a desk without internet).

Reading the screen: textual-serve draws with xterm.js on a canvas, so the text is not in the page.
Its script is served with one line added that keeps each terminal it makes in
`window.__claimtrackTerminals`; the text then comes from xterm's own buffer API.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = Path(__file__).resolve().parent / "artefacts"  # git-ignored: screenshots, PDFs, PNGs
HOW_TO_RUN = ("install Debian's chromium (apt-get install chromium; .ci/run does) or point CLAIMTRACK_CHROMIUM "
              "at a Chromium binary, then run: python -m pytest tests/browser")

# Where textual.js makes one terminal per element; the captured name is the new terminal object.
_MADE = re.compile(r"(const (\w+)=new \w+\(\w+,\{ping:\w+\}\);)")
_KEEP = "(window.__claimtrackTerminals=window.__claimtrackTerminals||[]).push({0});"

SCREEN_TEXT = """() => {
  const kept = window.__claimtrackTerminals;
  if (!kept || !kept.length) return "";
  const buffer = kept[0].terminal.buffer.active;
  const lines = [];
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y);
    if (line) lines.push(line.translateToString(true));
  }
  return lines.join("\\n");
}"""

# Resolves with the milliseconds from the next key press (its event's time stamp) to the first
# animation frame whose screen text contains *wanted* (xterm paints the buffer on that frame), or,
# when *wanted* is null, differs from the text at the key press.
WATCH_KEY = """(wanted) => new Promise((resolve, reject) => {
  const text = SCREEN_TEXT;
  let pressed = null, before = null;
  document.addEventListener("keydown", (event) => {
    if (pressed === null) { pressed = event.timeStamp; before = text(); }
  }, {capture: true, once: true});
  const started = performance.now();
  const frame = (now) => {
    const shown = pressed === null ? null : text();
    if (shown !== null && (wanted === null ? shown !== before : shown.includes(wanted))) return resolve(now - pressed);
    if (now - started > 20000) return reject(new Error("the screen never showed " + wanted));
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})""".replace("SCREEN_TEXT", SCREEN_TEXT)


def chromium_path() -> str | None:
    """The Chromium to drive: $CLAIMTRACK_CHROMIUM, else /usr/bin/chromium, else one on the PATH."""
    given = os.environ.get("CLAIMTRACK_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    for name in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if name and Path(name).is_file():
            return name
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_seed_store(db: Path) -> None:
    """The seed store: the articles in seeds/ ingested (claims, speakers and suggested contradictions)."""
    subprocess.run([sys.executable, "-m", "claimtrack", "--db", str(db), "ingest", str(ROOT / "seeds")],
                   check=True, capture_output=True, env=_environment(), cwd=db.parent)


def _environment(**extra: str) -> dict[str, str]:
    environment = {**os.environ, **extra}
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return environment


@contextlib.contextmanager
def serving(db: Path, *, author: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`claimtrack serve` on *db* on a free port of 127.0.0.1: (its address, the process), stopped after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "serve", "--port", str(port), "--author", author],
        env=_environment(CLAIMTRACK_DB=str(db)), cwd=db.parent, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def _wait_for_port(port: int, process: subprocess.Popen[str], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise RuntimeError(f"claimtrack serve stopped (status {process.returncode}):\n{output}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"claimtrack serve did not listen on port {port} within {seconds} s")


def keep_terminals(route) -> None:
    """Serve textual.js with the line that keeps each terminal it makes (see the module's note)."""
    response = route.fetch()
    script, found = _MADE.subn(lambda m: m.group(1) + _KEEP.format(m.group(2)), response.text())
    if found != 1:
        raise RuntimeError("textual-serve's textual.js no longer makes its terminal as expected: "
                           "update tests/browser/web.py")
    route.fulfill(response=response, body=script)


def local_only(page) -> list[str]:
    """The page may fetch nothing outside 127.0.0.1 and local files: the addresses it asked for are refused
    and listed in what is returned."""
    refused: list[str] = []

    def refuse(route) -> None:
        refused.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|file:|data:|blob:).*"), refuse)
    return refused


def open_desk(browser, url: str, *, width: int = 1280, height: int = 800):
    """A new page on the served desk, its terminal focused once the Sources screen shows."""
    page = browser.new_page(viewport={"width": width, "height": height})
    local_only(page)
    page.route("**/static/js/textual.js", keep_terminals)
    page.goto(url)
    wait_for_screen(page, "— Sources", seconds=60)
    page.locator(".xterm-helper-textarea").focus()
    return page


def screen_text(page) -> str:
    return str(page.evaluate(SCREEN_TEXT))


def wait_for_screen(page, wanted: str, *, seconds: float = 20) -> None:
    page.wait_for_function(f"() => ({SCREEN_TEXT})().includes({wanted!r})", timeout=seconds * 1000)


def timed_key(page, key: str, wanted: str | None) -> float:
    """Press *key*; the seconds from the key to the first frame that shows *wanted*, or (None) that shows
    anything new (see WATCH_KEY)."""
    watch = page.evaluate_handle(f"(wanted) => {{ window.__claimtrackWatch = ({WATCH_KEY})(wanted); }}", wanted)
    watch.dispose()
    page.keyboard.press(key)
    return float(page.evaluate("() => window.__claimtrackWatch")) / 1000
