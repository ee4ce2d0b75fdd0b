"""An analysis in a worker process: the same result, and a heavy one stopped by memory, time or cancel without harm."""

from __future__ import annotations

import pytest

from analysis import analyze, corpus_from_texts
from analysis.engines.isolated import AnalysisStopped, IsolatedAnalysis, Limits
from analysis.knowledge.lexicons import load_actor_lexicon

TEXTS = ["Tony Blair met Gordon Brown in London in 2005. Labour said the budget would pass.", "Microsoft and Apple unveiled software."]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))


def test_the_isolated_result_is_the_in_process_one():
    corpus, lexicon = corpus_from_texts(TEXTS), load_actor_lexicon()
    seen = []
    with IsolatedAnalysis(corpus, lexicon, limits=Limits(timeout_s=300)) as job:
        result = job.wait(lambda done, total: seen.append((done, total)))
    expected = analyze(corpus, actors=lexicon, workers=1)
    assert result.mentions.equals(expected.mentions) and result.actor_counts.equals(expected.actor_counts)
    assert seen, "progress is reported while it runs"


def test_an_analysis_past_its_time_is_stopped_with_the_reason():
    # Texts of its own: a worker forked from an earlier test's server would find that test's cache entry.
    with IsolatedAnalysis(corpus_from_texts([*TEXTS, "Timed."]), load_actor_lexicon(), limits=Limits(timeout_s=0.01)) as job:
        with pytest.raises(AnalysisStopped, match="ran past the 0 s"):
            job.wait()


def test_an_analysis_over_its_memory_cap_is_stopped_with_the_reason():
    pytest.importorskip("resource", reason="no RLIMIT_AS on this platform")
    with IsolatedAnalysis(corpus_from_texts(TEXTS), load_actor_lexicon(), limits=Limits(memory_mb=150, timeout_s=120)) as job:
        with pytest.raises(AnalysisStopped):
            job.wait()


def test_a_cancelled_analysis_ends_at_once_without_a_result():
    job = IsolatedAnalysis(corpus_from_texts(TEXTS * 50), load_actor_lexicon(), limits=Limits(timeout_s=300))
    job.cancel()
    assert job.poll() and not job._process.is_alive()
    with pytest.raises(AnalysisStopped, match="ended without a result|stopped by the system"):
        job.result()


def test_limits_come_from_the_environment_and_refuse_nonsense(monkeypatch):
    monkeypatch.setenv("BRIEFING_ANALYSIS_MEMORY_MB", "2048")
    monkeypatch.setenv("BRIEFING_ANALYSIS_TIMEOUT_S", "60")
    assert Limits.from_environment() == Limits(memory_mb=2048, timeout_s=60.0)
    monkeypatch.setenv("BRIEFING_ANALYSIS_TIMEOUT_S", "soon")
    with pytest.raises(ValueError, match="BRIEFING_ANALYSIS_TIMEOUT_S must be a number"):
        Limits.from_environment()
