"""The analysis on a Dask cluster: per-document work on the workers, corpus-level merges here.

``python -m analysis INPUT --engine dask [--scheduler tcp://HOST:PORT] --out DIR`` reads every
file of INPUT (a folder of CSV/JSONL/Parquet/… files; each file is one partition), and writes
the same tables as the local engine as a stored analysis (:mod:`analysis.storage.store`) with one
Parquet part per partition, which the dashboard opens (``BRIEFING_CORPUS=DIR``).

What runs where:

- on the workers, per partition: reading, noise cleaning, sentences, the NER model (loaded
  once per worker process), actor mentions, events, places, YAKE keywords per document,
  keyword counting, and writing the partition's parts;
- here, merged centrally: document ids made unique, passages repeated across the corpus
  (needs every cleaned text once, in order), which lexicon packs apply (per-partition counts),
  the resolution of the model's entity candidates into actors (every candidate's name once),
  boilerplate lines (line counts per partition), corpus keywords (per-document keyword lists),
  actor counts and co-occurrence (per-partition sums), the cleaning report and the manifest.

Workers read INPUT and write DIR by path: on a real cluster both must be on storage every
worker and this machine see at the same path (a shared file system).
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.clean.cleaning import CleanDocument, CleaningReport, apply_repeated_passages, clean_document, merge_reports
from analysis.clean.dedup import RepeatedPassage, find_repeated_passages
from analysis.clean.segment import bare_names
from analysis.engines.pipeline import (
    CORPUS_KEYWORDS,
    PACK_SAMPLE_CHARS,
    DocumentResult,
    Resolution,
    analyse_document,
    boilerplate_from_counts,
    corpus_keyword_frame,
    doc_keyword_frame,
    document_tables,
    finished_report,
    mention_batch,
    min_documents,
    propagation_tally,
    resolve,
    weak_forms,
    with_canonical_event_names,
    with_event_actors,
    without_weak_propagation,
)
from analysis.extract.actors import MENTION_COLUMNS, actor_counts, cooccurrence, merge_actor_counts, merge_cooccurrence
from analysis.extract.discovery import Candidate
from analysis.extract.keyword_names import NameTally, fold_keyword_names, name_tally
from analysis.extract.keywords import KeywordGroup, count_keys, keyword_groups, merge_document_keywords
from analysis.knowledge.lexicons import ActorLexicon
from analysis.load.corpus import Columns, CorpusError, Document, input_files, read_documents, unique_ids
from analysis.storage.store import is_stored_analysis, write_manifest, write_table_part

PER_PARTITION_TABLES = ("documents", "sentences", "mentions", "events", "places", "doc_keywords")


@dataclass
class Partition:
    """One input file's documents as they move through the stages on a worker."""

    documents: list[Document]
    warnings: list[str]
    notes: list[str]
    cleaned: list[CleanDocument] | None = None
    report: CleaningReport | None = None
    results: list[DocumentResult] | None = None
    keywords: list[list[KeywordGroup]] | None = None


@dataclass
class DaskRun:
    """What a Dask run wrote: the output folder and the figures a summary needs."""

    out: Path
    partitions: int
    documents: int
    sentences: int
    words: int
    events: int
    actor_counts: pd.DataFrame
    keywords: pd.DataFrame
    cleaning: dict[str, Any]
    warnings: list[str]
    notes: list[str]


def run_dask(
    paths: Sequence[str | Path],
    out: Path | str,
    *,
    lexicon: ActorLexicon,
    ngram: int = 3,
    scheduler: str | None = None,
    text_column: str | None = None,
    n_workers: int | None = None,
    packs: str | Sequence[str] = "auto",
) -> DaskRun:
    """Analyse the files of ``paths`` on a Dask cluster and write a stored analysis to ``out``.

    Args:
        paths: Files or folders (each file is one partition).
        out: The output folder (replaced if it holds a stored analysis).
        lexicon: The actor dictionary.
        ngram: Longest keyword phrase in words (1-3).
        scheduler: Address of a running scheduler (``tcp://host:8786``); None starts a local cluster.
        text_column: The column holding the text in tables (default: detected).
        n_workers: Workers of the local cluster (default: one per core).
        packs: Which lexicon packs apply ("auto", "all", "none" or names), as in :func:`analysis.analyze`.
    """
    if not 1 <= ngram <= 3:
        raise ValueError("ngram must be 1, 2 or 3")
    files = input_files(paths)
    out = Path(out)
    with _client(scheduler, n_workers) as client:
        return _run(client, files, out, lexicon=lexicon, ngram=ngram, columns=Columns(text=text_column), packs=packs)


