"""Command line: ``python -m analysis [PATH ...] --out DIR``.

With no PATH the default corpus (data/) is analysed. Prints a short summary; shows a
progress bar on stderr for corpora of more than a few documents. Errors the user can fix
are printed as one line (no traceback) with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from analysis.corpus import CorpusError, load_corpus
from analysis.lexicons import LexiconError, load_actor_lexicon
from analysis.output import write_analysis
from analysis.paths import DEFAULT_CORPUS
from analysis.pipeline import Analysis, analyze

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
    parser.add_argument("--actors", type=Path, help="extra actor dictionary (TOML, format of data/actors.toml), merged with the default")
    parser.add_argument("--ngram", type=int, choices=(1, 2, 3), default=3, help="longest keyword phrase in words (default: 3)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        corpus = load_corpus(args.paths or [DEFAULT_CORPUS], text_column=args.text_column)
        lexicon = load_actor_lexicon(args.actors)
    except (CorpusError, LexiconError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    show_progress = not args.quiet and len(corpus) > PROGRESS_MIN_DOCUMENTS
    started = time.perf_counter()
    analysis = analyze(corpus, actors=lexicon, ngram=args.ngram, progress=ProgressBar() if show_progress else None)
    elapsed = time.perf_counter() - started
    if show_progress:
        print(file=sys.stderr)
    try:
        written = write_analysis(analysis, args.out)
    except OSError as error:
        print(f"error: cannot write to {args.out} ({error.strerror}); choose another --out folder", file=sys.stderr)
        return 2
    if not args.quiet:
        for note in corpus.notes:
            print(f"note: {note}", file=sys.stderr)
        for warning in corpus.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(summary(analysis, elapsed, args.out, len(written)))
    return 0


def summary(analysis: Analysis, seconds: float, out_dir: Path, n_files: int) -> str:
    """A few lines saying what was found and where the files are."""
    docs = analysis.documents
    counts = analysis.cleaning["counts"]
    top_actors = ", ".join(f"{r.actor} {r.mentions}" for r in analysis.actor_counts.head(5).itertuples())
    top_keywords = ", ".join(analysis.keywords["keyword"].head(8))
    removed = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items()) or "nothing"
    return "\n".join(
        [
            f"{len(docs)} documents, {int(docs['n_sentences'].sum())} sentences, {int(docs['n_words'].sum())} words analysed in {seconds:.1f} s",
            f"actors: {top_actors or 'none found'}",
            f"keywords: {top_keywords or 'none'}",
            f"events: {len(analysis.events)} references; places: {analysis.places['place'].nunique()} named",
            f"cleaning: {removed}",
            f"wrote {n_files} files to {out_dir}/",
        ]
    )


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
