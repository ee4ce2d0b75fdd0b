import json
import subprocess
import sys

import pandas as pd

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
