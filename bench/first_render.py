"""Benchmark: how long a user waits for the Overview, in headless Chromium (issue 18's two targets).

Run:  .venv/bin/python bench/first_render.py [--repeat N] [--cold] [--charts N] [--floor] [--returning]

It prints, in one run, the two figures the targets are set on:

- **visit**: a new browser (a fresh browser context: empty caches, no cookies) opening the
  Overview on a server that is already running and has served it once (so the analysis is in
  Streamlit's cache), from navigation to fully rendered. Target <= 1.2 s.
- **dashboard's own cold start**: the median of `streamlit run` -> Overview fully rendered,
  minus the same for a minimal page with three one-trace Plotly charts (what any Streamlit page
  with Plotly charts costs on this machine). Target <= 1.0 s. (The earlier target, <= 3 s from a
  cold `streamlit run`, was withdrawn: a minimal page alone takes about 4 s on 2 cores.)

Cold starts are measured as follows.

Each run starts a fresh server (``streamlit run streamlit_app.py --server.headless true --server.port
<free port>``; the clock starts just before ``Popen``), waits for ``/_stcore/health`` to answer 200,
launches Debian's Chromium (``/usr/bin/chromium``, headless, through Playwright; never ``playwright
install``), opens the default page (the Overview of the bundled corpus: ``BRIEFING_CORPUS`` is removed
from the server's environment) and waits until it is fully rendered: the title heading is visible, the
four metrics show a value, every expected Plotly chart (3 on the bundled corpus: actors, keywords,
timeline) has drawn a non-empty SVG with at least one trace, no spinner, skeleton or stale element is
left, and Streamlit is no longer running the script (``stApp`` says ``notRunning``, no status widget).
The same server then serves a browser reload: the "warm" figure, a second visit whose analysis is
already in Streamlit's in-memory cache and whose static files are in the browser's cache.

Prints one line per run: the seconds since ``Popen`` at each step (server ready; browser launched;
DOM = navigation done, DOMContentLoaded; sidebar = the page links shown; title = the title heading
shown; FULL = fully rendered), then ``srvmsg`` = the last websocket message from the server before
FULL (seen at the network layer, so FULL - srvmsg is browser-side work), the warm reload and the
1-minute load average before the run (other processes on the machine inflate every figure). Then the
best and median of each step. Never pass/fail. The last
run's first render is saved as /tmp/first_render.png (full page) at the moment it counted as
rendered, for a human to check.

Default: the server inherits this environment, so the on-disk analysis cache (``$BRIEFING_CACHE_DIR``,
else ``~/.cache/briefing-dashboard``) already holds the bundled corpus's analysis after any earlier
run: this measures a restart of a dashboard that has run before. ``--cold`` points
``BRIEFING_CACHE_DIR`` at a fresh empty temporary folder for each run (removed afterwards): this
measures a first start ever, the analysis computed from scratch (and written to the cache). Either
way Streamlit's own caches live in memory and start empty; the OS file cache stays warm after the
first run. The server runs with ``--server.fileWatcherType none`` so edits to the tree during a run
cannot show a "source changed" notice in the status widget.

The minimal page with three Plotly charts is measured first, the same way (a script written to
a temporary folder). ``--floor`` adds two more: a title and four metrics alone (Streamlit's own
start on this machine), and the same with three Vega-Lite bar charts (``st.bar_chart``: what
Streamlit's other chart library would cost).

``--returning`` uses a browser profile (a temporary user-data folder) that visited the dashboard
once before, on an earlier server: its HTTP and compiled-code caches hold Streamlit's and Plotly's
scripts, as an analyst's browser does on a second visit. Each measured run still starts a fresh
server, on the same port as the earlier visit (the browser's caches are keyed by the origin,
port included); only the browser remembers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
SCREENSHOT = Path("/tmp/first_render.png")
VISIT_TARGET = 1.2  # seconds: a new browser visiting a running server, to the Overview drawn
OWN_COLD_TARGET = 1.0  # seconds: cold start to the Overview drawn, beyond a minimal page with 3 Plotly charts
EXPECTED_CHARTS = 3  # Overview of the bundled corpus: actors, keywords, event timeline
EXPECTED_METRICS = 4  # documents, sentences, words, dates
TIMEOUT = 120.0  # seconds allowed for any one step
POLL_MS = 50
STEPS = ("server ready", "browser launched", "navigation done", "sidebar shown", "title shown", "fully rendered")
HEADERS = ("server", "browsr", "DOM", "sidebr", "title", "FULL")

# Minimal apps for --floor: the same "fully rendered" conditions with nothing of the dashboard's own.
_MINIMAL_APP = textwrap.dedent(
    """\
    import streamlit as st

    st.title("Minimal page")
    for column, value in zip(st.columns(4), (1, 2, 3, 4)):
        column.metric(f"Metric {value}", value)
    """
)
_MINIMAL_PLOTLY_APP = _MINIMAL_APP + textwrap.dedent(
    """\
    import plotly.graph_objects as go

    for chart in range(3):
        st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])), key=f"chart{chart}")
    """
)
_MINIMAL_VEGA_APP = _MINIMAL_APP + textwrap.dedent(
    """\
    import pandas as pd

    for chart in range(3):
        st.bar_chart(pd.DataFrame({"y": [3, 1, 2]}, index=["a", "b", "c"]))
    """
)

# The page's state as one object; `done` is the "fully rendered" condition (arg = expected chart and metric counts).
_STATE_JS = """([charts, metrics]) => {
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && el.offsetParent !== null; };
    const app = document.querySelector('[data-testid="stApp"]');
    const main = document.querySelector('[data-testid="stMain"]');
    const title = main ? [...main.querySelectorAll('[data-testid="stHeading"] h1')].some(visible) : false;
    const nav = [...document.querySelectorAll('[data-testid="stSidebarNav"] a')].some(visible);
    const values = [...document.querySelectorAll('[data-testid="stMetricValue"]')].filter((el) => visible(el) && el.innerText.trim());
    const plotly = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    const vega = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];  // only in the --floor comparison
    const plots = [...plotly, ...vega];
    const drawn = plotly.filter((chart) => {
        const svg = chart.querySelector('.js-plotly-plot .main-svg');
        return svg && visible(svg) && chart.querySelector('.js-plotly-plot g.trace');
    }).concat(vega.filter((chart) => [...chart.querySelectorAll('canvas, svg.marks')].some(visible)));
    const status = [...document.querySelectorAll('[data-testid="stStatusWidget"]')].filter(visible).map((el) => el.innerText.trim());
    const busy = document.querySelectorAll('[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"], '
        + '[data-testid="stElementContainer"][data-stale="true"]').length;
    const script = app ? app.getAttribute('data-test-script-state') : null;
    const connection = app ? app.getAttribute('data-test-connection-state') : null;
    const done = title && values.length >= metrics && plots.length === charts && drawn.length === charts
        && script === 'notRunning' && connection === 'CONNECTED' && status.length === 0 && busy === 0;
    return {done, nav, title, metrics: values.length, charts: plots.length, drawn: drawn.length, script, connection, status, busy};
}"""

# The page's full height: Streamlit scrolls inside stMain, not the document.
_HEIGHT_JS = """() => Math.max(document.documentElement.scrollHeight,
    ...[...document.querySelectorAll('[data-testid="stMain"]')].map((el) => el.scrollHeight))"""


@dataclass
class Run:
    """One measurement: seconds since Popen at each step, the last server message, the warm reload."""

    steps: dict[str, float] = field(default_factory=dict)
    server_done: float | None = None
    warm: float | None = None
    load: float = 0.0
    error: str | None = None


def free_port() -> int:
    """A free localhost TCP port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(cache_dir: str | None) -> dict[str, str]:
    """This environment without BRIEFING_CORPUS (the bundled corpus is measured), with BRIEFING_CACHE_DIR if given."""
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_CORPUS"}
    if cache_dir is not None:
        env["BRIEFING_CACHE_DIR"] = cache_dir
    return env


