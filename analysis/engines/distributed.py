"""The analysis on a Dask cluster: per-document work on the workers, corpus-level merges here.

``python -m analysis INPUT --engine dask [--scheduler tcp://HOST:PORT] --out DIR`` reads every
file of INPUT (a folder of CSV/JSONL/Parquet/… files; each file is one partition), and writes
the same tables as the local engine as a stored analysis (:mod:`analysis.storage.store`) with one
Parquet part per partition, which the dashboard opens (``BRIEFING_CORPUS=DIR``).

What runs where:

- on the workers, per partition: reading, noise cleaning, sentences, the NER model (loaded
  once per worker process before any task, so a worker without it stops the run with a clear
  message), actor mentions, events, places, YAKE keywords per document, keyword counting, and
  writing the partition's parts;
- on the workers, across partitions (a shuffle by value, with tasks): passages repeated across
  the corpus, from fingerprints of their word windows grouped into buckets (first copy decided
  by input order, as the local engine decides it); boilerplate lines, from per-partition line
  counts grouped the same way; the corpus keywords' tally, merged pairwise in partition order;
- here, merged centrally: document ids made unique (every id once), which lexicon packs apply
  (per-partition counts), the propagation tally (per model-found actor and surface), and the
  boilerplate lines and top keywords found on the workers;
- on one worker, while the others wait: the resolution of the model's entity candidates into
  actors (from their tally, merged on the workers: one entry per distinct name), the ranking of
  the corpus keywords from their merged tally, and the corpus-wide tables (actor counts and
  co-occurrence from per-partition sums, keywords), the cleaning report and the manifest.

No document text, fingerprint, entity candidate or model-found actor comes to this process: its
memory grows with the number of documents (their ids) and of distinct propagated names.
``DaskRun.central_seconds`` is the serial time: spent here, or waiting here for a step that runs
on one worker.

Workers read INPUT and write DIR by path: on a real cluster both must be on storage every
worker and this machine see at the same path (a shared file system).
"""

from __future__ import annotations

