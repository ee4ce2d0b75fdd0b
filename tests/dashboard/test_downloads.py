"""Every CSV download is safe to open in a spreadsheet: no cell runs as a formula."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from analysis.paths import PROJECT_ROOT
from dashboard.downloads import safe_csv

HOSTILE = ['=HYPERLINK("http://example.invalid","x")', "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"]


def test_formula_like_text_cells_get_a_leading_apostrophe():
    frame = pd.DataFrame({"text": [*HOSTILE, "plain"], "score": [-1.5, 2, 3, 4, 5, 6, 7]})
    rows = list(csv.DictReader(io.StringIO(safe_csv(frame), newline="")))
    assert [row["text"] for row in rows] == ["'" + cell for cell in HOSTILE] + ["plain"]
    assert rows[0]["score"] == "-1.5", "numbers stay numbers"


def test_categorical_string_and_header_cells_are_neutralised():
    frame = pd.DataFrame({"-kind": pd.Categorical(["=1", "a"]), "name": pd.Series(["@x", "b"], dtype="string")})
    header, first, _ = list(csv.reader(io.StringIO(safe_csv(frame), newline="")))
    assert header == ["'-kind", "name"] and first == ["'=1", "'@x"]


def test_every_csv_download_of_the_dashboard_goes_through_the_safe_writer():
    for path in (PROJECT_ROOT / "dashboard").rglob("*.py"):
        if path.name == "downloads.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert ".to_csv(" not in source, f"{path.name} writes CSV itself: use dashboard.downloads.csv_download"
        assert not re.search(r'mime="text/csv"', source), f"{path.name} offers a CSV download itself"