def start_server(port: int, env: dict[str, str], log: Any, script: str = "streamlit_app.py") -> subprocess.Popen:
    """Start `streamlit run SCRIPT` (default: the dashboard) headless on ``port``."""
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def healthy(url: str) -> bool:
    """Whether the server's health endpoint answers 200."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def wait_healthy(url: str, process: subprocess.Popen) -> None:
    """Poll the health endpoint every 20 ms until it answers; raise if the server dies or times out."""
    deadline = time.perf_counter() + TIMEOUT
    while not healthy(url):
        if process.poll() is not None:
            raise RuntimeError(f"streamlit run exited with code {process.returncode}")
        if time.perf_counter() > deadline:
            raise RuntimeError(f"no answer from {url}/_stcore/health within {TIMEOUT:.0f} s")
        time.sleep(0.02)


def stop_server(process: subprocess.Popen) -> None:
    """Terminate the server (kill it after 15 s)."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def page_state(page: Any, charts: int) -> dict[str, Any]:
    """The page's render state (see _STATE_JS)."""
    return page.evaluate(_STATE_JS, [charts, EXPECTED_METRICS])


def wait_for(page: Any, charts: int, key: str) -> None:
    """Wait until the state's ``key`` is true."""
    page.wait_for_function(f"(arg) => ({_STATE_JS})(arg).{key}", arg=[charts, EXPECTED_METRICS], polling=POLL_MS, timeout=TIMEOUT * 1000)


