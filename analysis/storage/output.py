"""Write an :class:`~analysis.engines.pipeline.Analysis` to a folder of CSV files and cleaning.json."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.engines.pipeline import Analysis

TABLE_NAMES = ("documents", "sentences", "mentions", "actor_counts", "cooccurrence", "keywords", "doc_keywords", "events", "places")


def write_analysis(analysis: Analysis, out_dir: Path | str) -> list[Path]:
    """Write every table as <name>.csv plus cleaning.json into ``out_dir``; return the paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLE_NAMES:
        path = folder / f"{name}.csv"
        getattr(analysis, name).to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    path = folder / "cleaning.json"
    path.write_text(json.dumps(analysis.cleaning, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(path)
    return written
