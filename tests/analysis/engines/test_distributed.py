"""The Dask engine on a local cluster writes the same analysis as the local engine."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import analyze, load_corpus
from analysis.cli import main
from analysis.knowledge.lexicons import load_actor_lexicon
from analysis.load.corpus import CorpusError
from analysis.storage.store import read_manifest, read_store
from tests.analysis.engines.test_engine import assert_same_analysis
from tests.conftest import FAKES_CSV

pytest.importorskip("dask.distributed", reason="the Dask engine needs dask[distributed] (installed by the test extra)")


@pytest.fixture(scope="module")
def partitioned(tmp_path_factory, default_corpus):
    """A folder of mixed partitions: CSV with an extra field, JSON Lines, Parquet, plain text; shared ids, repeats, boilerplate."""
    folder = tmp_path_factory.mktemp("partitioned")
    text = default_corpus.documents[0].text
    pieces = [text[i : i + 1200] for i in range(0, len(text), 1200)]
    footer = "\n\nShare this article on social media."
    rows = [{"id": f"p{i}", "title": f"Piece {i}", "date": f"2018-0{1 + i % 9}-15", "text": piece + footer} for i, piece in enumerate(pieces)]
    third = len(rows) // 3
    pd.DataFrame([{**r, "label": str(i % 2)} for i, r in enumerate(rows[:third])]).to_csv(folder / "a.csv", index=False)
    with (folder / "b.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows[third : 2 * third] + [{"id": "p0", "text": rows[0]["text"]}]:  # a repeated id and a whole repeated text
            handle.write(json.dumps(row) + "\n")
    pd.DataFrame(rows[2 * third :]).to_parquet(folder / "c.parquet")
    (folder / "d.txt").write_text(pieces[3][:400] + " Moscow says so.", encoding="utf-8")
    return folder


def test_dask_engine_equals_local_engine(partitioned, tmp_path, monkeypatch):
    from dask.distributed import Client, Future

    from analysis.engines.distributed import run_dask

    gathered = []
    gather, result = Client.gather, Future.result
    monkeypatch.setattr(Client, "gather", lambda self, futures, *a, **k: gathered.append(gather(self, futures, *a, **k)) or gathered[-1])
    monkeypatch.setattr(Future, "result", lambda self, *a, **k: gathered.append(result(self, *a, **k)) or gathered[-1])
    steps = []
    lexicon = load_actor_lexicon(packs=["syria"])
    run = run_dask([partitioned], tmp_path / "out", lexicon=lexicon, n_workers=2, progress=lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)  # one bar, to the end
    assert 0 < run.central_seconds < run.seconds
    _no_text_came_to_the_client(gathered)
    local = analyze(load_corpus(partitioned), actors=lexicon, workers=1)
    assert run.partitions == 4 and run.documents == len(local.documents)
    assert local.cleaning["counts"].get("repeated_passage") and local.cleaning["counts"].get("boilerplate_line")
    assert "p0#2" in set(local.documents["doc_id"]) and "label" in local.documents
    stored = read_store(tmp_path / "out")
    assert_same_analysis(stored, local)
    manifest = read_manifest(tmp_path / "out")
    assert manifest["engine"] == "dask" and len(manifest["tables"]["sentences"]) == 4 and len(manifest["tables"]["keywords"]) == 1


def _no_text_came_to_the_client(gathered) -> None:
    """What the client gathered holds no partition, cleaned document, fingerprint, candidate, tally,
    resolution (with its model-found actors) or whole document text."""
    from analysis.clean.cleaning import CleanDocument
    from analysis.clean.dedup import Fingerprints, FingerprintTable, LaterCopies
    from analysis.engines.distributed import Partition
    from analysis.engines.pipeline import Resolution
    from analysis.extract.discovery import Candidate, CandidateTally
    from analysis.extract.keywords import KeywordTally
    from analysis.knowledge.lexicons import ActorLexicon

    forbidden = (Partition, CleanDocument, Fingerprints, FingerprintTable, LaterCopies, Candidate, CandidateTally, KeywordTally, Resolution, ActorLexicon)

    def walk(value):
        assert not isinstance(value, forbidden), type(value)
        assert not (isinstance(value, str) and len(value) > 1000), value[:80]
        if isinstance(value, dict):
            for item in value.items():
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)

    assert gathered
    walk(gathered)


def test_dask_workers_without_the_model_say_so(partitioned, tmp_path, monkeypatch):
    from analysis.engines.distributed import run_dask
    from analysis.extract.ner import MODEL_ENV

    monkeypatch.setenv(MODEL_ENV, "no_such_spacy_pipeline")
    with pytest.raises(CorpusError, match=r"cannot be loaded on 1 Dask worker.*no_such_spacy_pipeline.*not installed"):
        run_dask([partitioned], tmp_path / "out", lexicon=load_actor_lexicon(), n_workers=1)
    assert not (tmp_path / "out").exists()


def test_dask_engine_from_the_command_line(partitioned, tmp_path, capsys):
    assert main([str(partitioned), "--engine", "dask", "--out", str(tmp_path / "cli")]) == 0
    out = capsys.readouterr().out
    assert "in 4 partitions" in out and "BRIEFING_CORPUS=" in out
    assert read_store(tmp_path / "cli").documents["doc_id"].is_unique


def test_dask_engine_refuses_a_folder_that_is_not_its_own(partitioned, tmp_path, capsys):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    assert main([str(partitioned), "--engine", "dask", "--out", str(tmp_path / "busy")]) == 2
    assert "not empty" in capsys.readouterr().err and (tmp_path / "busy" / "notes.txt").exists()


@pytest.mark.slow
def test_dask_engine_equals_local_engine_on_real_news(tmp_path):
    if not FAKES_CSV.exists():
        pytest.skip(f"{FAKES_CSV} not found: team file from ../shared/, absent outside the team's machines")
    from analysis.engines.distributed import run_dask

    # 4 files of 30 articles: enough for every per-file and corpus-level step; more only costs CI time.
    frame = pd.read_csv(FAKES_CSV).head(120)
    folder = tmp_path / "fakes"
    folder.mkdir()
    for i in range(4):
        frame.iloc[i * 30 : (i + 1) * 30].to_csv(folder / f"part-{i}.csv", index=False)
    lexicon = load_actor_lexicon(packs=["syria"])
    run_dask([folder], tmp_path / "out", lexicon=lexicon, n_workers=2)
    assert_same_analysis(read_store(tmp_path / "out"), analyze(load_corpus(folder), actors=lexicon))