def render(page: Any, charts: int, mark: Any, *, navigation: bool = True) -> None:
    """Wait through the milestones after navigation, calling ``mark(step)`` as each is reached.

    ``navigation=False``: a one-page app, which has no page links to wait for.
    """
    steps = (("sidebar shown", "nav"), ("title shown", "title"), ("fully rendered", "done"))
    for step, key in steps if navigation else steps[1:]:
        wait_for(page, charts, key)
        mark(step)


def listen_to_server(page: Any, started: float, frames: list[float]) -> None:
    """Append the time (since ``started``) of every websocket message the page receives to ``frames``."""
    seen = lambda _frame: frames.append(time.perf_counter() - started)
    page.on("websocket", lambda socket_: socket_.on("framereceived", seen))


def screenshot(page: Any, path: Path) -> None:
    """Save a full-page PNG: the viewport is stretched to stMain's scroll height (Streamlit scrolls inside it)."""
    height = page.evaluate(_HEIGHT_JS)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": min(max(int(height), VIEWPORT["height"]), 16_000)})
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)


def warm_reload(page: Any, charts: int) -> float:
    """Seconds for a browser reload of the same page, with the same server, to render fully."""
    started = time.perf_counter()
    page.reload(wait_until="domcontentloaded")
    wait_for(page, charts, "done")
    return time.perf_counter() - started


def first_render(page: Any, url: str, setup: Setup, run: Run, mark: Any) -> None:
    """Open ``url`` and record each step until fully rendered; on a timeout, keep the page state in ``run.error``."""
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT * 1000)
    mark("navigation done")
    charts = setup.charts
    try:
        render(page, charts, mark, navigation=setup.navigation)
    except Exception:
        run.error = f"not fully rendered; page state: {page_state(page, charts)}"
        raise


@dataclass(frozen=True)
class Setup:
    """What one series of runs opens: the script, the charts it draws, the browser profile, the port and cache mode."""

    script: str = "streamlit_app.py"
    charts: int = EXPECTED_CHARTS
    profile: str | None = None  # a user-data folder whose caches persist across runs (--returning)
    port: int | None = None  # None: a free port per run; --returning keeps one (browser caches are keyed by origin)
    cold: bool = False
    navigation: bool = True  # False for a one-page app (no page links in a sidebar)


def open_browser(playwright: Any, setup: Setup) -> tuple[Any, Any]:
    """Launch Chromium (with ``setup.profile`` if given); return what to close and a new page."""
    if setup.profile is None:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        return browser, browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
    context = playwright.chromium.launch_persistent_context(
        setup.profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport=VIEWPORT, device_scale_factor=1
    )
    return context, context.pages[0] if context.pages else context.new_page()


def browse(playwright: Any, url: str, started: float, run: Run, setup: Setup, shot: bool) -> None:
    """Launch Chromium, open ``url``, record each step, then the warm reload; screenshot if ``shot``."""
    mark = lambda step: run.steps.__setitem__(step, time.perf_counter() - started)
    closable, page = open_browser(playwright, setup)
    try:
        mark("browser launched")
        frames: list[float] = []
        listen_to_server(page, started, frames)
        first_render(page, url, setup, run, mark)
        run.server_done = max((t for t in frames if t <= run.steps["fully rendered"]), default=None)
        if shot:
            screenshot(page, SCREENSHOT)
        page.wait_for_timeout(1000)
        if not page_state(page, setup.charts)["done"]:
            run.error = f"rendered state did not hold 1 s later: {page_state(page, setup.charts)}"
        run.warm = warm_reload(page, setup.charts)
    finally:
        closable.close()


