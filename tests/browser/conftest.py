"""Browser fixtures: one `streamlit run` server and one headless Chromium per session, a fresh page per test.

The browser is Debian's chromium (``apt-get install chromium``), driven through Playwright's
``executable_path``: Playwright never downloads a browser here (do not run ``playwright install``).
Without chromium or the playwright package every browser test skips with a reason saying how to enable it.
Full-page screenshots land in ``screenshots/`` at the project root (gitignored); a failing test
saves ``screenshots/FAILED-<test>.png``.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ENABLE_HINT = (
    "Browser tests need Debian's chromium (apt-get install chromium) and the playwright package "
    "(pip install -e '.[test]'); .ci/run installs both."
)
SCREENSHOTS = PROJECT_ROOT / "screenshots"
STARTUP_TIMEOUT = 90  # seconds for `streamlit run` to answer its health check
SETTLE_TIMEOUT = 60  # seconds for a script run to finish


def require_browser() -> None:
    """Skip the test unless both playwright and the chromium binary are available."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip(f"playwright is not installed. {ENABLE_HINT}")
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"no chromium at {CHROMIUM} (set CHROMIUM_PATH to use another). {ENABLE_HINT}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@pytest.fixture(scope="session")
def app_url():
    """Base URL (no trailing slash) of the dashboard served by `streamlit run` on a free localhost port."""
    require_browser()
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_CORPUS"}
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        # Edits to the sources during a session must not put a "source changed" prompt over the pages.
        "--server.fileWatcherType", "none",
    ]
    log_file = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)
    log = Path(log_file.name)
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not _healthy(url):
            if process.poll() is not None:
                pytest.fail(f"streamlit run exited with code {process.returncode}; log {log}:\n{_tail(log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit run did not answer {url}/_stcore/health within {STARTUP_TIMEOUT} s; log {log}:\n{_tail(log)}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log_file.close()


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium, launched once per session."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so the page fixture knows whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, request):
    """A fresh 1400×900 page; on failure its full-page screenshot is saved as screenshots/FAILED-<test>.png."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
    context.set_default_timeout(30_000)
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        try:
            screenshot(tab, "FAILED-" + re.sub(r"[^\w.-]+", "_", request.node.name))
        except Exception:  # noqa: BLE001 - a failed screenshot must not hide the test's own failure
            pass
    context.close()


# True once the run is over: connected, script not running, no running indicator, no stale
# element, no placeholder of a lazily loaded element, and every Plotly chart drawn.
_SETTLED_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    const visible = (el) => el.offsetParent !== null && el.getBoundingClientRect().height > 0;
    if ([...document.querySelectorAll('[data-testid="stStatusWidget"]')].some(visible)) return false;
    if (document.querySelector('[data-testid="stAppSkeleton"], [data-testid="stSkeleton"], [data-testid="stSpinner"]')) return false;
    if (document.querySelector('[data-testid="stElementContainer"][data-stale="true"]')) return false;
    return [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every((chart) => chart.querySelector('.main-svg'));
}"""


def settle(page, timeout: float = SETTLE_TIMEOUT) -> None:
    """Wait until Streamlit has finished the current script run and Plotly has drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    try:
        page.wait_for_load_state("networkidle", timeout=15_000)
    except Exception:  # noqa: BLE001 - networkidle is a hint only; the poll below decides
        pass
    page.wait_for_function(_SETTLED_JS, timeout=timeout * 1000, polling=200)
    page.wait_for_timeout(1000)  # Plotly finishes its transitions and fonts settle
    page.wait_for_function(_SETTLED_JS, timeout=timeout * 1000, polling=200)


def open_and_settle(page, url: str) -> None:
    """Go to ``url`` and wait until Streamlit has finished running the page."""
    page.goto(url, wait_until="domcontentloaded")
    settle(page)


def screenshot(page, name: str) -> Path:
    """Save a full-page PNG as screenshots/<name>.png (the folder is gitignored).

    Streamlit scrolls inside ``stMain``, not the document, so Playwright's full_page alone would
    capture one screen: the viewport is stretched to the content's height for the shot, then restored.
    """
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate(
        """() => Math.max(
            document.documentElement.scrollHeight,
            ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebarContent"]')].map((el) => el.scrollHeight),
        )"""
    )
    if size and height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": min(int(height), 16_000)})
        page.wait_for_timeout(500)
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        if size and height > size["height"]:
            page.set_viewport_size(size)
    return path