def _client(scheduler: str | None, n_workers: int | None):
    """A client of the scheduler, or of a local cluster started for this run (closed with it)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise CorpusError("--engine dask needs Dask: pip install 'dask[distributed]'") from error
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return _Closing(Client(cluster), cluster)


class _Closing:
    """A client and the local cluster it started, closed together."""

    def __init__(self, client, cluster) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self):
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def _run(client, files: list[Path], out: Path, *, lexicon: ActorLexicon, ngram: int, columns: Columns, packs: str | Sequence[str]) -> DaskRun:
    parts = [client.submit(_read, file, columns, key=f"read-{i}") for i, file in enumerate(files)]
    raw_ids = client.gather([client.submit(_ids, p) for p in parts])
    if not any(raw_ids):
        raise CorpusError("no documents found")
    ids = _split(unique_ids([i for part in raw_ids for i in part]), raw_ids)
    n_documents = sum(map(len, ids))
    lexicon = _with_packs(client, parts, lexicon, packs, n_documents)
    shared_lexicon = client.scatter(lexicon, broadcast=True)
    parts = [client.submit(_clean, p, part_ids) for p, part_ids in zip(parts, ids)]
    repeats = _repeats_by_partition(client.gather([client.submit(_texts, p) for p in parts]), ids)
    parts = [client.submit(_extract, p, found, firsts, shared_lexicon) for p, (found, firsts) in zip(parts, repeats)]
    resolved = resolve(lexicon, [c for part in client.gather([client.submit(_candidates, p) for p in parts]) for c in part])
    shared_resolved = client.scatter(resolved, broadcast=True)
    parts = [client.submit(_mentions, p, shared_resolved) for p in parts]
    weak = weak_forms(client.gather([client.submit(_tally, p) for p in parts]))
    lines: Counter = Counter()
    for counted in client.gather([client.submit(_line_counts, p) for p in parts]):
        lines.update(counted)
    boilerplate = boilerplate_from_counts(lines, n_documents)
    parts = [client.submit(_keywords, p, boilerplate, ngram) for p in parts]
    per_doc = [groups for part in client.gather([client.submit(_keyword_lists, p) for p in parts]) for groups in part]
    top = merge_document_keywords(per_doc, min_documents=min_documents(n_documents))[:CORPUS_KEYWORDS]
    keys = frozenset(g.key for g in top)
    _prepare(out)
    written = client.gather([client.submit(_write_partition, p, keys, str(out), i, shared_resolved, weak, boilerplate) for i, p in enumerate(parts)])
    return _finish(out, written, top, boilerplate, resolved.lexicon, ngram)


def _with_packs(client, parts: list, lexicon: ActorLexicon, packs: str | Sequence[str], n_documents: int) -> ActorLexicon:
    """The lexicon with the packs that apply, decided from per-partition counts of documents naming their anchors."""
    if packs != "auto" or not lexicon.packs:
        return lexicon.for_texts([], packs)
    naming: Counter = Counter()
    for counted in client.gather([client.submit(_pack_counts, p, lexicon) for p in parts]):
        naming.update(counted)
    return lexicon.with_packs(lexicon.packs_for_counts(naming, n_documents))


def _pack_counts(part: Partition, lexicon: ActorLexicon) -> Counter:
    texts = [doc.text[:PACK_SAMPLE_CHARS] for doc in part.documents]
    return Counter({pack.name: pack.documents_naming_anchors(texts) for pack in lexicon.packs})


def _candidates(part: Partition) -> list[Candidate]:
    return [c for r in part.results for c in r.candidates]


def _mentions(part: Partition, resolved: Resolution) -> Partition:
    # A new partition, the input left as it was: Dask may run a task again on the same input.
    jobs = [(item, r.sentences, r.candidates, r.places) for item, r in zip(part.cleaned, part.results)]
    found = mention_batch(resolved, jobs)
    return replace(part, results=[replace(r, mentions=m, places=p, candidates=[]) for r, (m, p) in zip(part.results, found)])


def _tally(part: Partition) -> pd.DataFrame:
    return propagation_tally(pd.DataFrame([row for r in part.results for row in r.mentions], columns=MENTION_COLUMNS))


def _read(file: Path, columns: Columns) -> Partition:
    documents, log = read_documents(file, columns)
    return Partition(documents, log.warnings, log.notes)


def _ids(part: Partition) -> list[str]:
    return [doc.doc_id for doc in part.documents]


def _split(values: list[str], like: list[list[str]]) -> list[list[str]]:
    split, start = [], 0
    for part in like:
        split.append(values[start : start + len(part)])
        start += len(part)
    return split


def _clean(part: Partition, ids: list[str]) -> Partition:
    documents = [doc if doc.doc_id == new else replace(doc, doc_id=new) for doc, new in zip(part.documents, ids)]
    pairs = [clean_document(doc) for doc in documents]
    return replace(part, documents=documents, cleaned=[c for c, _ in pairs], report=merge_reports([r for _, r in pairs]))


def _texts(part: Partition) -> list[str]:
    return [item.analysis_text for item in part.cleaned]


def _repeats_by_partition(texts: list[list[str]], ids: list[list[str]]) -> list[tuple[list[RepeatedPassage], list[str]]]:
    """Repeated passages found across all partitions, handed back to each with partition-local indexes."""
    all_ids = [i for part in ids for i in part]
    starts, offset = [], 0
    for part in texts:
        starts.append(offset)
        offset += len(part)
    found = find_repeated_passages([t for part in texts for t in part])
    by_partition: list[tuple[list[RepeatedPassage], list[str]]] = [([], []) for _ in texts]
    partition = 0
    for passage in found:  # in document order, so partitions come in order too
        while partition + 1 < len(starts) and passage.doc_index >= starts[partition + 1]:
            partition += 1
        local = replace(passage, doc_index=passage.doc_index - starts[partition])
        by_partition[partition][0].append(local)
        by_partition[partition][1].append(all_ids[passage.first_doc_index])
    return by_partition


def _extract(part: Partition, repeats: list[RepeatedPassage], first_ids: list[str], lexicon: ActorLexicon) -> Partition:
    apply_repeated_passages(part.cleaned, repeats, first_ids, part.report)
    names = bare_names(lexicon)
    return replace(part, results=[analyse_document(item, lexicon, names) for item in part.cleaned])


def _line_counts(part: Partition) -> Counter:
    counted: Counter = Counter()
    for result in part.results:
        counted.update(result.line_keys)
    return counted


def _keywords(part: Partition, boilerplate: set[str], ngram: int) -> Partition:
    lists = [keyword_groups([s.text for s in r.sentences], n=ngram, boilerplate=r.line_keys & boilerplate) for r in part.results]
    return replace(part, keywords=lists)


def _keyword_lists(part: Partition) -> list[list[KeywordGroup]]:
    return part.keywords


def _prepare(out: Path) -> None:
    """An empty output folder (an earlier stored analysis there is replaced, anything else refused)."""
    if out.exists() and any(out.iterdir()):
        if not is_stored_analysis(out):
            raise CorpusError(f"{out}: the output folder is not empty; choose a new --out folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _write_partition(
    part: Partition, keys: frozenset[str], out: str, index: int, resolved: Resolution, weak: pd.Index, boilerplate: set[str]
) -> dict[str, Any]:
    """Write the partition's own tables; return their parts and what the central merge needs."""
    counts, doc_counts = count_keys(keys, [[s.text for s in r.sentences] for r in part.results])
    tables = document_tables(part.cleaned, part.results)  # consumes the results' rows
    tables["doc_keywords"] = doc_keyword_frame([r.doc_id for r in part.results], part.keywords)
    folder = Path(out)
    mentions = tables["mentions"] = without_weak_propagation(tables["mentions"], weak)
    tables["events"] = with_canonical_event_names(with_event_actors(tables["events"], mentions))
    lexicon = resolved.lexicon
    return {
        "parts": {name: write_table_part(tables[name], folder, name, index) for name in PER_PARTITION_TABLES},
        "counts": counts,
        "doc_counts": doc_counts,
        "actor_counts": actor_counts(mentions, lexicon),
        "cooccurrence": cooccurrence(mentions),
        "names": name_tally(mentions, tables["sentences"], boilerplate),
        "report": part.report,
        "warnings": part.warnings,
        "notes": part.notes,
        "figures": (len(part.documents), len(tables["sentences"]), int(tables["documents"]["n_words"].sum()), len(tables["events"])),
    }


