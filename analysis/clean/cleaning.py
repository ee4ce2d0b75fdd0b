"""Clean a corpus without moving a single offset, and record every change.

Each document gets an *analysis text* of exactly the original length: noise (wire codes,
footnote marks, gibberish) and later copies of repeated passages are blanked with spaces,
and words cut in two are rejoined in place ("launch ed" -> "launched "). Offsets found in
the analysis text therefore point straight into the original text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from analysis.clean.dedup import Fingerprints, RepeatedPassage, find_repeated_passages
from analysis.clean.noise import Span, find_cut_words, find_gibberish, find_markup_noise
from analysis.load.corpus import Corpus, Document

EXAMPLES_PER_KIND = 5
_WORD = re.compile(r"\S+")
# Removals after which the text on either side belongs to different snippets.
BREAKING_KINDS = frozenset({"wire_code", "gibberish", "repeated_passage"})
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A dateline date opening a news text: "Wed 05 Apr 2017", "May 30 2017", "Mon Jul 18 2016".
_LEADING_DATE = re.compile(
    rf"\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? )?(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}})\s+"
)


@dataclass
class CleanDocument:
    """A document with its same-length analysis text, what was removed, and forced sentence breaks."""

    document: Document
    analysis_text: str
    removed: list[Span]
    hard_breaks: list[int]


@dataclass
class CleaningReport:
    """What cleaning removed or merged, with counts and examples (JSON-ready via :meth:`to_dict`)."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    repeated_passages: list[dict[str, Any]] = field(default_factory=list)
    duplicate_documents: list[str] = field(default_factory=list)
    empty_documents: list[str] = field(default_factory=list)
    load_warnings: list[str] = field(default_factory=list)

    def add(self, kind: str, doc_id: str, span: Span) -> None:
        """Count one removal and keep it as an example if few are kept yet."""
        self.counts[kind] += 1
        examples = self.examples.setdefault(kind, [])
        if len(examples) < EXAMPLES_PER_KIND:
            examples.append({"doc_id": doc_id, "start": span.start, "end": span.end, "text": _preview(span.text)})

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-serialisable data."""
        return {
            "counts": dict(sorted(self.counts.items())),
            "examples": self.examples,
            "repeated_passages": self.repeated_passages,
            "duplicate_documents": self.duplicate_documents,
            "empty_documents": self.empty_documents,
            "load_warnings": self.load_warnings,
        }


def clean_corpus(corpus: Corpus) -> tuple[list[CleanDocument], CleaningReport]:
    """Blank noise and repeated passages in every document; report what was done."""
    pairs = [clean_document(doc) for doc in corpus.documents]
    report = merge_reports([r for _, r in pairs])
    report.load_warnings = list(corpus.warnings)
    return remove_repeated_passages([c for c, _ in pairs], report)


def clean_document(doc: Document) -> tuple[CleanDocument, CleaningReport]:
    """One document's own cleaning (noise, cut words), with its report: runs anywhere, in any order."""
    report = CleaningReport()
    return _clean_document(doc, report), report


def merge_reports(reports: Sequence[CleaningReport]) -> CleaningReport:
    """One report from the reports of consecutive batches, exactly as if cleaned in one batch."""
    merged = CleaningReport()
    for report in reports:
        merged.counts.update(report.counts)
        for kind, examples in report.examples.items():
            kept = merged.examples.setdefault(kind, [])
            kept.extend(examples[: EXAMPLES_PER_KIND - len(kept)])
        for name in ("repeated_passages", "duplicate_documents", "empty_documents", "load_warnings"):
            getattr(merged, name).extend(getattr(report, name))
    return merged


def remove_repeated_passages(
    cleaned: list[CleanDocument], report: CleaningReport, *, found: Fingerprints | None = None
) -> tuple[list[CleanDocument], CleaningReport]:
    """Blank later copies of passages repeated across the corpus (needs every document, in order).

    ``found``: the analysis texts' fingerprints, when already computed (per document, by the workers).
    """
    repeats = find_repeated_passages([c.analysis_text for c in cleaned], found=found)
    apply_repeated_passages(cleaned, repeats, [cleaned[p.first_doc_index].document.doc_id for p in repeats], report)
    return cleaned, report


