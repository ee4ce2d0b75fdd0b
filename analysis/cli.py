"""Command line: ``python -m analysis [PATH ...] --out DIR``.

With no PATH the default corpus (data/) is analysed. Prints a short summary; shows a
progress bar on stderr for corpora of more than a few documents. Errors the user can fix
are printed as one line (no traceback) with exit status 2.

Results come from the on-disk cache when the same corpus was analysed before with the same
dictionary, settings and version (``--no-cache`` recomputes; ``--clear-cache`` empties it).
``--engine dask`` runs the per-document work on a Dask cluster (see :mod:`analysis.engines.distributed`).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from analysis.engines.pipeline import Analysis
from analysis.extract.ner import ModelError
from analysis.knowledge.lexicons import LexiconError, load_actor_lexicon, reporting_event_types
from analysis.load.corpus import CorpusError, load_corpus
from analysis.paths import DEFAULT_CORPUS
from analysis.storage.cache import cache_dir, cached_analyze, clear_cache
from analysis.storage.output import TABLE_NAMES, write_analysis
from analysis.storage.store import write_store

PROGRESS_MIN_DOCUMENTS = 5


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the CLI."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyse a corpus: actors, keywords, events, places; writes CSV tables and cleaning.json.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files (.txt .md .csv .tsv .jsonl .json .html .pdf .docx) or folders; default: the bundled corpus")
    parser.add_argument("--out", type=Path, default=Path("out"), help="folder for the output files (default: out)")
    parser.add_argument("--text-column", help="column/key holding the text in tables (default: found by name, else the longest cells)")
    parser.add_argument("--actors", type=Path, help="your actor dictionary (TOML, the format of the files in data/packs/), merged over the built-in lexicons")
    parser.add_argument(
        "--packs", default="auto",
        help="lexicon packs of data/packs/ to apply: auto (those whose actors the corpus names enough), all, none, or names, comma-separated",
    )
    parser.add_argument("--ngram", type=int, choices=(1, 2, 3), default=3, help="longest keyword phrase in words (default: 3)")
    parser.add_argument("--format", choices=("csv", "parquet"), help="csv files, or Parquet the dashboard opens (default: csv; parquet with --engine dask)")
    parser.add_argument("--workers", type=int, help="local processes for the per-document work (default: one per core for large corpora)")
    parser.add_argument("--no-cache", action="store_true", help="analyse afresh, neither reading nor writing the on-disk cache")
    parser.add_argument("--clear-cache", action="store_true", help="empty the on-disk cache (then analyse PATHs, if given)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="where per-document work runs (default: local)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (default with --engine dask: a local cluster)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    if args.engine == "dask" and args.format == "csv":
        parser.error("--engine dask writes Parquet partitions (--format parquet)")
    if args.clear_cache:
        removed = clear_cache()
        if not args.quiet:
            print(f"cleared the cache {cache_dir()} ({removed} analyses)", file=sys.stderr)
        if not args.paths:
            return 0
    try:
        return _run(args)
    except (CorpusError, LexiconError, ModelError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OutputError as error:
        print(f"error: cannot write to {args.out} ({error}); choose another --out folder", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    lexicon = load_actor_lexicon(args.actors)
    packs = args.packs if args.packs in ("auto", "all", "none") else [name.strip() for name in args.packs.split(",") if name.strip()]
    lexicon.for_texts([], packs if packs != "auto" else "none")  # an unknown pack name fails here, before any work
    if args.engine == "dask":
        from analysis.engines.distributed import run_dask  # dask is only needed here

        started = time.perf_counter()
        try:
            run = run_dask(
                args.paths or [DEFAULT_CORPUS], args.out, lexicon=lexicon, ngram=args.ngram, scheduler=args.scheduler,
                text_column=args.text_column, packs=packs, progress=None if args.quiet else ProgressBar(),
            )
        except OSError as error:
            raise OutputError(error.strerror or str(error)) from error
        if not args.quiet:
            print(file=sys.stderr)
            for warning in run.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            print(dask_summary(run, time.perf_counter() - started))
        return 0
    corpus = load_corpus(args.paths or [DEFAULT_CORPUS], text_column=args.text_column)
    show_progress = not args.quiet and len(corpus) > PROGRESS_MIN_DOCUMENTS
    started = time.perf_counter()
    analysis = cached_analyze(
        corpus, actors=lexicon, ngram=args.ngram, workers=args.workers, use_cache=not args.no_cache, packs=packs,
        progress=ProgressBar() if show_progress else None,
    )
    elapsed = time.perf_counter() - started
    if show_progress:
        print(file=sys.stderr)
    n_files = _write(analysis, args.out, args.format or "csv")
    if not args.quiet:
        for note in corpus.notes:
            print(f"note: {note}", file=sys.stderr)
        for warning in corpus.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(summary(analysis, elapsed, args.out, n_files))
    return 0


class OutputError(Exception):
    """The output folder cannot be written."""


def dask_summary(run, seconds: float) -> str:
    """A few lines saying what a Dask run found and where its Parquet partitions are."""
    top_actors = ", ".join(f"{r.actor} {r.mentions}" for r in run.actor_counts.head(5).itertuples())
    return "\n".join(
        [
            f"{run.documents} documents in {run.partitions} partitions, {run.sentences} sentences, {run.words} words analysed on Dask in {seconds:.1f} s",
            f"actors: {top_actors or 'none found'}",
            f"keywords: {', '.join(run.keywords['keyword'].head(8)) or 'none'}",
            f"events: {run.events} references",
            f"wrote Parquet partitions to {run.out}/ (open with BRIEFING_CORPUS={run.out} streamlit run streamlit_app.py)",
        ]
    )


def _write(analysis: Analysis, out: Path, file_format: str) -> int:
    """Write the tables as CSV files or as a Parquet store; return how many files were written."""
    try:
        if file_format == "parquet":
            write_store(analysis, out)
            return len(TABLE_NAMES) + 1
        return len(write_analysis(analysis, out))
    except OSError as error:
        raise OutputError(error.strerror or str(error)) from error


def summary(analysis: Analysis, seconds: float, out_dir: Path, n_files: int) -> str:
    """A few lines saying what was found and where the files are."""
    docs = analysis.documents
    counts = analysis.cleaning["counts"]
    top_actors = ", ".join(f"{r.actor} {r.mentions}" for r in analysis.actor_counts.head(5).itertuples())
    top_keywords = ", ".join(analysis.keywords["keyword"].head(8))
    removed = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items()) or "nothing"
    return "\n".join(
        [
            f"{len(docs)} documents, {int(docs['n_sentences'].sum())} sentences, {int(docs['n_words'].sum())} words "
            + (f"read from the cache in {seconds:.1f} s (--no-cache to analyse afresh)" if analysis.from_cache else f"analysed in {seconds:.1f} s"),
            f"actors: {top_actors or 'none found'}",
            f"keywords: {top_keywords or 'none'}",
            events_line(analysis),
            places_line(analysis),
            f"cleaning: {removed}",
            f"wrote {n_files} files to {out_dir}/",
        ]
    )


def events_line(analysis: Analysis) -> str:
    """Event references, how many are reporting verbs, and the most referenced named events."""
    events = analysis.events
    said = int(events["event_type"].isin(reporting_event_types()).sum()) if len(events) else 0
    named = events.loc[events["named_event"] != "", "named_event"].value_counts().head(3) if len(events) else []
    top = ", ".join(f"{name} {n}" for name, n in named.items()) if len(named) else "none"
    return f"events: {len(events)} references ({said} of them reporting verbs such as 'said'); named events: {top}"


def places_line(analysis: Analysis) -> str:
    """Places named, and those the gazetteer could not place (listed, never dropped)."""
    places = analysis.places
    unplaced = places.loc[places["lat"].isna(), "place"].value_counts() if len(places) else []
    line = f"places: {places['place'].nunique() if len(places) else 0} named"
    if len(unplaced):
        examples = ", ".join(unplaced.index[:5])
        line += f", {len(unplaced)} without coordinates ({examples}{', …' if len(unplaced) > 5 else ''}: in places.csv with empty lat/lon)"
    return line


class ProgressBar:
    """A one-line progress bar on stderr, redrawn at most a hundred times."""

    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total
        if percent == self.shown:
            return
        self.shown = percent
        filled = 30 * done // total
        print(f"\ranalysing [{'#' * filled}{'.' * (30 - filled)}] {percent}%", end="", file=sys.stderr, flush=True)
