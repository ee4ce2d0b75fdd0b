"""Scale benchmarks: parallel speed-up, warm cache reopen, peak memory (used by bench/run.py).

Large corpora are built from FA-KES (../shared/): each copy gets its own document ids and a
small perturbation (a copy number after every seventh word) so that duplicate removal does
not collapse the copies into one.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from analysis import Corpus, Document, analyze, load_corpus
from analysis.storage.cache import cached_analyze

_WORD = re.compile(r"\S+")


def perturbed(text: str, copy: int) -> str:
    """The text with the copy number after every seventh word (breaks every 8-word window dedup compares)."""
    count = 0

    def mark(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"{match.group()} {copy}" if count % 7 == copy % 7 else match.group()

    return _WORD.sub(mark, text)


def copies_corpus(base: Corpus, megabytes: float) -> Corpus:
    """Copies of ``base`` (own ids, perturbed) until the text reaches ``megabytes``."""
    size = sum(len(d.text.encode("utf-8")) for d in base.documents)
    n = max(1, round(megabytes * 1e6 / size))
    documents = [replace(d, doc_id=f"{d.doc_id}~{k}", text=perturbed(d.text, k)) for k in range(n) for d in base.documents]
    return Corpus(documents, name=f"{base.name} x{n}")


def one_document(base: Corpus, megabytes: float) -> Corpus:
    """A single document of about ``megabytes``: the base texts, copied and perturbed, joined by blank lines."""
    parts, size, k = [], 0, 0
    while size < megabytes * 1e6:
        for d in base.documents:
            parts.append(perturbed(d.text, k))
            size += len(parts[-1].encode("utf-8")) + 2
        k += 1
    return Corpus([Document("big", "\n\n".join(parts))], name="one document")


def megabytes(corpus: Corpus) -> float:
    """The corpus text size in MB (UTF-8)."""
    return sum(len(d.text.encode("utf-8")) for d in corpus.documents) / 1e6


def timed(run) -> tuple[float, object]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def parallel_and_cache(base_path: Path, size_mb: float = 12.0) -> None:
    """Serial vs parallel analysis of a ~12 MB corpus, then cold vs warm reopen through the on-disk cache."""
    corpus = copies_corpus(load_corpus(base_path), size_mb)
    cores = os.cpu_count() or 1
    print(f"parallel analysis: {len(corpus.documents):,} documents, {megabytes(corpus):.1f} MB, {cores} cores")
    serial, _ = timed(lambda: analyze(corpus, workers=1))
    print(f"  one process {serial:.1f} s ({megabytes(corpus) / serial * 1000:.0f} KB/s)", flush=True)
    previous = os.environ.get("BRIEFING_CACHE_DIR")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["BRIEFING_CACHE_DIR"] = cache
        cold, _ = timed(lambda: cached_analyze(corpus, workers=cores))
        print(f"  {cores} processes {cold:.1f} s: speed-up {serial / cold:.2f}x (target >= 1.8x)", flush=True)
        warm, reopened = timed(lambda: cached_analyze(load_corpus_again(corpus), workers=cores))
        assert reopened.from_cache
        print(f"  warm reopen from the on-disk cache {warm:.2f} s (fingerprint + Parquet read) vs cold {cold:.1f} s: ratio {warm / cold:.3f} (target <= 0.05)")
    # Later measures (the first-render one starts a dashboard) must see the user's own cache setting.
    if previous is None:
        os.environ.pop("BRIEFING_CACHE_DIR", None)
    else:
        os.environ["BRIEFING_CACHE_DIR"] = previous


def load_corpus_again(corpus: Corpus) -> Corpus:
    """A fresh copy of the corpus (as if read again), so nothing is reused from memory."""
    return Corpus([replace(d) for d in corpus.documents], name=corpus.name)


class PeakMemory:
    """Samples the resident memory of this process and its children (worker processes) until stopped."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_pss(os.getpid()))
            self._stop.wait(self.interval)


def tree_pss(pid: int) -> int:
    """Memory of a process and all its descendants (Linux /proc): proportional set size, so pages
    that worker processes share with the process that forked them count once, not once per process."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += _pss(current)
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, ValueError, IndexError):
            continue
        pending += [int(c) for c in children]
    return total


def _pss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def peak_memory(label: str, corpus: Corpus) -> None:
    """Peak resident memory (all processes) analysing ``corpus`` with the default number of workers."""
    with PeakMemory() as memory:
        seconds, _ = timed(lambda: analyze(corpus))
    print(f"peak memory, {label} ({len(corpus.documents):,} documents, {megabytes(corpus):.1f} MB): "
          f"{memory.peak / 1e9:.2f} GB (PSS, all processes) in {seconds:.0f} s (target <= 1 GB)", flush=True)
