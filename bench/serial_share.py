"""Benchmark: the serial share of each engine, and the Dask client's memory as the input grows (issue 18).

Run: python bench/serial_share.py [--mb 12] [--engine local dask] [--client-memory 20 80 [--own-scheduler]] [--partitions 32]

- serial share: time spent outside the per-document work (the corpus-level steps, in one
  process) ÷ the whole analysis, both with one worker. Amdahl's law then bounds the speed-up on
  N workers by 1 / (s + (1 - s) / N); the issue's target is s <= 2% (>= 12x on 16 workers).
  The local engine's per-document work is the time inside ``LocalEngine.map``; the Dask
  engine's is everything but ``DaskRun.central_seconds`` (what the client computes between the
  workers' stages).
- client memory: the Dask client's peak resident memory (that process alone: the scheduler
  runs in it, the workers do not) analysing copies of FA-KES of each size, each in a fresh
  process that never reads the corpus itself (the files are written beforehand by this one);
  the target is growth <= 10% from the first size to the second.

Corpora are copies of FA-KES (../shared/), perturbed so duplicate removal does not collapse
them (bench/scale.py). Prints figures, never pass/fail. Needs `dask[distributed]`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import scale  # noqa: E402  (bench/scale.py, beside this script)

from analysis import load_corpus  # noqa: E402
from analysis.clean.segment import bare_names  # noqa: E402
from analysis.engines.engine import LocalEngine  # noqa: E402
from analysis.engines.pipeline import analyze_with, corpus_lexicon  # noqa: E402
from analysis.knowledge.lexicons import load_actor_lexicon  # noqa: E402

FAKES = ROOT.parent / "shared" / "corpora" / "fakes_syria.csv"
WORKERS = (1, 2, 4, 8, 16)


def amdahl(share: float) -> str:
    """The speed-ups Amdahl's law allows with this serial share."""
    return ", ".join(f"{n}: {1 / (share + (1 - share) / n):.1f}x" for n in WORKERS)


def local_share(corpus) -> None:
    """The local engine's serial share with one worker (this process)."""
    started = time.perf_counter()
    lexicon = corpus_lexicon(load_actor_lexicon(), corpus)
    with LocalEngine(1) as engine:
        engine.share(lexicon=lexicon, names=bare_names(lexicon), ngram=3)
        analyze_with(engine, corpus, lexicon=lexicon, ngram=3)
    total = time.perf_counter() - started
    report("local", total, total - engine.mapped_seconds)


def dask_share(corpus, partitions: int) -> None:
    """The Dask engine's serial share on a local cluster of one worker."""
    from analysis.engines.distributed import run_dask

    with tempfile.TemporaryDirectory() as folder:
        files = write_partitions(corpus, Path(folder) / "in", partitions)
        run = run_dask(files, Path(folder) / "out", lexicon=load_actor_lexicon(), n_workers=1)
    report(f"dask ({partitions} partitions)", run.seconds, run.central_seconds)


def report(engine: str, total: float, serial: float) -> None:
    share = serial / total
    print(f"  {engine}: {total:.1f} s in all, {serial:.2f} s outside the per-document work: serial share {share:.1%} "
          f"(target <= 2%); Amdahl bound {amdahl(share)}", flush=True)


def write_partitions(corpus, folder: Path, partitions: int) -> list[Path]:
    """The corpus as ``partitions`` JSON Lines files, in order."""
    folder.mkdir(parents=True)
    documents = corpus.documents
    size = -(-len(documents) // partitions)
    files = []
    for i in range(0, len(documents), size):
        path = folder / f"part-{i // size:04d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for doc in documents[i : i + size]:
                handle.write(json.dumps({"id": doc.doc_id, "text": doc.text, "date": doc.date}) + "\n")
        files.append(path)
    return files


def client_memory(folder: Path, scheduler: str | None) -> None:
    """In this (fresh) process, which never reads the corpus itself: the Dask client's peak memory analysing ``folder/in``."""
    from analysis.engines.distributed import run_dask

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    run = run_dask([folder / "in"], folder / "out", lexicon=load_actor_lexicon(), n_workers=2, scheduler=scheduler)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"documents": run.documents, "peak_mb": peak / 1024, "before_mb": before / 1024, "seconds": run.seconds}))


@contextmanager
def own_cluster(folder: Path, *, enabled: bool):
    """A `dask scheduler` and a `dask worker` of 2 processes started apart (yields the scheduler's address), or None."""
    if not enabled:
        yield None
        return
    bin_dir = Path(sys.executable).parent
    address_file = folder / "scheduler.json"
    scheduler = subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--no-dashboard", "--port", "0", "--scheduler-file", str(address_file)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = None
    try:
        while not address_file.exists():
            time.sleep(0.2)
        time.sleep(0.5)  # the file is written whole before the scheduler listens
        workers = subprocess.Popen([str(bin_dir / "dask"), "worker", "--scheduler-file", str(address_file), "--nworkers", "2", "--nthreads", "1",
                                    "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        yield json.loads(address_file.read_text())["address"]
    finally:
        for process in (workers, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=12.0, help="corpus size for the serial share (default 12 MB)")
    parser.add_argument("--engine", nargs="+", choices=("local", "dask"), default=["local", "dask"])
    parser.add_argument("--partitions", type=int, default=32, help="input files for the Dask engine (default 32)")
    parser.add_argument("--client-memory", nargs=2, type=float, metavar=("MB1", "MB2"), help="measure the Dask client's peak memory at these sizes")
    parser.add_argument("--_client-run", help=argparse.SUPPRESS)
    parser.add_argument("--_scheduler", help=argparse.SUPPRESS)
    parser.add_argument("--own-scheduler", action="store_true",
                        help="with --client-memory: run the scheduler and 2 workers as processes of their own (as on a cluster), "
                        "so the client process holds the client alone (default: a local cluster, whose scheduler runs in the client)")
    args = parser.parse_args()
    if not FAKES.exists():
        sys.exit(f"skipped: {FAKES} not found (team file from ../shared/)")
    if args._client_run:
        client_memory(Path(args._client_run), args._scheduler)
        return
    if args.client_memory:
        peaks = []
        for mb in args.client_memory:  # each in a fresh process (ru_maxrss never goes down) that never held the text
            with tempfile.TemporaryDirectory() as folder, own_cluster(Path(folder), enabled=args.own_scheduler) as scheduler:
                write_partitions(scale.copies_corpus(load_corpus(FAKES), mb), Path(folder) / "in", args.partitions)
                command = [sys.executable, __file__, "--_client-run", folder] + (["--_scheduler", scheduler] if scheduler else [])
                line = subprocess.run(command, capture_output=True, text=True, check=True)
            figures = json.loads(line.stdout.strip().splitlines()[-1])
            peaks.append(figures["peak_mb"])
            print(f"  Dask client, {mb:g} MB ({figures['documents']:,} documents): peak {figures['peak_mb']:.0f} MB "
                  f"({figures['before_mb']:.0f} MB before the run) in {figures['seconds']:.0f} s", flush=True)
        print(f"  growth {peaks[1] / peaks[0] - 1:+.1%} from {args.client_memory[0]:g} to {args.client_memory[1]:g} MB (target <= 10%)")
        return
    corpus = scale.copies_corpus(load_corpus(FAKES), args.mb)
    print(f"serial share: {len(corpus.documents):,} documents, {scale.megabytes(corpus):.1f} MB, one worker", flush=True)
    if "local" in args.engine:
        local_share(corpus)
    if "dask" in args.engine:
        dask_share(corpus, args.partitions)


if __name__ == "__main__":
    main()
