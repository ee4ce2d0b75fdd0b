"""Shared fixtures: the default corpus analysis, and paths to team files that may be absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.paths import DEFAULT_CORPUS, PROJECT_ROOT
from analysis.storage.cache import CACHE_ENV, cached_analyze

SHARED = PROJECT_ROOT.parent / "shared"
FAKES_CSV = SHARED / "corpora" / "fakes_syria.csv"
GOLDEN_RULES = SHARED / "gold" / "sentence_boundaries_golden_rules.json"
GOLD_DIR = Path(__file__).parent / "gold"


def shared_file(path: Path) -> Path:
    """The path, or skip the test with a reason when the team's shared/ folder is absent."""
    if not path.exists():
        pytest.skip(f"{path} not found: team file from ../shared/, absent outside the team's machines")
    return path


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Every test (and every dashboard or CLI it starts) uses a fresh on-disk analysis cache, not the user's."""
    folder = tmp_path_factory.mktemp("analysis-cache")
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous


@pytest.fixture(scope="session")
def default_corpus():
    return load_corpus(DEFAULT_CORPUS)


@pytest.fixture(scope="session")
def default_analysis(default_corpus):
    return cached_analyze(default_corpus)  # as fakes_analysis: the pages then read it from the disk cache


@pytest.fixture(scope="session")
def fakes_corpus():
    return load_corpus(shared_file(FAKES_CSV))


@pytest.fixture(scope="session")
def fakes_analysis(fakes_corpus):
    # Through the on-disk cache, so a dashboard page opened on FA-KES in the same run reads
    # this analysis instead of redoing it inside AppTest's time limit.
    return cached_analyze(fakes_corpus)


@pytest.fixture
def show_text(tmp_path, monkeypatch):
    """A function that writes a small text corpus and makes it the one the dashboard shows; returns its path."""

    def show(text: str, name: str = "corpus.txt") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("BRIEFING_CORPUS", str(path))
        return path

    return show


def open_page(page: str | None = None, **query_params):
    """Run the dashboard in AppTest, with URL query parameters, switched to ``page`` (e.g. "dashboard/pages/actors.py")."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=60)
    opens_elsewhere = page and page != "dashboard/pages/overview.py"
    if opens_elsewhere:
        # Before its first run AppTest cannot find pages by url_path: run the default page bare, then switch.
        at.run()
        at.switch_page(page)
    for key, value in query_params.items():
        at.query_params[key] = value
    return at.run()
