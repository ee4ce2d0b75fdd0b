"""Analyse a corpus in a child process with a memory cap and a time limit, and stop it at will.

A server that analyses uploads for many people must not let one heavy upload take its memory
or its time: :class:`IsolatedAnalysis` runs :func:`analysis.storage.cache.cached_analyze` in its own
process (its address space capped with ``RLIMIT_AS`` where the platform has it), reports
progress through a pipe, and is killed when it runs past its time, when it is cancelled, or
when its owner goes away. Whatever happens, the caller's process keeps running.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from analysis.engines.engine import _context
from analysis.knowledge.lexicons import ActorLexicon
from analysis.load.corpus import Corpus

log = logging.getLogger(__name__)

MEMORY_ENV = "BRIEFING_ANALYSIS_MEMORY_MB"
TIMEOUT_ENV = "BRIEFING_ANALYSIS_TIMEOUT_S"
# Address space, not resident memory: the NER model and the numeric libraries map far more than
# they touch (1.8 GB mapped for the default corpus, 0.26 GB resident).
DEFAULT_MEMORY_MB = 6000
DEFAULT_TIMEOUT_S = 900


class AnalysisStopped(RuntimeError):
    """The isolated analysis ended without a result: out of memory, out of time, failed or cancelled."""


@dataclass(frozen=True)
class Limits:
    """How much address space (MB, 0 = unlimited) and wall time (s) one analysis may take."""

    memory_mb: int = DEFAULT_MEMORY_MB
    timeout_s: float = DEFAULT_TIMEOUT_S

    @classmethod
    def from_environment(cls) -> Limits:
        """The limits set by ``$BRIEFING_ANALYSIS_MEMORY_MB`` and ``$BRIEFING_ANALYSIS_TIMEOUT_S`` (defaults otherwise)."""
        return cls(
            memory_mb=_number(MEMORY_ENV, DEFAULT_MEMORY_MB, int),
            timeout_s=_number(TIMEOUT_ENV, DEFAULT_TIMEOUT_S, float),
        )


def _number(name: str, default: Any, kind: Callable[[str], Any]) -> Any:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(f"${name} must be a number, not {raw!r}") from None
    if value < 0:
        raise ValueError(f"${name} must not be negative, not {raw!r}")
    return value


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS; the time limit still applies
        return
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _run(connection: Connection, corpus: Corpus, lexicon: ActorLexicon, memory_mb: int) -> None:
    """The child's whole life: cap memory, analyse with progress messages, send the result or the reason."""
    from analysis.storage.cache import cached_analyze

    _cap_memory(memory_mb)
    try:
        analysis = cached_analyze(corpus, actors=lexicon, progress=lambda done, total: connection.send(("progress", done, total)))
        connection.send(("done", analysis))
    except MemoryError:
        connection.send(("error", f"it needed more than the {memory_mb:,} MB of memory one analysis may use"))
    except Exception as error:  # noqa: BLE001 -- every failure goes back to the parent as a message
        connection.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


class IsolatedAnalysis:
    """One analysis running in a child process; poll it, wait for it, or cancel it.

    Use as a context manager: leaving the block (normally or by an exception, such as the
    dashboard's rerun when a user presses Cancel) kills the child if it is still running.
    """

    def __init__(self, corpus: Corpus, lexicon: ActorLexicon, *, limits: Limits | None = None) -> None:
        self.limits = limits or Limits.from_environment()
        context = _context()
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(sender, corpus, lexicon, self.limits.memory_mb), name="briefing-analysis")
        self._process.start()
        sender.close()  # the child holds the only sending end: a dead child reads as end of file
        self._started = time.monotonic()
        self.progress: tuple[int, int] = (0, 1)
        self._result: Any = None
        self._problem: str | None = None

    def __enter__(self) -> IsolatedAnalysis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()

    def poll(self, wait: float = 0.25) -> bool:
        """Read what the child sent for up to ``wait`` seconds; True once it has finished (result or problem)."""
        if self.finished:
            return True
        now = time.monotonic()
        limit = self._started + self.limits.timeout_s
        deadline = min(now + wait, limit)
        try:
            while self._receiver.poll(max(0.0, deadline - time.monotonic())):
                kind, *payload = self._receiver.recv()
                if kind == "progress":
                    self.progress = (payload[0], payload[1])
                elif kind == "done":
                    self._result = payload[0]
                    return True
                else:
                    self._problem = payload[0]
                    return True
        except (EOFError, OSError):
            self._problem = self._death_reason()
            return True
        if time.monotonic() >= limit:
            self._problem = f"it ran past the {self.limits.timeout_s:,.0f} s one analysis may take"
            self.cancel()
            return True
        return False

    @property
    def finished(self) -> bool:
        return self._result is not None or self._problem is not None

    def result(self) -> Any:
        """The analysis, once :meth:`poll` returned True; :class:`AnalysisStopped` with the reason if it has none."""
        if self._result is None:
            raise AnalysisStopped(self._problem or "the analysis has not finished")
        return self._result

    def wait(self, progress: Callable[[int, int], None] | None = None) -> Any:
        """Block until the analysis ends, reporting progress; its result (or :class:`AnalysisStopped`)."""
        while not self.poll():
            if progress:
                progress(*self.progress)
        return self.result()

    def cancel(self) -> None:
        """Stop the child now if it still runs; nothing happens if it has ended."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=5)
        self._receiver.close()

    def _death_reason(self) -> str:
        self._process.join(timeout=5)
        code = self._process.exitcode
        if code is not None and code < 0:
            return f"the analysis process was stopped by the system (signal {-code}; usually memory: the cap is {self.limits.memory_mb:,} MB)"
        return f"the analysis process ended without a result (exit code {code})"
