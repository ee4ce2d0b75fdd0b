"""Where the project's shipped data files live."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_CORPUS = DATA_DIR / "what_does_russia_want_in_syria.txt"
