"""Turn one file's bytes into documents: text, Markdown, CSV, JSON Lines, JSON, HTML, PDF and Word.

The same functions read files from disk (``load_corpus``) and uploads (the dashboard's Corpus
page), so every hard input behaves the same way in both. A file name is only a label here:
it picks the format and names the documents, and is never used as a path.

Kept libraries do the format work: charset-normalizer detects legacy encodings, Beautiful Soup
extracts visible HTML text, pypdf reads PDF text and python-docx reads Word files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import warnings as python_warnings
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json"}
MARKUP_SUFFIXES = {".html", ".htm"}
BINARY_SUFFIXES = {".pdf", ".docx", ".parquet"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES | MARKUP_SUFFIXES | BINARY_SUFFIXES
# Column names recognised for each field, in order of preference (compared case-blind).
COLUMN_NAMES = {
    "text": ("text", "content", "body", "full_text", "article", "article_text", "document", "message", "description"),
    "title": ("title", "headline", "heading", "subject"),
    "source": ("source", "publisher", "site", "outlet", "domain", "source_name", "feed"),
    "date": ("date", "published", "published_at", "publication_date", "pub_date", "datetime", "timestamp", "time", "created_at"),
    "id": ("id", "doc_id", "document_id", "uuid", "guid"),
}
# A column detected as the text by its content must average at least this many characters.
MIN_TEXT_LENGTH = 25
# Other table columns are kept as document metadata (for group comparisons) when their values are short.
MAX_META_COLUMNS, MAX_META_LENGTH = 12, 80
PREFERRED_ENCODING = "cp1252"
# Candidates this close to the best (charset-normalizer's "chaos" ratio) count as equally good.
CLOSE_CHAOS = 0.05
# A whole article in one CSV cell is normal here; the csv module's default cap (131,072) is not.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
# Compressed formats (Word's zip, PDF streams, Parquet pages) may unpack to far more than their
# size: a 4.5 MB .docx can hold 1 GB of XML. Each reader refuses a file that would unpack past this.
MAX_INFLATED_ENV = "BRIEFING_MAX_INFLATED_MB"
DEFAULT_MAX_INFLATED_MB = 200
PARQUET_BATCH_ROWS = 256
JSON_LIST_KEYS = ("documents", "docs", "articles", "items", "records", "data", "results", "rows")


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
    meta: tuple[tuple[str, str], ...] = ()  # other short table fields, e.g. (("label_credible", "1"),)


@dataclass(frozen=True)
class Columns:
    """Which table columns hold the text and the metadata; None means detect it."""

    text: str | None = None
    title: str | None = None
    source: str | None = None
    date: str | None = None
    id: str | None = None


@dataclass
class ReadLog:
    """What reading had to skip (``warnings``) and what it decided on its own (``notes``)."""

    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_file(name: str, data: bytes, *, columns: Columns = Columns(), log: ReadLog | None = None) -> list[Document]:
    """The documents in one file, read by its suffix.

    Args:
        name: The file's name (a label: its suffix picks the reader, its stem names documents).
        data: The file's bytes.
        columns: For tables, the columns to use; unset ones are detected.
        log: Collects skipped rows and decisions such as a detected encoding.

    Raises:
        CorpusError: The file is empty, binary, of an unsupported type, or has no text to analyse.
    """
    log = log if log is not None else ReadLog()
    suffix = _suffix(name)
    if suffix not in SUPPORTED_SUFFIXES:
        raise CorpusError(f"{name}: unsupported file type {suffix or '(none)'}; use {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty")
    if suffix == ".pdf":
        return _checked(name, [_pdf_document(name, data)])
    if suffix == ".docx":
        return _checked(name, [_docx_document(name, data)])
    if suffix == ".parquet":
        return documents_from_table(parquet_rows(name, data), name, columns, log)
    text = decode(data, name, log)
    if suffix in MARKUP_SUFFIXES:
        title, visible = html_text(text)
        return _checked(name, [Document(_stem(name), visible, title=title, origin=name)])
    if suffix in TABLE_SUFFIXES:
        return documents_from_table(read_table(name, text, log), name, columns, log)
    return _checked(name, [Document(_stem(name), text, title=title_from_name(name, text), origin=name)])


def max_inflated_bytes() -> int:
    """How many bytes a compressed file may unpack to: ``$BRIEFING_MAX_INFLATED_MB`` megabytes, else 200."""
    raw = os.environ.get(MAX_INFLATED_ENV, "").strip()
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_INFLATED_MB
    except ValueError:
        raise CorpusError(f"${MAX_INFLATED_ENV} must be a number of megabytes, not {raw!r}") from None
    return int(megabytes * 1024 * 1024)


def _refuse_inflation(name: str, size: int, limit: int, what: str = "unpacks to") -> None:
    """Raise a CorpusError when ``size`` bytes unpacked from ``name`` pass ``limit`` (see :func:`max_inflated_bytes`)."""
    if size > limit:
        raise CorpusError(
            f"{name}: {what} more than {limit / 2**20:,.0f} MB of text and markup, more than one file may unpack to here; "
            f"split it into smaller files, or raise the limit with ${MAX_INFLATED_ENV}"
        )


def decode(data: bytes, label: str, log: ReadLog) -> str:
    """Text from bytes: UTF-8 or a BOM's encoding, else the encoding charset-normalizer detects (noted in ``log``)."""
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    boms = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise CorpusError(f"{label}: starts with a {encoding} byte-order mark but is not valid {encoding}") from error
            if encoding != "utf-8-sig":
                log.notes.append(f"{label}: read as {encoding.upper()} (byte-order mark)")
            return text
    if _looks_binary(data):
        raise CorpusError(f"{label}: looks like a binary file, not text; export it as UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:2_000_000]))
    if not matches or matches[0].encoding is None:
        raise CorpusError(f"{label}: not readable as text in any known encoding; save it as UTF-8")
    best = matches[0]
    # Short texts often fit several code pages equally well; then Windows-1252, the commonest legacy
    # encoding of English and other Western-language text, is the likeliest (charset-normalizer's tie order is not).
    close = [m.encoding for m in matches if m.chaos <= best.chaos + CLOSE_CHAOS]
    encoding = PREFERRED_ENCODING if PREFERRED_ENCODING in close and _decodes(data, PREFERRED_ENCODING) else best.encoding
    log.notes.append(f"{label}: not UTF-8; read as {encoding} (detected)")
    return data.decode(encoding, errors="replace")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(byte < 32 and byte not in (9, 10, 12, 13) for byte in head)
    return controls > 0.05 * len(head)


def html_text(markup: str) -> tuple[str, str]:
    """(title, visible text) of an HTML page: scripts, styles and hidden parts dropped, blocks on their own lines."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with python_warnings.catch_warnings():
        python_warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    title = " ".join(soup.title.get_text().split()) if soup.title else ""
    for hidden in soup(["script", "style", "noscript", "template", "svg", "head", "iframe", "object"]):
        hidden.decompose()
    lines = (" ".join(line.split()) for line in soup.get_text("\n").splitlines())
    return title, "\n".join(line for line in lines if line)


def _pdf_document(name: str, data: bytes) -> Document:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    # pypdf logs every repair it makes; the user gets one clear message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise CorpusError(f"{name}: the PDF is password-protected; save an unprotected copy")
        pages, size, limit = [], 0, max_inflated_bytes()
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            _refuse_inflation(name, size, limit, "its text runs to")
        title = str((reader.metadata or {}).get("/Title", "") or "")
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        if isinstance(error, CorpusError):
            raise
        raise CorpusError(f"{name}: not a readable PDF ({error}); export it again or save it as text") from error
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise CorpusError(f"{name}: the PDF has no extractable text (scanned pages?); run OCR or paste the text")
    return Document(_stem(name), text, title=title, origin=name)


def _docx_document(name: str, data: bytes) -> Document:
    import zipfile

    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # A zip member never yields more than its declared size (zipfile stops there and checks the CRC).
            _refuse_inflation(name, sum(member.file_size for member in archive.infolist()), max_inflated_bytes())
        word = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        if isinstance(error, CorpusError):
            raise
        raise CorpusError(f"{name}: not a readable Word .docx file ({error}); save it again as .docx") from error
    blocks = [p.text for p in word.paragraphs]
    blocks += ["\t".join(cell.text for cell in row.cells) for table in word.tables for row in table.rows]
    text = "\n".join(block for block in blocks if block.strip())
    return Document(_stem(name), text, title=word.core_properties.title or "", origin=name)


def _checked(name: str, documents: list[Document]) -> list[Document]:
    if not any(doc.text.strip() for doc in documents):
        raise CorpusError(f"{name}: has no text to analyse (only whitespace)")
    return documents


def read_table(name: str, text: str, log: ReadLog) -> pd.DataFrame:
    """Rows of a CSV/TSV (delimiter sniffed), JSON Lines or JSON file, every cell a string."""
    suffix = PurePath(name).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl_rows(name, text, log)
    if suffix == ".json":
        return _json_rows(name, text)
    return _csv_rows(name, text, log)


def parquet_rows(name: str, data: bytes) -> pd.DataFrame:
    """Rows of a Parquet file, every cell a string (missing cells empty)."""
    import pyarrow.parquet as pq  # pyarrow comes with streamlit; imported only for Parquet input

    try:
        table = pq.ParquetFile(io.BytesIO(data))
        meta = table.metadata
        limit = max_inflated_bytes()
        _refuse_inflation(name, sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups)), limit)
        # Dictionary-encoded pages can still expand when decoded: read in small batches and count.
        batches, size = [], 0
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            batches.append(batch.to_pandas())
            size += sum(int(column.nbytes) for column in batch.columns)
            _refuse_inflation(name, size, limit)
        frame = pd.concat(batches, ignore_index=True) if batches else table.schema_arrow.empty_table().to_pandas()
    except CorpusError:
        raise
    except Exception as error:  # noqa: BLE001 -- pyarrow raises several types for a damaged file
        raise CorpusError(f"{name}: not a readable Parquet file ({type(error).__name__}: {error})") from error
    return frame.astype(object).where(frame.notna(), "").astype(str)


def _csv_rows(name: str, text: str, log: ReadLog) -> pd.DataFrame:
    try:
        separator = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|").delimiter
    except csv.Error:
        separator = "\t" if name.lower().endswith(".tsv") else ","
    skipped: list[int] = []

    def skip(fields: list[str]) -> None:
        skipped.append(len(fields))

    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=separator, dtype=str, keep_default_na=False, engine="python", on_bad_lines=skip, index_col=False
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as error:
        raise CorpusError(f"{name}: not a readable CSV ({error}); save it as comma-separated UTF-8") from error
    if skipped:
        log.warnings.append(f"{name}: {len(skipped)} row(s) with more fields than the header ({len(frame.columns)}) were skipped")
    return frame


def _jsonl_rows(name: str, text: str, log: ReadLog) -> pd.DataFrame:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            log.warnings.append(f"{name}: line {number} is not valid JSON and was skipped")
            continue
        if isinstance(row, dict):
            rows.append(_flat(row))
        elif isinstance(row, str):
            rows.append({"text": _clean(row)})
        else:
            log.warnings.append(f"{name}: line {number} is not a JSON object and was skipped")
    if not rows:
        raise CorpusError(f"{name}: no line is a JSON object with text; expected one object per line, e.g. {{\"text\": \"…\"}}")
    return pd.DataFrame(rows)


def _json_rows(name: str, text: str) -> pd.DataFrame:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{name}: not valid JSON (line {error.lineno}: {error.msg})") from error
    if isinstance(data, dict):
        data = next((data[key] for key in JSON_LIST_KEYS if isinstance(data.get(key), list)), data)
    if isinstance(data, list) and data and all(isinstance(item, str) for item in data):
        return pd.DataFrame({"text": [_clean(item) for item in data]})
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        return pd.DataFrame([_flat(item) for item in data])
    raise CorpusError(
        f"{name}: the JSON is not a list of documents; expected [{{\"text\": \"…\", \"title\": \"…\"}}, …], a list of strings, "
        f"or an object with a \"documents\" list"
    )


def _flat(row: dict) -> dict[str, str]:
    """A JSON object's values as strings (nested values as JSON text, lone surrogates replaced)."""
    return {_clean(str(k)): "" if v is None else _clean(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)) for k, v in row.items()}


