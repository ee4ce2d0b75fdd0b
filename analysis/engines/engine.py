"""Run per-document work in this process or across local worker processes, in order.

The analysis maps a few functions over batches of documents (see :mod:`analysis.engines.pipeline`);
an engine decides where those calls run. :class:`LocalEngine` runs them here (one worker) or
in a pool of processes; results always come back in input order, so what is merged from
them is the same whichever engine ran them.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below these sizes starting worker processes (about a second each) costs more than it saves.
PARALLEL_MIN_DOCUMENTS = 8
PARALLEL_MIN_CHARS = 400_000
# Each worker holds its own dictionary matcher and YAKE (~150 MB): more than this many by default
# would trade a small speed-up for memory a hosted app (Community Cloud: ~1 GB) does not have.
MAX_DEFAULT_WORKERS = 4
# Batches per worker: enough for an even finish and a smooth progress bar, few enough to keep
# the cost of sending documents to the workers small.
BATCHES_PER_WORKER = 12
# In this process: batches only pace the progress bar.
SERIAL_BATCHES = 100
MAIN_GUARD_HINT = (
    "A script that analyses large corpora must start its work under `if __name__ == \"__main__\":` "
    "(worker processes import the main module), or pass workers=1."
)

# Shared, read-only inputs of the worker functions (the actor dictionary and its compiled
# matcher), set once per worker process instead of being sent with every batch.
_shared: dict[str, Any] = {}


def shared(name: str) -> Any:
    """A value set for every worker with :meth:`LocalEngine.share` (or in this process)."""
    return _shared[name]


def _set_shared(values: dict[str, Any]) -> None:
    _shared.clear()
    _shared.update(values)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one, else spawn; never fork (the dashboard's server process runs threads)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Workers forked from a server that has imported these share their pages: less memory, faster start.
    context.set_forkserver_preload(["analysis.engines.pipeline", "yake"])
    return context


def default_workers(n_documents: int, n_chars: int) -> int:
    """How many processes suit a corpus of this size on this machine (1 = in this process)."""
    if n_documents < PARALLEL_MIN_DOCUMENTS or n_chars < PARALLEL_MIN_CHARS:
        return 1
    return max(1, min(usable_cores(), MAX_DEFAULT_WORKERS, n_documents))


def usable_cores() -> int:
    """Cores this process may use: its CPU affinity, capped by a container's CPU quota (cgroup v2 or v1)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    quota = _cgroup_quota()
    return max(1, min(cores, quota)) if quota else cores


def _cgroup_quota() -> int | None:
    """Whole cores a container's CPU quota allows, if one is set (os.cpu_count() reports the host's)."""
    for path, parse in (("/sys/fs/cgroup/cpu.max", _quota_v2), ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", _quota_v1)):
        try:
            return parse(Path(path).read_text())
        except (OSError, ValueError):
            continue
    return None


def _quota_v2(text: str) -> int | None:
    quota, period = text.split()[:2]
    return None if quota == "max" else max(1, int(quota) // int(period))


def _quota_v1(text: str) -> int | None:
    quota = int(text)
    period = int(Path("/sys/fs/cgroup/cpu/cpu.cfs_period_us").read_text())
    return None if quota <= 0 else max(1, quota // period)


def batches(sizes: Sequence[int], n_batches: int) -> list[range]:
    """Consecutive index ranges of about equal total size (at least one item each)."""
    if not sizes:
        return []
    target = max(1, sum(sizes) / max(1, n_batches))
    ranges, start, total = [], 0, 0
    for i, size in enumerate(sizes):
        total += size
        if total >= target:
            ranges.append(range(start, i + 1))
            start, total = i + 1, 0
    if start < len(sizes):
        ranges.append(range(start, len(sizes)))
    return ranges


class LocalEngine:
    """Maps functions over batches here (``workers=1``) or in a pool of local processes.

    Use as a context manager; the pool is started on the first parallel map and closed on exit.
    """

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.mapped_seconds = 0.0  # wall time inside map(): the per-document work, wherever it ran
        self._values: dict[str, Any] = {}
        self._pool: Executor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def share(self, **values: Any) -> None:
        """Make read-only values available to worker functions through :func:`shared`."""
        if self._pool is not None:
            raise RuntimeError("share values before the first map")
        self._values.update(values)
        _set_shared(self._values)

    def map(
        self,
        func: Callable[[list[T]], list[R]],
        items: Sequence[T],
        *,
        sizes: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> list[R]:
        """``func`` over consecutive batches of ``items`` (one result per item), in order.

        Args:
            func: Takes a list of items, returns one result per item; must be a module-level function.
            items: The inputs.
            sizes: A cost estimate per item (e.g. characters), to balance the batches.
            done: Called with the number of items finished, after each batch.
        """
        started = time.perf_counter()
        try:
            return self._map(func, items, sizes, done)
        finally:
            self.mapped_seconds += time.perf_counter() - started

    def _map(self, func: Callable[[list[T]], list[R]], items: Sequence[T], sizes: Sequence[int], done: Callable[[int], None] | None) -> list[R]:
        ranges = batches(sizes, self.workers * BATCHES_PER_WORKER if self.workers > 1 else SERIAL_BATCHES)
        chunks = [[items[i] for i in r] for r in ranges]
        if self.workers > 1:
            try:
                return self._collect(chunks, self._executor().map(func, chunks), done)
            except BrokenProcessPool as error:
                warnings.warn(f"worker processes failed ({error}); continuing in this process. {MAIN_GUARD_HINT}", RuntimeWarning, stacklevel=3)
                self.__exit__()
                self.workers = 1
        return self._collect(chunks, map(func, chunks), done)

    @staticmethod
    def _collect(chunks: list[list[T]], outputs: Iterable[list[R]], done: Callable[[int], None] | None) -> list[R]:
        results: list[R] = []
        for chunk, output in zip(chunks, outputs):
            results.extend(output)
            if done:
                done(len(chunk))
        return results

    def _executor(self) -> Executor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_set_shared, initargs=(self._values,))
        return self._pool