def _finish(out: Path, written: list[dict[str, Any]], top: list[KeywordGroup], boilerplate: set[str], lexicon: ActorLexicon, ngram: int) -> DaskRun:
    counts, doc_counts = Counter(), Counter()
    for part in written:
        counts.update(part["counts"])
        doc_counts.update(part["doc_counts"])
    merged_counts = merge_actor_counts([p["actor_counts"] for p in written], lexicon)
    names = NameTally()
    for part in written:
        names.update(part["names"])
    central = {
        "keywords": fold_keyword_names(corpus_keyword_frame(top, counts, doc_counts), names, merged_counts),
        "actor_counts": merged_counts,
        "cooccurrence": merge_cooccurrence([p["cooccurrence"] for p in written]),
    }
    parts = {name: [p["parts"][name] for p in written] for name in PER_PARTITION_TABLES}
    parts.update({name: [write_table_part(frame, out, name, 0)] for name, frame in central.items()})
    warnings = [w for p in written for w in p["warnings"]]
    report = merge_reports([p["report"] for p in written])
    report.load_warnings = warnings
    cleaning = finished_report(report, boilerplate)
    colours = {name: colour for name, colour in lexicon.colors.items() if name in set(central["actor_counts"]["actor"])}
    write_manifest(out, parts, cleaning, colours, ngram, extra={"engine": "dask", "partitions": len(written), "packs": list(lexicon.applied)})
    figures = [sum(p["figures"][i] for p in written) for i in range(4)]
    return DaskRun(out, len(written), *figures, central["actor_counts"], central["keywords"], cleaning, warnings, [n for p in written for n in p["notes"]])