def measure(playwright: Any, setup: Setup, shot: bool) -> Run:
    """One run: a fresh server (and, with ``setup.cold``, a fresh empty BRIEFING_CACHE_DIR), then the browser."""
    run = Run(load=os.getloadavg()[0])
    cache_dir = tempfile.mkdtemp(prefix="briefing-cache-") if setup.cold else None
    log = tempfile.NamedTemporaryFile(prefix="first-render-", suffix=".log", delete=False)  # noqa: SIM115 - kept when a run fails
    port = setup.port or free_port()
    started = time.perf_counter()
    process = start_server(port, server_env(cache_dir), log, setup.script)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process)
        run.steps["server ready"] = time.perf_counter() - started
        browse(playwright, f"http://127.0.0.1:{port}/", started, run, setup, shot)
    except Exception as error:  # noqa: BLE001 - a benchmark reports a broken run and goes on
        run.error = (run.error or f"{type(error).__name__}: {error}") + f" (server log kept: {log.name})"
    finally:
        stop_server(process)
        log.close()
        if run.error is None:
            os.unlink(log.name)
        if cache_dir:
            shutil.rmtree(cache_dir, ignore_errors=True)
    return run


def series(playwright: Any, title: str, setup: Setup, repeat: int, shot: bool = False) -> list[Run]:
    """``repeat`` runs of ``setup``, a line each, then their summary; the last run's render saved if ``shot``."""
    print(f"\n== {title}")
    print("  ".join(f"{name:>6}" for name in HEADERS) + "  |srvmsg  |  warm  | load")
    runs: list[Run] = []
    for index in range(repeat):
        runs.append(measure(playwright, setup, shot=shot and index == repeat - 1))
        print(row(runs[-1]), flush=True)
    summary(runs)
    return runs


def seconds(value: float | None) -> str:
    """A time cell of the table ("-" when the step was not reached)."""
    return f"{value:6.2f}" if value is not None else "     -"


def row(run: Run) -> str:
    """One run as a line of cumulative step times, then the last server message, warm reload and load."""
    cells = "  ".join(seconds(run.steps.get(step)) for step in STEPS)
    line = f"{cells}  |{seconds(run.server_done)}  |{seconds(run.warm)}  | {run.load:4.1f}"
    return line + (f"   !! {run.error}" if run.error else "")


def best_and_median(name: str, times: list[float], note: str = "") -> None:
    """Print the best and the median of ``times``."""
    if times:
        print(f"{name:>20}: best {min(times):6.2f} s   median {statistics.median(times):6.2f} s{note}")


def summary(runs: list[Run]) -> None:
    """Best and median of every step over the runs that reached it, and the total against the target."""
    print()
    for step in STEPS:
        best_and_median(step, [run.steps[step] for run in runs if step in run.steps])
    best_and_median("last server message", [run.server_done for run in runs if run.server_done is not None])
    best_and_median("warm reload", [run.warm for run in runs if run.warm is not None], "   (same server: reload -> fully rendered)")
    totals = rendered(runs)
    if len(totals) < len(runs):
        print(f"{len(runs) - len(totals)} of {len(runs)} runs did not render fully (see !! above)")


def rendered(runs: list[Run]) -> list[float]:
    """Seconds from Popen to fully rendered, of the runs that got there."""
    return [run.steps["fully rendered"] for run in runs if "fully rendered" in run.steps]


def visits(playwright: Any, repeat: int, setup: Setup | None = None) -> list[float]:
    """Seconds from navigation to fully rendered for ``repeat`` new browsers visiting one running server.

    The server serves one visit first (not counted): its analysis is then in Streamlit's cache, as
    on a dashboard that anyone has opened since it started. ``setup``: another script (a floor).
    """
    setup = setup or Setup()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tempfile.NamedTemporaryFile(prefix="first-render-visit-", suffix=".log", delete=False)  # noqa: SIM115 - kept when a run fails
    process = start_server(port, server_env(None), log, setup.script)
    times: list[float] = []
    try:
        wait_healthy(url.rstrip("/"), process)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for index in range(repeat + 1):
                context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url, wait_until="commit", timeout=TIMEOUT * 1000)
                wait_for(page, setup.charts, "done")
                if index:
                    times.append(time.perf_counter() - started)
                    print(f"  visit {index}: {times[-1]:.2f} s", flush=True)
                context.close()
        finally:
            browser.close()
    finally:
        stop_server(process)
        log.close()
        os.unlink(log.name)
    return times


