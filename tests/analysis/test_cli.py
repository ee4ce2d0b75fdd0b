import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import main
from analysis.paths import PROJECT_ROOT

FILES = ["documents.csv", "sentences.csv", "mentions.csv", "keywords.csv", "events.csv", "places.csv", "cleaning.json"]


def test_cli_writes_every_file_and_a_summary(tmp_path, capsys):
    assert main(["--out", str(tmp_path)]) == 0
    for name in FILES:
        assert (tmp_path / name).exists(), name
    out = capsys.readouterr().out
    assert "documents" in out and "Russia" in out
    assert json.loads((tmp_path / "cleaning.json").read_text())["counts"]["repeated_passage"] == 5
    columns = {
        "documents.csv": ["doc_id", "title", "source", "date", "n_chars", "n_sentences"],
        "sentences.csv": ["doc_id", "sentence_id", "start", "end", "text"],
        "mentions.csv": ["doc_id", "sentence_id", "actor", "surface", "start", "end"],
        "keywords.csv": ["keyword", "score", "rank", "count", "doc_count"],
        "events.csv": ["doc_id", "sentence_id", "event_type", "trigger", "date_text", "year", "month", "day", "named_event", "actors"],
        "places.csv": ["doc_id", "sentence_id", "place", "surface", "lat", "lon"],
    }
    for name, wanted in columns.items():
        assert set(wanted) <= set(pd.read_csv(tmp_path / name).columns), name


def test_cli_output_is_reproducible(tmp_path):
    main(["--quiet", "--out", str(tmp_path / "a")])
    main(["--quiet", "--out", str(tmp_path / "b")])
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_cli_error_is_one_line_without_traceback(tmp_path):
    bad = tmp_path / "t.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", str(bad), "--out", str(tmp_path / "o")],
        capture_output=True, text=True, cwd=PROJECT_ROOT, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "no text column" in result.stderr and "--text-column" in result.stderr


def test_cli_missing_path(capsys, tmp_path):
    assert main([str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_second_run_reads_the_cache_and_no_cache_recomputes(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["--out", str(tmp_path / "a")]) == 0
    assert "analysed in" in capsys.readouterr().out
    assert main(["--out", str(tmp_path / "b")]) == 0
    assert "read from the cache" in capsys.readouterr().out
    assert main(["--no-cache", "--out", str(tmp_path / "c")]) == 0
    assert "analysed in" in capsys.readouterr().out
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes(), name
    assert main(["--clear-cache"]) == 0
    assert "(1 analyses)" in capsys.readouterr().err
    assert not any((tmp_path / "cache" / "analyses").iterdir())


def test_cli_parquet_output_reads_back_as_the_same_analysis(tmp_path):
    from analysis.storage.store import read_store

    assert main(["--quiet", "--no-cache", "--format", "parquet", "--out", str(tmp_path / "p")]) == 0
    assert main(["--quiet", "--no-cache", "--out", str(tmp_path / "c")]) == 0
    stored = read_store(tmp_path / "p")
    pd.testing.assert_frame_equal(stored.keywords, pd.read_csv(tmp_path / "c" / "keywords.csv", keep_default_na=False), check_dtype=False)
    assert stored.cleaning == json.loads((tmp_path / "c" / "cleaning.json").read_text())


def test_cli_refuses_meaningless_options(capsys):
    for argv in (["--workers", "0"], ["--scheduler", "tcp://x:1"], ["--engine", "dask", "--format", "csv"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "--workers must be at least 1" in capsys.readouterr().err
