"""An :class:`~analysis.engines.pipeline.Analysis` as a folder of Parquet files, checked when read back.

Layout (the on-disk cache and ``--format parquet`` / ``--engine dask`` output share it)::

    analysis.json            what the folder holds: format, settings, cleaning report,
                             actor colours, and per table its part files with SHA-256 digests
    <table>/part-00000.parquet, part-00001.parquet, …   one folder per table (see TABLE_NAMES)

A table may be split into many parts (one per input partition); reading concatenates them in
name order. A folder whose manifest, files or digests do not agree raises :class:`StoreError`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis import __version__
from analysis.engines.pipeline import DOCUMENT_COLUMNS, Analysis, sentences_by_document
from analysis.load.corpus import Corpus, Document
from analysis.storage.output import TABLE_NAMES

MANIFEST = "analysis.json"
STORE_FORMAT = 2


class StoreError(ValueError):
    """A stored analysis that cannot be trusted (missing, truncated, altered or of another format)."""


def is_stored_analysis(path: Path | str) -> bool:
    """Whether ``path`` is a folder written by :func:`write_store`."""
    return (Path(path) / MANIFEST).is_file()


def part_name(index: int) -> str:
    """The file name of a table's ``index``-th part."""
    return f"part-{index:05d}.parquet"


def write_table_part(frame: pd.DataFrame, folder: Path, table: str, index: int) -> tuple[str, str]:
    """Write one part of a table; return (relative path, SHA-256 of the file)."""
    relative = f"{table}/{part_name(index)}"
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    return relative, file_digest(path)


def write_store(analysis: Analysis, folder: Path | str, *, extra: dict[str, Any] | None = None) -> Path:
    """Write every table as one Parquet part plus the manifest; return the folder."""
    folder = Path(folder)
    parts = {name: [write_table_part(getattr(analysis, name), folder, name, 0)] for name in TABLE_NAMES}
    write_manifest(folder, parts, analysis.cleaning, analysis.actor_colors, analysis.ngram, extra={"packs": analysis.packs, **(extra or {})})
    return folder


def write_manifest(
    folder: Path,
    parts: dict[str, list[tuple[str, str]]],
    cleaning: dict[str, Any],
    actor_colors: dict[str, str],
    ngram: int,
    *,
    extra: dict[str, Any] | None = None,
) -> None:
    """Write analysis.json last, so a folder without it is known to be incomplete."""
    manifest = {
        "format": STORE_FORMAT,
        "version": __version__,
        "ngram": ngram,
        "actor_colors": actor_colors,
        "cleaning": cleaning,
        "tables": {name: [{"path": path, "sha256": digest} for path, digest in parts[name]] for name in TABLE_NAMES},
        **(extra or {}),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, default=_json_default), encoding="utf-8")


def read_manifest(folder: Path | str) -> dict[str, Any]:
    """The manifest of a stored analysis; :class:`StoreError` if absent, unreadable or of another format."""
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(f"{path}: not a readable analysis manifest ({error})") from error
    if not isinstance(manifest, dict) or manifest.get("format") != STORE_FORMAT or not isinstance(manifest.get("tables"), dict):
        raise StoreError(f"{path}: written in another format (expected format {STORE_FORMAT})")
    return manifest


def read_store(folder: Path | str, *, verify: bool = True) -> Analysis:
    """The analysis stored in ``folder``; every part's digest is checked unless ``verify`` is False."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    try:
        tables = {name: _read_table(folder, name, manifest["tables"][name], verify) for name in TABLE_NAMES}
        return Analysis(
            **tables,
            cleaning=manifest["cleaning"],
            actor_colors=manifest["actor_colors"],
            ngram=int(manifest["ngram"]),
            packs=list(manifest.get("packs", [])),
        )
    except StoreError:
        raise
    except (KeyError, TypeError, ValueError, OSError, pa.ArrowException) as error:
        raise StoreError(f"{folder}: the stored analysis cannot be read ({type(error).__name__}: {error})") from error


def stand_in_corpus(analysis: Analysis, folder: Path | str) -> Corpus:
    """A corpus standing for a stored analysis: its documents' ids and metadata, texts rebuilt from the analysed sentences.

    It is for showing (names, counts, warnings), not for analysing again: offsets in the
    stored tables point into the original texts, which the store does not hold.
    """
    texts = sentences_by_document(analysis.sentences)
    documents = [
        Document(str(row.doc_id), " ".join(texts.get(row.doc_id, [])), title=str(row.title), source=str(row.source), date=str(row.date))
        for row in analysis.documents.itertuples()
    ]
    notes = [f"Opened the stored analysis {Path(folder).name}: it is shown as analysed; an uploaded actor dictionary does not change it."]
    return Corpus(documents, name=Path(folder).name, warnings=list(analysis.cleaning.get("load_warnings", [])), notes=notes, stored_analysis=str(folder))


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_table(folder: Path, table: str, parts: Iterable[dict[str, str]], verify: bool) -> pd.DataFrame:
    frames = []
    for part in parts:
        path = folder / part["path"]
        if not path.resolve().is_relative_to(folder.resolve()):
            raise StoreError(f"{folder}: the manifest names a file outside the folder")
        if verify and file_digest(path) != part["sha256"]:
            raise StoreError(f"{path}: the file changed since it was written")
        frames.append(pq.read_table(path).to_pandas())
    if len(frames) == 1:
        return frames[0]
    columns = list(dict.fromkeys(c for f in frames for c in f.columns))
    # An empty part carries no types: leave it out unless every part is empty.
    filled = [f for f in frames if not f.empty] or frames[:1]
    frame = pd.concat(filled, ignore_index=True).reindex(columns=columns)
    if table == "documents":  # a metadata field one partition lacks is empty there, as in one corpus
        extra = [c for c in frame.columns if c not in DOCUMENT_COLUMNS]
        frame[extra] = frame[extra].fillna("")
    return frame


def _json_default(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars in the cleaning report
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