def apply_repeated_passages(
    cleaned: Sequence[CleanDocument], repeats: Sequence[RepeatedPassage], first_doc_ids: Sequence[str], report: CleaningReport
) -> None:
    """Blank the given repeats (``doc_index`` into ``cleaned``; ``first_doc_ids`` name each first copy) and note empty documents."""
    _remove_repeats(cleaned, repeats, first_doc_ids, report)
    for item in cleaned:
        item.removed.sort(key=lambda s: s.start)
        if not item.analysis_text.strip():
            report.empty_documents.append(item.document.doc_id)


def _clean_document(doc: Document, report: CleaningReport) -> CleanDocument:
    text = doc.text
    removed = find_markup_noise(text) + find_gibberish(text)
    chars = list(text)
    for span in removed:
        _blank(chars, span)
        report.add(span.kind, doc.doc_id, span)
    for span in find_cut_words("".join(chars)):
        joined = span.text.replace(" ", "") + " "
        chars[span.start : span.end] = joined
        report.add(span.kind, doc.doc_id, span)
    breaks = [pos for s in removed if s.kind in BREAKING_KINDS for pos in (s.start, s.end)]
    breaks += [s.end for s in removed if s.kind == "footnote_mark" and re.match(r"\s+[A-Z]", text[s.end : s.end + 2])]
    breaks += _heading_breaks(doc)
    return CleanDocument(doc, "".join(chars), removed, breaks)


def _heading_breaks(doc: Document) -> list[int]:
    """Sentence breaks after a leading dateline date and a title the text starts with."""
    text = doc.text
    breaks = []
    position = 0
    date = _LEADING_DATE.match(text)
    if date:
        position = date.end()
        breaks.append(position)
    title = " ".join(doc.title.split())
    if title:
        head = " ".join(text[position : position + len(title) + 40].split())
        if head.lower().startswith(title.lower()):
            breaks.append(_offset_after_words(text, position, len(title.split())))
    return breaks


def _blank(chars: list[str], span: Span) -> None:
    """Replace a span with spaces in place: same length, so offsets stay valid."""
    chars[span.start : span.end] = " " * (span.end - span.start)


def _offset_after_words(text: str, start: int, n_words: int) -> int:
    words = list(islice(_WORD.finditer(text, start), n_words))
    return words[-1].end() if words else start


def _remove_repeats(
    cleaned: Sequence[CleanDocument], repeats: Sequence[RepeatedPassage], first_doc_ids: Sequence[str], report: CleaningReport
) -> None:
    by_doc: dict[int, list[tuple[RepeatedPassage, str]]] = {}
    for passage, first_doc_id in zip(repeats, first_doc_ids):
        by_doc.setdefault(passage.doc_index, []).append((passage, first_doc_id))
    for index, passages in by_doc.items():
        item = cleaned[index]
        chars = list(item.analysis_text)
        for passage, first_doc_id in passages:
            span = Span("repeated_passage", passage.start, passage.end, item.document.text[passage.start : passage.end])
            _blank(chars, span)
            item.removed.append(span)
            item.hard_breaks += [span.start, span.end]
            report.add(span.kind, item.document.doc_id, span)
            report.repeated_passages.append(
                {
                    "doc_id": item.document.doc_id,
                    "start": span.start,
                    "end": span.end,
                    "chars": span.end - span.start,
                    "first_doc_id": first_doc_id,
                    "first_start": passage.first_start,
                    "text": _preview(span.text),
                }
            )
        item.analysis_text = "".join(chars)
        if item.document.text.strip() and len("".join(item.analysis_text.split())) < 80:
            report.duplicate_documents.append(item.document.doc_id)


def _preview(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
