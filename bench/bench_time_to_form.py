"""Time to a usable form for a new visitor, in headless Chromium, against a static page.

Run from the repo root:
    /work/venv/bin/python bench/bench_time_to_form.py [--runs 15] [--no-streamlit] [--quick]

Starts the real server (`streamlit run dashboard.py` on loopback, a fresh DuckDB with one
project-postmortem survey and its open link) and `python -m http.server` on loopback serving a
static ~20 KB page: the questionnaire as the server renders it once (same markup and inline
CSS), padded with a comment to 20 KB. Then, alternating, each run in a fresh browser context
(no cache, no cookies) of Debian's Chromium (Python playwright, `/usr/bin/chromium`):

  - form:   GET /?t=TOKEN on the real server;
  - static: the same form as a file from http.server;
  - streamlit (unless --no-streamlit): `/` of the Streamlit app itself (the overview page,
    with a manager session cookie obtained once beforehand), i.e. what the old Streamlit
    respondent page cost a new visitor: its HTML shell, its JS bundle, the websocket and the
    script run. Its "usable" moment is the first button or input of the page's main area.

Measured in the page: from navigation start (performance.timeOrigin) to the first moment the
first question's input (`form input:not([type=hidden])`, textarea or select) exists, has a
layout box and is enabled (a MutationObserver plus a per-frame check, installed before the
page's own code). Also printed: the wall time seen from Python (goto -> the same check done),
requests and bytes per load. Prints median/p90 per target and form/static ratio; the target
of issue 13 is form <= 2x static. Loopback only; downloads nothing. `--quick`: 2 runs, no
Streamlit page (a smoke test for the test suite).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from real_server import PASSWORD, Server, free_port, stop, wait_until_up  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STATIC_BYTES = 20 * 1024
TARGET_RATIO = 2.0
FORM_INPUT = "form input:not([type=hidden]), form textarea, form select"
STREAMLIT_INPUT = "[data-testid='stMain'] button, [data-testid='stMain'] input"
# Installed before any of the page's own code; records performance.now() (ms since navigation
# start) when the first matching element is laid out and enabled.
READY_SCRIPT = """
(() => {
  const selector = %r;
  const usable = () => {
    const el = document.querySelector(selector);
    if (!el || el.disabled) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const check = () => {
    if (window.__formReady === undefined && usable()) window.__formReady = performance.now();
    return window.__formReady !== undefined;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, {childList: true, subtree: true, attributes: true});
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  document.addEventListener("DOMContentLoaded", check);
})();
"""


def open_link(server: Server) -> str:
    survey_id = server.cli(
        "survey",
        "create",
        "--project",
        "Bench Harbour",
        "--template",
        "project-postmortem",
        "--threshold",
        "5",
    ).splitlines()[-1]
    lines = server.cli("links", survey_id, "--base-url", server.url).splitlines()
    return [line.strip() for line in lines if line.strip().startswith(server.url)][0]


def static_page(link: str, folder: Path) -> Path:
    """The questionnaire as rendered once, padded to ~20 KB, as a file for http.server."""
    with urllib.request.urlopen(link, timeout=30) as reply:
        html = reply.read().decode()
    padding = max(0, STATIC_BYTES - len(html.encode()) - len("<!--  -->\n"))
    html = html.replace("</body>", f"<!-- {'x' * padding} -->\n</body>", 1)
    page = folder / "form.html"
    page.write_text(html)
    return page


def manager_cookies(browser, base_url: str) -> list[dict]:
    """A manager session (log-in form, untimed) for loading the Streamlit page itself."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/")
    page.get_by_label("Manager password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/", timeout=60_000)
    cookies = context.cookies()
    context.close()
    return cookies


def load_once(browser, url: str, selector: str, cookies: list[dict] | None = None) -> dict:
    """One new visitor: a fresh context (no cache), navigation until the input is usable."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if cookies:
        context.add_cookies(cookies)
    context.add_init_script(READY_SCRIPT % selector)
    page = context.new_page()
    seen = {"requests": 0, "scripts": 0, "bytes": 0, "script_bytes": 0}

    def finished(request) -> None:
        size = request.sizes()["responseBodySize"]
        seen["requests"] += 1
        seen["bytes"] += size
        if request.resource_type == "script":
            seen["scripts"] += 1
            seen["script_bytes"] += size

    page.on("requestfinished", finished)
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=60_000)
    page.wait_for_function("window.__formReady !== undefined", timeout=60_000, polling=5)
    wall = (time.perf_counter() - started) * 1000
    in_page = page.evaluate("window.__formReady")
    page.wait_for_load_state("load")
    context.close()
    return {"ms": in_page, "wall_ms": wall, **seen}


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.9 * len(ordered) + 0.5) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="loads per target")
    parser.add_argument("--no-streamlit", action="store_true", help="skip the Streamlit page")
    parser.add_argument("--quick", action="store_true", help="2 runs, no Streamlit (smoke test)")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.no_streamlit = 2, True
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is not installed", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="afterward-ttf-") as tmp:
        folder = Path(tmp)
        server = Server(folder / "ttf.duckdb")
        link = open_link(server)
        static_dir = folder / "static"
        static_dir.mkdir()
        static_port = free_port()
        static_server = None
        try:
            server.start()
            static = static_page(link, static_dir)
            static_server = subprocess.Popen(
                [sys.executable, "-m", "http.server", str(static_port), "--bind", "127.0.0.1"],
                cwd=static_dir,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            static_url = f"http://127.0.0.1:{static_port}/{static.name}"
            wait_until_up(static_url, static_server)
            print(f"static page: {static.stat().st_size:,} bytes; load average {os.getloadavg()}")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                targets = {
                    "form": (link, FORM_INPUT, None),
                    "static": (static_url, FORM_INPUT, None),
                }
                if not args.no_streamlit:
                    cookies = manager_cookies(browser, server.url)
                    targets["streamlit /"] = (f"{server.url}/", STREAMLIT_INPUT, cookies)
                for url, selector, cookies in targets.values():  # warm-up, not counted
                    load_once(browser, url, selector, cookies)
                results: dict[str, list[dict]] = {name: [] for name in targets}
                for _ in range(args.runs):
                    for name, (url, selector, cookies) in targets.items():
                        results[name].append(load_once(browser, url, selector, cookies))
                browser.close()
        finally:
            stop(static_server)
            server.stop()

    print(f"\n{args.runs} runs each, fresh context per run (no cache, no cookies but the session)")
    print(
        f"{'target':12} {'median':>8} {'p90':>8} {'min':>8} {'wall med':>9} "
        f"{'requests':>9} {'scripts':>8} {'KB':>8} {'script KB':>10}  (ms: navigation start -> usable input)"
    )
    medians = {}
    for name, runs in results.items():
        times = [r["ms"] for r in runs]
        medians[name] = statistics.median(times)
        last = runs[-1]
        print(
            f"{name:12} {medians[name]:8.1f} {p90(times):8.1f} {min(times):8.1f} "
            f"{statistics.median(r['wall_ms'] for r in runs):9.1f} {last['requests']:9d} "
            f"{last['scripts']:8d} {last['bytes'] / 1024:8.1f} {last['script_bytes'] / 1024:10.1f}"
        )
    ratio = medians["form"] / medians["static"]
    print(f"\nform / static (medians): {ratio:.2f}x")
    if "streamlit /" in medians:
        print(f"streamlit / / form (medians): {medians['streamlit /'] / medians['form']:.1f}x")
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"target (issue 13): form <= {TARGET_RATIO:.0f}x static: {verdict}")
    print(f"load average now {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
