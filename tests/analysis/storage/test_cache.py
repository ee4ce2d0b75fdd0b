"""The on-disk cache: same tables as a fresh analysis, keyed by everything that matters, never trusting a damaged entry."""

from __future__ import annotations

import pytest

from analysis import Corpus, Document, analyze, corpus_from_texts
from analysis.knowledge.lexicons import actor_lexicon_from_text, load_actor_lexicon
from analysis.storage.cache import cache_key, cache_size, cached_analyze, clear_cache, prune
from analysis.storage.store import MANIFEST
from tests.analysis.engines.test_engine import assert_same_analysis

TEXTS = ["Russia wants a naval base at Tartus. Moscow backs Assad.", "Iran sends militias to Aleppo in 2016. Turkey objects."]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "analyses"


def entries(cache):
    return sorted(p for p in cache.iterdir() if not p.name.startswith(".")) if cache.exists() else []


def test_a_second_run_reads_the_cache_and_equals_a_fresh_analysis(cache, monkeypatch):
    corpus = corpus_from_texts(TEXTS)
    first = cached_analyze(corpus)
    assert len(entries(cache)) == 1
    monkeypatch.setattr("analysis.storage.cache.analyze", lambda *a, **k: pytest.fail("recomputed despite the cache"))
    assert_same_analysis(cached_analyze(corpus), first)
    assert_same_analysis(first, analyze(corpus))


def test_the_key_follows_corpus_dictionary_and_settings():
    lexicon = load_actor_lexicon(packs=["syria"])
    corpus = corpus_from_texts(TEXTS)
    key = cache_key(corpus, lexicon, ngram=3)
    assert key == cache_key(corpus_from_texts(TEXTS), load_actor_lexicon(packs=["syria"]), ngram=3)
    assert key != cache_key(corpus, lexicon, ngram=2)
    assert key != cache_key(corpus_from_texts([TEXTS[0], TEXTS[1] + " "]), lexicon, ngram=3)
    assert key != cache_key(Corpus(corpus.documents, warnings=["b.csv: skipped"]), lexicon, ngram=3)
    renamed = Corpus([Document("other", TEXTS[0]), corpus.documents[1]])
    assert key != cache_key(renamed, lexicon, ngram=3)
    extra = actor_lexicon_from_text('[[actor]]\nname = "Wagner Group"\ntype = "armed group"\naliases = ["Wagner"]\n', "extra.toml")
    assert key != cache_key(corpus, extra, ngram=3)


def test_no_cache_neither_reads_nor_writes(cache):
    cached_analyze(corpus_from_texts(TEXTS), use_cache=False)
    assert entries(cache) == []


@pytest.mark.parametrize("damage", ["truncate_part", "alter_part", "drop_part", "bad_manifest", "other_format"])
def test_a_damaged_entry_is_detected_and_recomputed(cache, damage):
    corpus = corpus_from_texts(TEXTS)
    fresh = cached_analyze(corpus)
    [entry] = entries(cache)
    part = entry / "sentences" / "part-00000.parquet"
    if damage == "truncate_part":
        part.write_bytes(part.read_bytes()[:100])
    elif damage == "alter_part":
        data = bytearray(part.read_bytes())
        data[len(data) // 2] ^= 0xFF
        part.write_bytes(bytes(data))
    elif damage == "drop_part":
        part.unlink()
    elif damage == "bad_manifest":
        (entry / MANIFEST).write_text("{not json", encoding="utf-8")
    else:
        (entry / MANIFEST).write_text((entry / MANIFEST).read_text(encoding="utf-8").replace('"format": 1', '"format": 99'), encoding="utf-8")
    assert_same_analysis(cached_analyze(corpus), fresh)
    [again] = entries(cache)
    assert_same_analysis(cached_analyze(corpus), fresh)  # the recomputed entry is whole again
    assert (again / "sentences" / "part-00000.parquet").exists()


def test_a_half_written_entry_is_ignored(cache):
    corpus = corpus_from_texts(TEXTS)
    cached_analyze(corpus)
    [entry] = entries(cache)
    (entry / MANIFEST).unlink()  # the manifest is written last: without it the entry is incomplete
    cached_analyze(corpus)
    assert (entry / MANIFEST).exists()


def test_an_unwritable_cache_only_costs_the_saving(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker / "cache"))
    assert_same_analysis(cached_analyze(corpus_from_texts(TEXTS)), analyze(corpus_from_texts(TEXTS)))


def test_clear_and_prune(cache):
    for i in range(3):
        cached_analyze(corpus_from_texts([TEXTS[0] + f" Day {i}."]))
    assert cache_size()[0] == 3
    prune(1)  # over any limit the most recent entry still stays
    assert cache_size()[0] == 1
    assert clear_cache() == 1 and cache_size() == (0, 0)