def verdicts(visit: list[float], floor_visit: list[float], dashboard: list[Run], floor: list[Run]) -> None:
    """The two figures against their targets."""
    print()
    reloads = [run.warm for run in dashboard if run.warm is not None]
    if visit:
        median = statistics.median(visit)
        print(f"new browser visiting a running server -> Overview drawn: median {median:.2f} s (best {min(visit):.2f}) "
              f"= {median / VISIT_TARGET:.2f} x target (target <= {VISIT_TARGET} s)")
    if floor_visit:
        print(f"  the same visit to a minimal page with 3 Plotly charts: median {statistics.median(floor_visit):.2f} s "
              f"(best {min(floor_visit):.2f}): what any such page costs a new browser here")
    if reloads:
        print(f"  a reload of the Overview, the browser's cache warm (the issue's 1.55 s was this): median {statistics.median(reloads):.2f} s")
    dashboard, floor = rendered(dashboard), rendered(floor)
    if dashboard and floor:
        own = statistics.median(dashboard) - statistics.median(floor)
        print(f"cold start -> Overview drawn, beyond a minimal page with 3 Plotly charts: {statistics.median(dashboard):.2f} - "
              f"{statistics.median(floor):.2f} = {own:.2f} s = {own / OWN_COLD_TARGET:.2f} x target (target <= {OWN_COLD_TARGET} s)")


def parse_args() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs, each with a fresh server (default 3)")
    parser.add_argument("--cold", action="store_true", help="a fresh empty BRIEFING_CACHE_DIR per run (default: inherit the environment)")
    parser.add_argument("--charts", type=int, default=EXPECTED_CHARTS, help=f"Plotly charts expected on the first page ({EXPECTED_CHARTS})")
    parser.add_argument("--floor", action="store_true", help="also measure a minimal page without charts and one with 3 Vega-Lite charts")
    parser.add_argument("--returning", action="store_true", help="a browser profile that visited the dashboard once before")
    return parser.parse_args()


def floors(playwright: Any, repeat: int, *, all_floors: bool) -> list[Run]:
    """The minimal apps (see _MINIMAL_APP), measured like the dashboard; the runs of the one with 3 Plotly charts."""
    apps = [("minimal_plotly.py", _MINIMAL_PLOTLY_APP, 3, "floor: a minimal page (title, 4 metrics) with 3 one-trace Plotly bar charts")]
    if all_floors:
        apps = [
            ("minimal.py", _MINIMAL_APP, 0, "floor: a minimal Streamlit page (title, 4 metrics)"),
            *apps,
            ("minimal_vega.py", _MINIMAL_VEGA_APP, 3, "floor: the same with 3 Vega-Lite bar charts (st.bar_chart) instead"),
        ]
    plotly: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="first-render-floor-") as folder:
        for name, source, charts, title in apps:
            script = Path(folder) / name
            script.write_text(source, encoding="utf-8")
            runs = series(playwright, title, Setup(script=str(script), charts=charts, navigation=False), repeat)
            plotly = runs if name == "minimal_plotly.py" else plotly
    return plotly


def main() -> None:
    """Run the benchmark and print the figures."""
    from playwright.sync_api import sync_playwright

    args = parse_args()
    cache = "a fresh empty folder per run (--cold)" if args.cold else os.environ.get("BRIEFING_CACHE_DIR", "unset: the user cache folder")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; BRIEFING_CACHE_DIR: {cache}")
    print("each line: seconds since Popen at each step; srvmsg = last server message; warm = reload on the same server")
    SCREENSHOT.unlink(missing_ok=True)
    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="first-render-profile-") as profile:
        floor = floors(playwright, args.repeat, all_floors=args.floor)
        setup = Setup(charts=args.charts, cold=args.cold)
        if args.returning:
            setup = replace(setup, profile=profile, port=free_port())
            earlier = measure(playwright, setup, shot=False)  # not counted: fills the profile's caches
            print(f"earlier visit (not counted): {row(earlier)}")
        dashboard = series(playwright, "the dashboard" + (", returning browser" if args.returning else ""), setup, args.repeat, shot=True)
        print("\n== new browsers visiting a running server")
        visit = visits(playwright, args.repeat)
        print("\n== new browsers visiting a running minimal page with 3 Plotly charts")
        with tempfile.TemporaryDirectory(prefix="first-render-floor-") as folder:
            script = Path(folder) / "minimal_plotly.py"
            script.write_text(_MINIMAL_PLOTLY_APP, encoding="utf-8")
            floor_visit = visits(playwright, args.repeat, Setup(script=str(script), charts=3, navigation=False))
        verdicts(visit, floor_visit, dashboard, floor)
    if SCREENSHOT.exists():
        print(f"screenshot of the last run's first render: {SCREENSHOT}")


if __name__ == "__main__":
    main()