def _clean(text: str) -> str:
    """JSON may escape lone surrogates (\\ud800) that no UTF-8 tool downstream accepts."""
    return text.encode("utf-8", "replace").decode("utf-8")


def guess_columns(frame: pd.DataFrame) -> Columns:
    """The text and metadata columns of a table, by name, else (for the text) the column with the longest cells."""
    found = {key: _named(frame, names) for key, names in COLUMN_NAMES.items()}
    if found["text"] is None:
        lengths = {column: frame[column].astype(str).str.len().mean() for column in frame.columns if column not in found.values()}
        longest = max(lengths, key=lengths.get, default=None)
        if longest is not None and lengths[longest] >= MIN_TEXT_LENGTH:
            found["text"] = longest
    return Columns(**found)


def _named(frame: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    by_lower = {str(c).strip().lower(): c for c in frame.columns}
    return next((by_lower[n] for n in names if n in by_lower), None)


def documents_from_table(frame: pd.DataFrame, name: str, chosen: Columns, log: ReadLog) -> list[Document]:
    """One document per row with text; rows without text are skipped and counted."""
    guessed = guess_columns(frame)
    columns = Columns(**{key: getattr(chosen, key) or getattr(guessed, key) for key in COLUMN_NAMES})
    missing = [c for c in (chosen.text, chosen.title, chosen.source, chosen.date, chosen.id) if c and c not in frame.columns]
    if missing:
        raise CorpusError(f"{name}: no column named {missing[0]!r} (columns: {', '.join(map(str, frame.columns)) or 'none'})")
    if columns.text is None:
        found = ", ".join(map(str, frame.columns)) or "none"
        raise CorpusError(f"{name}: no text column (columns found: {found}); choose the column that holds the text (--text-column on the command line)")
    if not chosen.text and columns.text.lower() not in COLUMN_NAMES["text"]:
        log.notes.append(f"{name}: text taken from column {columns.text!r} (the longest cells)")
    # Unless one is chosen, every text-like column counts: JSON Lines rows may each use another key.
    text_columns = [columns.text] if chosen.text else [columns.text] + [
        c for c in frame.columns if str(c).strip().lower() in COLUMN_NAMES["text"] and c != columns.text
    ]
    def value(row: dict, column: str | None) -> str:
        return str(row[column]).strip() if column else ""

    used = {columns.text, columns.title, columns.source, columns.date, columns.id, *text_columns}
    extra = [c for c in frame.columns if c not in used and frame[c].astype(str).str.len().max() <= MAX_META_LENGTH][:MAX_META_COLUMNS]

    documents, empty = [], 0
    for index, row in enumerate(frame.fillna("").to_dict("records"), 1):
        text = next((str(row[c]) for c in text_columns if str(row[c]).strip()), "")
        if not text:
            empty += 1
            continue
        documents.append(
            Document(
                doc_id=value(row, columns.id) or f"{_stem(name)}:{index}",
                text=text,
                title=value(row, columns.title),
                source=value(row, columns.source),
                date=normalise_date(value(row, columns.date)),
                origin=f"{name}:{index}",
                meta=tuple((str(c), value(row, c)) for c in extra),
            )
        )
    if empty:
        log.warnings.append(f"{name}: {empty} row(s) with no text were skipped")
    if not documents:
        raise CorpusError(f"{name}: no row has text in column {columns.text!r}")
    return documents


def normalise_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) when the value parses as a date, else the value as given."""
    if not value:
        return ""
    parsed = pd.to_datetime(value, errors="coerce", utc=False, format="mixed")
    return value if pd.isna(parsed) else parsed.strftime("%Y-%m-%d")


def title_from_name(name: str, text: str) -> str:
    """The file name as a title when the text starts with it (search dumps named after their query), else a short first line."""
    words = re.split(r"[\s_\-]+", PurePath(name).stem.strip())
    phrase = " ".join(w for w in words if w)
    if phrase and len(words) >= 2 and text.lstrip().lower().startswith(phrase.lower()):
        start = len(text) - len(text.lstrip())
        return text[start : start + len(phrase)]
    first_line = text.strip().split("\n", 1)[0].strip()
    return first_line if "\n" in text.strip() and 0 < len(first_line) <= 150 else ""


def _suffix(name: str) -> str:
    """The file type, also for a name that is only an extension (".txt")."""
    path = PurePath(name)
    return (path.suffix or (path.name if path.name.startswith(".") else "")).lower()


def _stem(name: str) -> str:
    stem = PurePath(name).stem
    return "document" if not stem or (stem.startswith(".") and stem.lower() in SUPPORTED_SUFFIXES) else stem
