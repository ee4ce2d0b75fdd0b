"""A :class:`Corpus` from files on disk, uploaded files, or plain strings.

Every document's ``text`` is the original text, decoded but otherwise untouched: all offsets
elsewhere in the package point into it. Reading each file is :mod:`analysis.load.readers`'s job.
Problems the user can fix raise :class:`CorpusError` with one line naming the file and the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from analysis.load.readers import SUPPORTED_SUFFIXES, Columns, CorpusError, Document, ReadLog, read_file

__all__ = ["Columns", "Corpus", "CorpusError", "Document", "corpus_from_files", "corpus_from_texts", "load_corpus"]


@dataclass
class Corpus:
    """An ordered collection of documents plus what loading had to skip."""

    documents: list[Document]
    name: str = "corpus"
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Set on a stand-in for a stored analysis (its folder): the texts are not at hand to analyse again.
    stored_analysis: str = ""

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self):
        return iter(self.documents)


def load_corpus(paths: str | Path | Sequence[str | Path], *, text_column: str | None = None, columns: Columns | None = None) -> Corpus:
    """Load files (text, Markdown, CSV/TSV, JSON Lines, JSON, HTML, PDF, Word) and folders of them into one corpus.

    Args:
        paths: One path or several; folders are searched recursively for supported files.
        text_column: The column/key holding the text in tables (shorthand for ``columns``).
        columns: The table columns to use; unset ones are detected.

    Raises:
        CorpusError: A path is missing or unreadable, or a file cannot be read as documents.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise CorpusError("no input given: pass a file or a folder of .txt/.md/.csv/.jsonl/.json/.html/.pdf/.docx files")
    chosen = columns or Columns(text=text_column)
    files = [(file.name, _read_bytes(file), str(file)) for file in input_files(paths)]
    name = Path(paths[0]).stem if len(paths) == 1 else f"{len(paths)} inputs"
    return _corpus(files, chosen, name, skip_bad=False)


def input_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files ``paths`` name, folders expanded (recursively, sorted) to their supported files."""
    return [file for path in map(Path, paths) for file in _expand(path)]


def read_documents(path: Path, columns: Columns) -> tuple[list[Document], ReadLog]:
    """The documents of one file as :func:`load_corpus` reads them, before ids are made unique across files."""
    log = ReadLog()
    label = str(path)
    try:
        read = read_file(path.name, _read_bytes(path), columns=columns, log=log)
    except CorpusError as error:
        raise CorpusError(str(error).replace(path.name, label, 1)) from error
    except Exception as error:  # noqa: BLE001 -- as load_corpus: a library choking on one file is the file's problem
        raise CorpusError(f"{label}: could not be read ({type(error).__name__}: {error})") from error
    return _labelled(read, path.name, label), log


def corpus_from_files(files: Sequence[tuple[str, bytes]], *, columns: Columns | None = None, name: str = "upload") -> Corpus:
    """A corpus from (file name, bytes) pairs such as uploads; a file that cannot be read is skipped with a warning.

    Raises:
        CorpusError: No file yields any document (the message lists why each failed).
    """
    return _corpus([(file_name, data, file_name) for file_name, data in files], columns or Columns(), name, skip_bad=True)


def _corpus(files: list[tuple[str, bytes, str]], columns: Columns, name: str, *, skip_bad: bool) -> Corpus:
    log = ReadLog()
    documents: list[Document] = []
    for file_name, data, label in files:
        try:
            read = read_file(file_name, data, columns=columns, log=log)
        except CorpusError as error:
            if not skip_bad:
                raise CorpusError(str(error).replace(file_name, label, 1)) from error
            log.warnings.append(str(error))
            continue
        except Exception as error:  # noqa: BLE001 -- a library choking on one odd file must not sink the batch
            message = f"{file_name}: could not be read ({type(error).__name__}: {error})"
            if not skip_bad:
                raise CorpusError(message.replace(file_name, label, 1)) from error
            log.warnings.append(message)
            continue
        documents.extend(_labelled(read, file_name, label))
    if not documents:
        raise CorpusError("; ".join(log.warnings) or "no documents found")
    return Corpus(_unique_ids(documents), name=name, warnings=log.warnings, notes=log.notes)


def _labelled(documents: list[Document], file_name: str, label: str) -> list[Document]:
    """Documents whose origin names the file as the user knows it (its path on disk, or the upload's name)."""
    if label == file_name:
        return documents
    return [replace(doc, origin=label + doc.origin[len(file_name):]) for doc in documents]


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path}: cannot be read ({error.strerror}); check its permissions") from error


def corpus_from_texts(texts: Iterable[str], *, name: str = "texts") -> Corpus:
    """Build a corpus from plain strings (ids doc1, doc2, ...)."""
    return Corpus([Document(f"doc{i}", t) for i, t in enumerate(texts, 1)], name=name)


def _expand(path: Path) -> list[Path]:
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder; check the path")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        if not files:
            raise CorpusError(f"{path}: the folder holds no supported files ({', '.join(sorted(SUPPORTED_SUFFIXES))})")
        return files
    return [path]


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Documents whose ids are unique: a repeated id gets #2, #3… (never an id another document has)."""
    ids = unique_ids([doc.doc_id for doc in documents])
    return [doc if doc_id == doc.doc_id else replace(doc, doc_id=doc_id) for doc, doc_id in zip(documents, ids)]


def unique_ids(ids: Sequence[str]) -> list[str]:
    """The ids made unique in order: a repeated id gets #2, #3… (never an id present elsewhere)."""
    taken = set(ids)
    used: set[str] = set()
    unique = []
    for original in ids:
        doc_id, n = original, 1
        while doc_id in used or (doc_id != original and doc_id in taken):
            n += 1
            doc_id = f"{original}#{n}"
        used.add(doc_id)
        unique.append(doc_id)
    return unique
