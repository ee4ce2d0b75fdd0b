"""Benchmark: the six figures of issue 6, printed with ratios (never pass/fail).

Run: python bench/run.py [--only NAME ...] [--repeat N]
  ratio     full analysis ÷ (plain YAKE + the NER model alone) on the same documents, one process
  parallel  speed-up of the process pool on a ~12 MB corpus, and warm cache reopen ÷ cold
  filter    sentence-explorer filter over 100,000+ sentences
  memory    peak memory (all processes) on a ~20 MB corpus and on one 20 MB document
  render    a new browser visiting a running server, and the cold start beyond a minimal page (bench/first_render.py)
Uses the default corpus and, when the team's ../shared/ folder is present, FA-KES (the
parallel and memory figures need it). Takes about half an hour on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import scale  # noqa: E402  (bench/scale.py, beside this script)
import yake  # noqa: E402

from analysis import analyze, load_corpus  # noqa: E402
from analysis.engines.pipeline import sentences_by_document  # noqa: E402
from analysis.extract.ner import load_model  # noqa: E402
from analysis.paths import DEFAULT_CORPUS  # noqa: E402

FAKES = ROOT.parent / "shared" / "corpora" / "fakes_syria.csv"


def best_of(repeat: int, run) -> float:
    """The fastest of ``repeat`` timed runs, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def measure_ratio(repeat: int) -> None:
    """Full analysis ÷ YAKE alone, on the default corpus and FA-KES."""
    measure("default corpus", DEFAULT_CORPUS, repeat * 10)  # sub-second: more rounds against noise
    if FAKES.exists():
        measure("FA-KES", FAKES, repeat)


def plain_yake(texts: list[str]) -> None:
    """YAKE with its defaults (n=3, top=20) on every document."""
    extractor = yake.KeywordExtractor(lan="en", n=3, top=20)
    for text in texts:
        extractor.extract_keywords(text)


def plain_ner(sentences: list[str]) -> None:
    """The NER model alone (as the analysis loads it) over the sentences the analysis gives it."""
    for _ in load_model().pipe(sentences, batch_size=256):
        pass


def measure(name: str, path: Path, repeat: int) -> None:
    """Full analysis ÷ (YAKE on the raw documents + the NER model on the analysis's sentences): the target.

    Also printed: ÷ YAKE alone, and ÷ YAKE on the text the analysis keeps. The runs are timed in
    turn, round after round, so that each ratio compares runs made under the same load (these
    shared machines vary by ±20% from minute to minute); the median round counts.
    """
    corpus = load_corpus(path)
    texts = [d.text for d in corpus]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    result = analyze(corpus, workers=1)  # warm-up: lexicons, regexes and the model load once per process
    kept = ["\n".join(sentences) for sentences in sentences_by_document(result.sentences).values()]
    by_id = {d.doc_id: d.text for d in corpus}
    spans = [by_id[row.doc_id][row.start : row.end] for row in result.sentences.itertuples()]
    rounds = [
        (
            best_of(1, lambda: analyze(corpus, workers=1)),
            best_of(1, lambda: plain_yake(texts)),
            best_of(1, lambda: plain_yake(kept)),
            best_of(1, lambda: plain_ner(spans)),
        )
        for _ in range(repeat)
    ]
    full, base, cleaned, ner = (statistics.median(r[i] for r in rounds) for i in range(4))
    both = sorted(r[0] / (r[1] + r[3]) for r in rounds)
    print(f"{name}: {len(texts)} documents, {size_mb:.2f} MB, {repeat} rounds (medians)")
    print(f"  full analysis {full:.2f} s ({size_mb / full * 1000:.0f} KB/s); yake alone {base:.2f} s; NER model alone {ner:.2f} s")
    print(f"  ratio full / (yake + NER) = {statistics.median(both):.2f} (rounds {both[0]:.2f}-{both[-1]:.2f}; target <= 1.15)")
    print(f"  ratio full / yake = {statistics.median(r[0] / r[1] for r in rounds):.2f} (the earlier measure, before NER)")
    # Duplicates and boilerplate are removed before YAKE, so the raw-text baseline flatters a corpus that has many.
    print(f"  yake alone on the text the analysis keeps (repeats and noise removed) {cleaned:.2f} s")


def explorer_filtering(path: Path, *, sentences: int = 100_000, repeat: int = 5) -> None:
    """Time one explorer filter (actor + keyword + year range + free text) over at least ``sentences`` rows."""
    import pandas as pd

    from analysis.query.explore import SentenceFilter, filter_sentences, sentence_table

    table = sentence_table(analyze(load_corpus(path)))
    copies = -(-sentences // len(table))
    big = pd.concat([table.assign(doc_id=table["doc_id"] + f"~{i}") for i in range(copies)], ignore_index=True)
    years = table["years"].str.findall(r"\d{4}").explode().dropna().astype(int)
    chosen = SentenceFilter(actors=("Russia",), keyword="military", years=(int(years.min()), int(years.max())), text="the")
    filter_sentences(big, chosen)  # warm-up
    seconds = best_of(repeat, lambda: filter_sentences(big, chosen))
    print(f"explorer filter (actor + keyword + years + free text) over {len(big):,} sentences: {seconds * 1000:.0f} ms (target <= 100 ms)")


def memory(which: str) -> None:
    """Peak memory on a ~20 MB corpus or one 20 MB document (run in a fresh process each)."""
    base = load_corpus(FAKES)
    if which == "corpus":
        scale.peak_memory("~20 MB corpus", scale.copies_corpus(base, 20))
    else:
        scale.peak_memory("one 20 MB document", scale.one_document(base, 20))


MEASURES = ("ratio", "parallel", "filter", "memory", "render")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measure; the fastest counts")
    parser.add_argument("--only", nargs="+", choices=[*MEASURES, "memory-corpus", "memory-document"], default=list(MEASURES))
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)
    for name in args.only:
        if name in ("parallel", "memory", "memory-corpus", "memory-document") and not FAKES.exists():
            print(f"{name} skipped: {FAKES} not found (team file from ../shared/)")
        elif name == "ratio":
            measure_ratio(args.repeat)
        elif name == "parallel":
            scale.parallel_and_cache(FAKES)
        elif name == "filter":
            explorer_filtering(FAKES if FAKES.exists() else DEFAULT_CORPUS)
            explorer_filtering(DEFAULT_CORPUS)
        elif name == "memory":  # each in a fresh process: earlier measures must not count
            for which in ("memory-corpus", "memory-document"):
                subprocess.run([sys.executable, __file__, "--only", which], check=False)
        elif name.startswith("memory-"):
            memory(name.removeprefix("memory-"))
        elif name == "render":
            subprocess.run([sys.executable, str(ROOT / "bench" / "first_render.py")], check=False)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
