"""Load documents from text files, folders, CSV and JSONL into a :class:`Corpus`.

Every loader returns :class:`Document` objects whose ``text`` is the original text,
decoded but otherwise untouched: all offsets elsewhere in the package point into it.
Problems the user can fix raise :class:`CorpusError` with one line naming the file and the fix.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TEXT_SUFFIXES = {".txt", ".md"}
TABLE_SUFFIXES = {".csv", ".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES
TEXT_COLUMN_NAMES = ("text", "content", "body")
_ENCODINGS = ("utf-8-sig", "utf-16", "cp1252")


class CorpusError(ValueError):
    """A corpus that cannot be loaded, with a message that says which file and what to do."""


@dataclass(frozen=True)
class Document:
    """One document: its original text and optional metadata (empty string when unknown)."""

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    date: str = ""
    origin: str = ""


@dataclass
class Corpus:
    """An ordered collection of documents plus what loading had to skip."""

    documents: list[Document]
    name: str = "corpus"
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self):
        return iter(self.documents)


def load_corpus(paths: str | Path | Sequence[str | Path], *, text_column: str | None = None) -> Corpus:
    """Load .txt/.md files, folders of them, and .csv/.jsonl tables into one corpus.

    Args:
        paths: One path or several; folders are searched recursively for supported files.
        text_column: The column/key holding the text in tables; default: text, content or body.

    Raises:
        CorpusError: A path is missing or unreadable, or a table has no text column.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise CorpusError("no input given: pass a .txt/.md/.csv/.jsonl file or a folder of them")
    documents: list[Document] = []
    warnings: list[str] = []
    for path in map(Path, paths):
        for file in _expand(path):
            documents.extend(_load_file(file, text_column, warnings))
    name = Path(paths[0]).stem if len(paths) == 1 else f"{len(paths)} inputs"
    return Corpus(_unique_ids(documents), name=name, warnings=warnings)


def corpus_from_texts(texts: Iterable[str], *, name: str = "texts") -> Corpus:
    """Build a corpus from plain strings (ids doc1, doc2, ...)."""
    return Corpus([Document(f"doc{i}", t) for i, t in enumerate(texts, 1)], name=name)


def _expand(path: Path) -> list[Path]:
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder; check the path")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        if not files:
            raise CorpusError(f"{path}: the folder holds no .txt, .md, .csv or .jsonl files")
        return files
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise CorpusError(f"{path}: unsupported file type {path.suffix or '(none)'}; use .txt, .md, .csv or .jsonl")
    return [path]


def _load_file(path: Path, text_column: str | None, warnings: list[str]) -> list[Document]:
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _documents_from_table(_read_csv(path, text), path, text_column, warnings)
    if suffix == ".jsonl":
        return _documents_from_table(_read_jsonl(path, text, warnings), path, text_column, warnings)
    return [Document(path.stem, text, title=_title_from_filename(path, text), origin=str(path))]


def read_text(path: Path) -> str:
    """Read a file as text, trying UTF-8, UTF-16 (with BOM) and Windows-1252 in turn."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path}: cannot be read ({error.strerror}); check its permissions") from error
    return decode_bytes(raw, str(path))


def decode_bytes(raw: bytes, label: str) -> str:
    """Decode bytes from a text file; raise CorpusError for binary content."""
    has_utf16_bom = raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    if b"\x00" in raw[:4096] and not has_utf16_bom:
        raise CorpusError(f"{label}: looks like a binary file, not text; export it as UTF-8 text")
    for encoding in _ENCODINGS:
        if encoding == "utf-16" and not has_utf16_bom:
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def _title_from_filename(path: Path, text: str) -> str:
    """The file name as a title when the text starts with it (search dumps named after their query)."""
    words = re.split(r"[\s_\-]+", path.stem.strip())
    phrase = " ".join(w for w in words if w)
    if phrase and len(words) >= 2 and text.lstrip().lower().startswith(phrase.lower()):
        start = len(text) - len(text.lstrip())
        return text[start : start + len(phrase)]
    first_line = text.strip().split("\n", 1)[0].strip()
    return first_line if "\n" in text.strip() and 0 < len(first_line) <= 150 else ""


def _read_csv(path: Path, text: str) -> pd.DataFrame:
    try:
        dialect = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
        sep = dialect.delimiter
    except csv.Error:
        sep = ","
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, on_bad_lines="skip")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as error:
        raise CorpusError(f"{path}: not a readable CSV ({error}); save it as comma-separated UTF-8") from error


def _read_jsonl(path: Path, text: str, warnings: list[str]) -> pd.DataFrame:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            warnings.append(f"{path}: line {number} is not valid JSON and was skipped")
            continue
        if isinstance(row, dict):
            rows.append({k: "" if v is None else str(v) for k, v in row.items()})
        else:
            warnings.append(f"{path}: line {number} is not a JSON object and was skipped")
    return pd.DataFrame(rows)


def _find_column(frame: pd.DataFrame, wanted: Sequence[str]) -> str | None:
    by_lower = {str(c).strip().lower(): c for c in frame.columns}
    return next((by_lower[w.lower()] for w in wanted if w.lower() in by_lower), None)


def _documents_from_table(frame: pd.DataFrame, path: Path, text_column: str | None, warnings: list[str]) -> list[Document]:
    wanted = [text_column] if text_column else list(TEXT_COLUMN_NAMES)
    columns = [c for c in (_find_column(frame, [w]) for w in wanted) if c is not None]
    if not columns:
        found = ", ".join(map(str, frame.columns)) or "none"
        hint = f"--text-column {text_column!r} is not among them" if text_column else "name the text column with --text-column"
        raise CorpusError(f"{path}: no text column (columns found: {found}); {hint}")
    meta = {key: _find_column(frame, [key]) for key in ("id", "title", "source", "date")}
    documents = []
    for index, row in enumerate(frame.fillna("").to_dict("records")):
        text = next((str(row[c]) for c in columns if str(row[c]).strip()), "")
        if not text:
            warnings.append(f"{path}: row {index + 1} has no text and was skipped")
            continue

        def value(key: str) -> str:
            return str(row[meta[key]]).strip() if meta[key] is not None else ""

        documents.append(
            Document(
                doc_id=value("id") or f"{path.stem}:{index + 1}",
                text=text,
                title=value("title"),
                source=value("source"),
                date=_normalise_date(value("date")),
                origin=f"{path}:{index + 1}",
            )
        )
    return documents


def _normalise_date(value: str) -> str:
    if not value:
        return ""
    parsed = pd.to_datetime(value, errors="coerce", utc=False, format="mixed")
    return value if pd.isna(parsed) else parsed.strftime("%Y-%m-%d")


def _unique_ids(documents: list[Document]) -> list[Document]:
    seen: dict[str, int] = {}
    unique = []
    for doc in documents:
        count = seen.get(doc.doc_id, 0)
        seen[doc.doc_id] = count + 1
        unique.append(doc if count == 0 else Document(f"{doc.doc_id}#{count + 1}", doc.text, doc.title, doc.source, doc.date, doc.origin))
    return unique
