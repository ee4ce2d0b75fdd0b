"""Parallel analysis: the same tables as in one process, whatever the batches."""

from __future__ import annotations

import multiprocessing
import os

import pandas as pd
import pytest

from analysis import Corpus, Document, analyze, load_corpus
from analysis.engines.engine import LocalEngine, batches, default_workers, usable_cores
from analysis.storage.output import TABLE_NAMES
from tests.conftest import FAKES_CSV


def assert_same_analysis(left, right) -> None:
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), obj=name)
    assert left.cleaning == right.cleaning
    assert left.actor_colors == right.actor_colors and left.ngram == right.ngram


def mixed_corpus(default_corpus) -> Corpus:
    """Sixty documents cut from the default corpus, some repeated or sharing a boilerplate line, plus one empty."""
    text = default_corpus.documents[0].text
    pieces = [text[i : i + 1500] for i in range(0, len(text), 1500)]
    footer = "\n\nShare this article on social media."
    docs = [Document(f"d{i}", piece + footer, title=f"Piece {i}", date=f"2019-0{1 + i % 9}-01") for i, piece in enumerate(pieces)]
    docs += [Document(f"copy{i}", pieces[i] + footer) for i in range(0, len(pieces), 5)]
    docs.append(Document("empty", "   "))
    return Corpus(docs, name="mixed")


def test_batches_cover_every_item_once_in_order():
    sizes = [5, 1, 1, 30, 2, 2, 2, 9, 0, 4]
    for n in (1, 2, 3, 7, 50):
        ranges = batches(sizes, n)
        assert [i for r in ranges for i in r] == list(range(len(sizes)))
        assert all(len(r) for r in ranges)
    assert batches([], 4) == []


def test_small_corpora_stay_in_this_process():
    assert default_workers(3, 10_000_000) == 1
    assert default_workers(1000, 5_000) == 1
    assert 1 <= default_workers(1000, 10_000_000) == min(usable_cores(), 4)


def test_a_container_cpu_quota_caps_the_cores(monkeypatch):
    from analysis.engines import engine

    assert engine._quota_v2("max 100000") is None and engine._quota_v2("150000 100000") == 1 and engine._quota_v2("400000 100000") == 4
    monkeypatch.setattr(engine, "_cgroup_quota", lambda: 1)
    assert usable_cores() == 1 and default_workers(1000, 10_000_000) == 1


def test_parallel_analysis_equals_serial(default_corpus):
    corpus = mixed_corpus(default_corpus)
    serial = analyze(corpus, workers=1)
    counts = serial.cleaning["counts"]
    assert counts.get("repeated_passage") and counts.get("boilerplate_line") and "empty" in serial.cleaning["empty_documents"]
    steps: list[tuple[int, int]] = []
    parallel = analyze(corpus, workers=2, progress=lambda done, total: steps.append((done, total)))
    assert_same_analysis(parallel, serial)
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_parallel_analysis_equals_serial_on_real_news(default_corpus):
    if not FAKES_CSV.exists():
        pytest.skip(f"{FAKES_CSV} not found: team file from ../shared/, absent outside the team's machines")
    corpus = load_corpus(FAKES_CSV)
    corpus = Corpus(corpus.documents[:80], name="fakes-80")  # several batches per worker; more only costs CI time
    assert_same_analysis(analyze(corpus, workers=2), analyze(corpus, workers=1))


def _dies_in_a_worker(items: list[int]) -> list[int]:
    if multiprocessing.parent_process() is not None:
        os._exit(3)
    return [i * 2 for i in items]


def test_a_broken_worker_pool_falls_back_to_this_process():
    with LocalEngine(2) as engine, pytest.warns(RuntimeWarning, match="continuing in this process"):
        assert engine.map(_dies_in_a_worker, list(range(10)), sizes=[1] * 10) == [i * 2 for i in range(10)]
    assert engine.workers == 1


def test_bad_worker_counts_are_refused(default_corpus):
    with pytest.raises(ValueError, match="workers"):
        analyze(default_corpus, workers=0)
    with pytest.raises(ValueError, match="workers"):
        LocalEngine(0)


def test_a_pickled_actor_dictionary_matches_like_the_original():
    import pickle

    from analysis.extract.actors import find_mentions
    from analysis.knowledge.lexicons import load_actor_lexicon

    lexicon = load_actor_lexicon(packs=["syria"])
    text = "the regimes allies: Russias bases, the kremlins aims and Moscow's navy"
    before = find_mentions(text, 0, len(text), lexicon)  # builds and caches the matcher
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy == lexicon and "matcher" not in copy.__dict__
    assert find_mentions(text, 0, len(text), copy) == before and before