import os
import shutil
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, replace
from itertools import accumulate
from operator import getitem
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.clean.cleaning import CleanDocument, CleaningReport, apply_repeated_passages, clean_document, merge_reports
from analysis.clean.dedup import Fingerprints, FingerprintTable, LaterCopies, earlier_copies, fingerprints, passages_from
from analysis.clean.segment import bare_names
from analysis.engines.pipeline import (
    CORPUS_KEYWORDS,
    PACK_SAMPLE_CHARS,
    DocumentResult,
    Progress,
    Resolution,
    StageProgress,
    analyse_document,
    boilerplate_from_counts,
    charted_colours,
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
from analysis.extract.discovery import CandidateTally
from analysis.extract.keyword_names import NameTally, fold_keyword_names, name_tally
from analysis.extract.keywords import KeywordGroup, KeywordTally, count_keys, keyword_groups, keyword_tally
from analysis.extract.ner import MODEL_ENV, ModelError, load_model, model_name
from analysis.knowledge.lexicons import ActorLexicon
from analysis.load.corpus import Columns, CorpusError, Document, input_files, read_documents, unique_ids
from analysis.storage.store import is_stored_analysis, write_manifest, write_table_part

PER_PARTITION_TABLES = ("documents", "sentences", "mentions", "events", "places", "doc_keywords")
# Fingerprints and lines are grouped by value into at most this many buckets (one task each).
MAX_BUCKETS = 16
# Rows of the actor counts and keywords a run's summary brings back to the client.
SUMMARY_ROWS = 25


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
    fingerprints: Fingerprints | None = None


@dataclass
class DaskRun:
    """What a Dask run wrote: the output folder and the figures a summary needs."""

    out: Path
    partitions: int
    documents: int
    sentences: int
    words: int
    events: int
    actor_counts: pd.DataFrame  # the SUMMARY_ROWS most mentioned (the whole table is in ``out``)
    keywords: pd.DataFrame  # the SUMMARY_ROWS best (likewise)
    cleaning: dict[str, Any]
    warnings: list[str]
    notes: list[str]
    seconds: float = 0.0  # the whole run, on this machine's clock
    central_seconds: float = 0.0  # of which in the steps that run here, between the workers' stages


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
    progress: Progress | None = None,
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
        progress: Called with (steps done, total steps) as partitions finish each stage.
    """
    if not 1 <= ngram <= 3:
        raise ValueError("ngram must be 1, 2 or 3")
    files = input_files(paths)
    out = Path(out)
    with _client(scheduler, n_workers) as client:
        return _run(client, files, out, lexicon=lexicon, ngram=ngram, columns=Columns(text=text_column), packs=packs, progress=progress)


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


def _run(
    client, files: list[Path], out: Path, *, lexicon: ActorLexicon, ngram: int, columns: Columns, packs: str | Sequence[str], progress: Progress | None
) -> DaskRun:
    from dask.distributed import wait

    timer = _Timer()
    _load_model_on_workers(client)
    parts = [client.submit(_read, file, columns, key=f"read-{i}") for i, file in enumerate(files)]
    steps = _Steps(progress, len(parts))
    raw_ids = steps.gather(client, [client.submit(_ids, p) for p in parts], READ_STEPS)
    with timer.central():
        if not any(raw_ids):
            raise CorpusError("no documents found")
        ids = _split(unique_ids([i for part in raw_ids for i in part]), raw_ids)
        n_documents = sum(map(len, ids))
    lexicon = _with_packs(client, parts, lexicon, packs, n_documents, timer)
    shared_lexicon = client.scatter(lexicon, broadcast=True)
    parts = [client.submit(_clean, p, part_ids) for p, part_ids in zip(parts, ids)]
    parts = _without_repeats(client, parts, ids)
    parts = [client.submit(_extract, p, shared_lexicon) for p in parts]
    found = _merged(client, [client.submit(_candidate_tally, p) for p in parts])
    steps.wait(parts, EXTRACT_STEPS)
    with timer.central():  # on one worker while the others wait: serial time, though not here
        resolved = client.submit(resolve, shared_lexicon, found)
        wait([resolved])
    parts = [client.submit(_mentions, p, resolved) for p in parts]
    tallies = steps.gather(client, [client.submit(_tally, p) for p in parts], MENTION_STEPS)
    with timer.central():
        weak = weak_forms(tallies)
    boilerplate = _boilerplate(client, parts, n_documents)
    parts = [client.submit(_keywords, p, boilerplate, ngram) for p in parts]
    tally = _merged(client, [client.submit(_keyword_tally, p) for p in parts])
    top = client.submit(_top_keywords, tally, min_documents(n_documents))  # ranked on a worker: only the top come here
    steps.wait(parts, KEYWORD_STEPS)
    with timer.central():
        top = top.result()
        keys = frozenset(g.key for g in top)
        _prepare(out)
    written = [client.submit(_write_partition, p, keys, str(out), i, resolved, weak, boilerplate) for i, p in enumerate(parts)]
    steps.wait(written, WRITE_STEPS)
    with timer.central():  # the corpus-wide tables are merged and written on a worker: the actors' lexicon stays there
        run = client.submit(_finish, out, written, top, boilerplate, resolved, ngram).result()
    run.central_seconds, run.seconds = timer.seconds, timer.elapsed()
    return run


# Progress steps per partition in each stage, roughly in proportion to their cost (YAKE and NER dominate).
READ_STEPS, EXTRACT_STEPS, MENTION_STEPS, KEYWORD_STEPS, WRITE_STEPS = 1, 7, 1, 6, 1


class _Steps(StageProgress):
    """Progress over all stages, as each stage's partitions finish (in any order)."""

    def __init__(self, progress: Progress | None, n_partitions: int) -> None:
        super().__init__(progress, n_partitions, (READ_STEPS, EXTRACT_STEPS, MENTION_STEPS, KEYWORD_STEPS, WRITE_STEPS))

    def wait(self, futures: list, weight: int) -> None:
        """Wait for the futures (one per partition), reporting progress as each finishes; nothing comes here.

        Waiting with no progress to report too, so that the serial time measured after a stage is
        only that of the steps following it.
        """
        from dask.distributed import as_completed, wait

        report = self.on(weight)
        if report is None:
            wait(futures)
            return
        for _ in as_completed(futures):
            report(1)

    def gather(self, client, futures: list, weight: int) -> list:
        """The futures' results in order, reporting progress as each finishes."""
        self.wait(futures, weight)
        return client.gather(futures)


class _Timer:
    """Wall time of the whole run and of the steps that run here, between the workers' stages."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.seconds = 0.0

    @contextmanager
    def central(self):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - started

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def _load_model_on_workers(client) -> None:
    """Load this process's NER model on every worker once, or stop with what each failing worker lacks."""
    name = model_name()
    failures = {worker: error for worker, error in client.run(_load_model_here, name).items() if error}
    if failures:
        lines = "; ".join(f"{worker}: {error}" for worker, error in sorted(failures.items()))
        raise CorpusError(f"the NER model cannot be loaded on {len(failures)} Dask worker(s): {lines}")


def _load_model_here(name: str) -> str | None:
    """On a worker: use the model ``name`` in this process and load it now; the error's message if that fails."""
    os.environ[MODEL_ENV] = name
    try:
        load_model(name)
    except ModelError as error:
        return str(error)
    return None


def _without_repeats(client, parts: list, ids: list[list[str]]) -> list:
    """Partitions with passages repeated anywhere in the corpus blanked after their first copy.

    Each partition's word windows are fingerprinted where it lies; the fingerprints are grouped
    by value into buckets across partitions (a shuffle), each bucket finds its later copies, and
    those go back to their partitions. No text and no fingerprint passes through this process.
    """
    n_buckets = min(len(parts), MAX_BUCKETS)
    offsets = list(accumulate((len(part) for part in ids), initial=0))
    shared_ids = client.scatter([i for part in ids for i in part], broadcast=True)
    parts = [client.submit(_fingerprinted, p) for p in parts]
    tables = [client.submit(_fingerprint_buckets, p, i, offsets[i], n_buckets) for i, p in enumerate(parts)]
    buckets = [client.submit(_bucket_copies, len(parts), *[client.submit(getitem, t, b) for t in tables]) for b in range(n_buckets)]
    return [
        client.submit(_deduplicated, p, offsets[i], shared_ids, *[client.submit(getitem, b, i) for b in buckets]) for i, p in enumerate(parts)
    ]


def _boilerplate(client, parts: list, n_documents: int) -> set[str]:
    """Boilerplate lines, counted in buckets of lines across partitions; only those lines come here."""
    n_buckets = min(len(parts), MAX_BUCKETS)
    counted = [client.submit(_line_buckets, p, n_buckets) for p in parts]
    found = client.gather([client.submit(_bucket_boilerplate, n_documents, *[client.submit(getitem, c, b) for c in counted]) for b in range(n_buckets)])
    return set().union(*found)


def _merged(client, tallies: list):
    """One future of the partitions' tallies (keywords, candidates) merged pairwise on the workers, in partition order."""
    while len(tallies) > 1:
        pairs = [client.submit(_merge_tallies, a, b) for a, b in zip(tallies[::2], tallies[1::2])]
        tallies = pairs + tallies[len(pairs) * 2 :]
    return tallies[0]


def _with_packs(client, parts: list, lexicon: ActorLexicon, packs: str | Sequence[str], n_documents: int, timer: _Timer) -> ActorLexicon:
    """The lexicon with the packs that apply, decided from per-partition counts of documents naming their anchors."""
    if packs != "auto" or not lexicon.packs:
        return lexicon.for_texts([], packs)
    counts = client.gather([client.submit(_pack_counts, p, lexicon) for p in parts])
    with timer.central():
        naming: Counter = Counter()
        for counted in counts:
            naming.update(counted)
        return lexicon.with_packs(lexicon.packs_for_counts(naming, n_documents))


def _pack_counts(part: Partition, lexicon: ActorLexicon) -> Counter:
    texts = [doc.text[:PACK_SAMPLE_CHARS] for doc in part.documents]
    return Counter({pack.name: pack.documents_naming_anchors(texts) for pack in lexicon.packs})


def _candidate_tally(part: Partition) -> CandidateTally:
    return CandidateTally.merged(r.tally for r in part.results)


def _mentions(part: Partition, resolved: Resolution) -> Partition:
    # A new partition, the input left as it was: Dask may run a task again on the same input.
    jobs = [(item, r.sentences, r.candidates, r.places) for item, r in zip(part.cleaned, part.results)]
    found = mention_batch(resolved, jobs)
    return replace(part, results=[replace(r, mentions=m, places=p, candidates=[], tally=None) for r, (m, p) in zip(part.results, found)])


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


def _fingerprinted(part: Partition) -> Partition:
    return replace(part, fingerprints=fingerprints([item.analysis_text for item in part.cleaned]))


def _fingerprint_buckets(part: Partition, index: int, doc_offset: int, n_buckets: int) -> list[FingerprintTable]:
    return part.fingerprints.table(part=index, doc_offset=doc_offset).bucket(n_buckets)


def _bucket_copies(n_partitions: int, *tables: FingerprintTable) -> list[LaterCopies]:
    copies = earlier_copies(tables)
    return [copies.of_part(i) for i in range(n_partitions)]


def _deduplicated(part: Partition, doc_offset: int, all_ids: list[str], *copies: LaterCopies) -> Partition:
    texts = [item.analysis_text for item in part.cleaned]
    repeats = passages_from(texts, part.fingerprints, LaterCopies.concat(copies), doc_offset=doc_offset)
    repeats.sort(key=lambda p: (p.doc_index, p.start))
    cleaned = [replace(item, removed=list(item.removed), hard_breaks=list(item.hard_breaks)) for item in part.cleaned]  # the input stays as it was (tasks may rerun)
    report = deepcopy(part.report)
    apply_repeated_passages(cleaned, repeats, [all_ids[p.first_doc_index] for p in repeats], report)
    return replace(part, cleaned=cleaned, report=report, fingerprints=None)


def _extract(part: Partition, lexicon: ActorLexicon) -> Partition:
    names = bare_names(lexicon)
    return replace(part, results=[analyse_document(item, lexicon, names) for item in part.cleaned])


def _line_buckets(part: Partition, n_buckets: int) -> list[Counter]:
    """In how many of the partition's documents each line occurs, split into buckets by a stable hash of the line."""
    buckets: list[Counter] = [Counter() for _ in range(n_buckets)]
    for result in part.results:
        for key in result.line_keys:
            buckets[zlib.crc32(key.encode("utf-8", "surrogatepass")) % n_buckets][key] += 1
    return buckets


def _bucket_boilerplate(n_documents: int, *counted: Counter) -> set[str]:
    lines: Counter = Counter()
    for counts in counted:
        lines.update(counts)
    return boilerplate_from_counts(lines, n_documents)


def _keywords(part: Partition, boilerplate: set[str], ngram: int) -> Partition:
    lists = [keyword_groups([s.text for s in r.sentences], n=ngram, boilerplate=r.line_keys & boilerplate) for r in part.results]
    return replace(part, keywords=lists)


def _keyword_tally(part: Partition) -> KeywordTally:
    return keyword_tally(part.keywords)


def _top_keywords(tally: KeywordTally, min_documents: int) -> list[KeywordGroup]:
    return tally.corpus_keywords(min_documents=min_documents)[:CORPUS_KEYWORDS]


def _merge_tallies(first: KeywordTally | CandidateTally, second: KeywordTally | CandidateTally) -> KeywordTally | CandidateTally:
    return deepcopy(first).update(second)


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


def _finish(out: Path, written: list[dict[str, Any]], top: list[KeywordGroup], boilerplate: set[str], resolved: Resolution, ngram: int) -> DaskRun:
    lexicon = resolved.lexicon
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
    colours = charted_colours(lexicon, central["actor_counts"])
    write_manifest(out, parts, cleaning, colours, ngram, extra={"engine": "dask", "partitions": len(written), "packs": list(lexicon.applied)})
    figures = [sum(p["figures"][i] for p in written) for i in range(4)]
    top_rows = (central["actor_counts"].head(SUMMARY_ROWS), central["keywords"].head(SUMMARY_ROWS))
    return DaskRun(out, len(written), *figures, *top_rows, cleaning, warnings, [n for p in written for n in p["notes"]])
