"""A stored analysis (CLI --format parquet, or the Dask engine's output) opens in the dashboard as it is."""

from __future__ import annotations

import pytest

from analysis import analyze, corpus_from_texts
from analysis.storage.store import write_store
from tests.conftest import open_page

TEXTS = [
    "Russia wants a naval base at Tartus. Moscow backs Assad in the war.",
    "Iran sends militias to Aleppo in 2016. Turkey objects to the Kurdish militias.",
    "The Kremlin says its air force will stay in Syria. Russia signed a 49-year lease.",
]


@pytest.fixture
def stored(tmp_path, monkeypatch):
    folder = write_store(analyze(corpus_from_texts(TEXTS)), tmp_path / "stored")
    monkeypatch.setenv("BRIEFING_CORPUS", str(folder))
    return folder


def test_overview_and_explorer_show_the_stored_analysis(stored, monkeypatch):
    import analysis.engines.pipeline

    monkeypatch.setattr(analysis.engines.pipeline, "remove_repeated_passages", lambda *a, **k: pytest.fail("analysed the stand-in texts again"))
    at = open_page()
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "3"
    at.session_state["cleaning_report"] = True  # open the Overview's cleaning report: the stored report's tables
    at.run()
    assert not at.exception and len(at.dataframe) >= 1
    at = open_page("dashboard/pages/explorer.py", actor="Russia")
    assert not at.exception
    assert any("Tartus" in m.value for m in at.markdown)


def test_corpus_page_says_it_is_a_stored_analysis(stored, monkeypatch):
    import analysis.engines.pipeline

    monkeypatch.setattr(analysis.engines.pipeline, "remove_repeated_passages", lambda *a, **k: pytest.fail("analysed the stand-in texts again"))
    at = open_page("dashboard/pages/corpus.py")
    assert not at.exception
    assert any("stored analysis" in c.value for c in at.caption)


def test_a_damaged_stored_analysis_falls_back_to_the_bundled_corpus(stored):
    (stored / "sentences" / "part-00000.parquet").write_bytes(b"garbage")
    at = open_page()
    assert not at.exception
    assert any("Could not open the corpus" in e.value for e in at.error)


def test_the_corpus_page_shows_and_clears_the_disk_cache(tmp_path, monkeypatch):
    from analysis.storage.cache import cache_size, cached_analyze

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    cached_analyze(corpus_from_texts(TEXTS))
    at = open_page("dashboard/pages/corpus.py")
    assert not at.exception
    entries, _ = cache_size()
    assert entries >= 1
    panel = next(e for e in at.expander if e.label == "Analysis cache on this server")
    assert f"{entries} analys" in panel.caption[0].value
    at.button(key="cache_clear").click().run()
    assert not at.exception and cache_size() == (0, 0)
