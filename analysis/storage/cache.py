"""The on-disk analysis cache shared by the CLI and the dashboard.

An entry is a stored analysis (:mod:`analysis.storage.store`) in ``<cache dir>/analyses/<key>/``.
The key digests everything the result depends on: the corpus (texts, ids, metadata and load
warnings), the actor dictionary, the other data files (event triggers, places, …), the
settings, the package version and the analysis code itself, so an edited lexicon or a new
release never reads an old result. An entry that fails its checks (half-written, altered,
unreadable) is deleted and recomputed, never trusted.

The cache folder is ``$BRIEFING_CACHE_DIR`` if set, else the user cache folder of the platform
(``~/.cache/briefing-dashboard`` on Linux). ``python -m analysis --clear-cache`` empties it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
import uuid
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

from analysis import __version__
from analysis.engines.pipeline import Analysis, Progress, analyze
from analysis.extract.ner import model_name
from analysis.knowledge.lexicons import ActorLexicon, load_actor_lexicon
from analysis.load.corpus import Corpus
from analysis.paths import DATA_DIR, DEFAULT_CORPUS
from analysis.storage.store import MANIFEST, StoreError, read_store, write_store

CACHE_ENV = "BRIEFING_CACHE_DIR"
CACHE_LIMIT_ENV = "BRIEFING_CACHE_MAX_MB"
DEFAULT_LIMIT_MB = 2048
APP_NAME = "briefing-dashboard"
_ENTRIES = "analyses"
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """The cache folder: ``$BRIEFING_CACHE_DIR``, else the platform's user cache folder."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP_NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME


def cache_key(corpus: Corpus, lexicon: ActorLexicon, *, ngram: int, packs: str | Collection[str] = "auto") -> str:
    """The digest naming a corpus's analysis with this dictionary and settings."""
    digest = hashlib.sha256()
    settings = f"ngram={ngram} packs={packs if isinstance(packs, str) else sorted(packs)} model={model_name()}"
    dictionary = repr((lexicon.actors, lexicon.ignore, lexicon.guards, lexicon.packs, lexicon.applied, lexicon.hidden))
    for part in (__version__, _code_and_data_digest(), dictionary, settings, corpus_fingerprint(corpus)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()[:32]


def corpus_fingerprint(corpus: Corpus) -> str:
    """A digest of the corpus's documents, metadata and load warnings."""
    digest = hashlib.sha256()
    for doc in corpus.documents:
        for part in (doc.doc_id, doc.title, doc.source, doc.date, doc.text, *(f"{k}={v}" for k, v in doc.meta)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
        digest.update(b"\x01")
    for warning in corpus.warnings:
        digest.update(warning.encode("utf-8", "surrogatepass") + b"\x02")
    return digest.hexdigest()


def cached_analyze(
    corpus: Corpus,
    *,
    actors: ActorLexicon | None = None,
    ngram: int = 3,
    progress: Progress | None = None,
    workers: int | None = None,
    use_cache: bool = True,
    packs: str | Collection[str] = "auto",
) -> Analysis:
    """:func:`analysis.analyze`, read from the on-disk cache when this exact analysis was made before.

    A fresh result is stored for next time; a cache folder that cannot be written only costs
    the saving (logged), never the analysis.
    """
    lexicon = actors or load_actor_lexicon()
    if not use_cache:
        return analyze(corpus, actors=lexicon, ngram=ngram, progress=progress, workers=workers, packs=packs)
    entry = cache_dir() / _ENTRIES / cache_key(corpus, lexicon, ngram=ngram, packs=packs)
    found = read_entry(entry)
    if found is not None:
        if progress:
            progress(1, 1)
        return found
    analysis = analyze(corpus, actors=lexicon, ngram=ngram, progress=progress, workers=workers, packs=packs)
    save_entry(analysis, entry)
    return analysis


def read_entry(entry: Path) -> Analysis | None:
    """The analysis stored at ``entry``, or None if absent; a damaged entry is deleted."""
    if not (entry / MANIFEST).exists():
        return None
    try:
        analysis = read_store(entry)
    except StoreError as error:
        log.warning("discarding a damaged cache entry: %s", error)
        shutil.rmtree(entry, ignore_errors=True)
        return None
    _touch(entry / MANIFEST)
    analysis.from_cache = True
    return analysis


def save_entry(analysis: Analysis, entry: Path) -> bool:
    """Store an analysis at ``entry`` (written aside, then renamed into place); False if it could not be."""
    staging = entry.with_name(f".{entry.name}.{uuid.uuid4().hex}.tmp")
    try:
        write_store(analysis, staging)
        if entry.exists() and not (entry / MANIFEST).exists():
            shutil.rmtree(entry, ignore_errors=True)  # entries arrive whole by renaming: this one was damaged
        try:
            staging.rename(entry)
        except OSError:  # another process stored the same analysis meanwhile: keep theirs
            shutil.rmtree(staging, ignore_errors=True)
        prune(limit_bytes())
        return True
    except OSError as error:
        log.warning("could not save the analysis in the cache %s: %s", entry.parent, error)
        shutil.rmtree(staging, ignore_errors=True)
        return False


def clear_cache() -> int:
    """Delete every cached analysis; return how many entries were removed."""
    root = cache_dir() / _ENTRIES
    entries = [p for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
    for entry in entries:
        shutil.rmtree(entry, ignore_errors=True)
    return sum(1 for e in entries if not e.name.startswith("."))


def cache_size() -> tuple[int, int]:
    """(entries, bytes) in the cache now."""
    entries = _entries()
    return len(entries), sum(_size(e) for e in entries)


def limit_bytes() -> int:
    """The cache's size limit: ``$BRIEFING_CACHE_MAX_MB`` megabytes, else 2 GB."""
    try:
        return int(float(os.environ.get(CACHE_LIMIT_ENV, DEFAULT_LIMIT_MB)) * 1e6)
    except ValueError:
        return int(DEFAULT_LIMIT_MB * 1e6)


def prune(limit: int) -> None:
    """Delete the least recently used entries until the cache fits in ``limit`` bytes (the newest always stays)."""
    entries = sorted(_entries(), key=lambda e: (e / MANIFEST).stat().st_mtime, reverse=True)
    total = 0
    for position, entry in enumerate(entries):
        total += _size(entry)
        if total > limit and position > 0:
            shutil.rmtree(entry, ignore_errors=True)


def _entries() -> list[Path]:
    root = cache_dir() / _ENTRIES
    # Dot-names are entries being written by some process.
    return [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).exists()] if root.is_dir() else []


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _touch(path: Path) -> None:
    try:
        path.touch()
    except OSError:
        pass  # a read-only cache still serves its entries


@lru_cache(maxsize=1)
def _code_and_data_digest() -> str:
    """A digest of the analysis code and the data files it reads (not the bundled corpus)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]  # the whole analysis package, not this subpackage
    code = [(path.relative_to(package), path) for path in sorted(package.rglob("*.py"))]
    data = [(path.relative_to(DATA_DIR), path) for path in sorted(DATA_DIR.rglob("*")) if path.is_file() and path != DEFAULT_CORPUS]
    for name, path in code + data:
        digest.update(str(name).encode() + b"\x00" + path.read_bytes())
    return digest.hexdigest()
