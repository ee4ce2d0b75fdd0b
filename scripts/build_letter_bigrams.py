"""Build data/letter_bigrams.json, the English letter-bigram model the gibberish detector uses.

Source text: the FA-KES corpus (CC BY 4.0; Abu Salem et al., ICWSM 2019), read from
../shared/corpora/fakes_syria.csv. Only letter-pair counts are stored, not the text.
Run: python scripts/build_letter_bigrams.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "corpora" / "fakes_syria.csv"
TARGET = ROOT / "data" / "letter_bigrams.json"


def main() -> None:
    csv.field_size_limit(sys.maxsize)
    counts: Counter[str] = Counter()
    with SOURCE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for word in re.findall(r"[a-z]+", row["text"].lower()):
                padded = f"^{word}$"
                counts.update(padded[i : i + 2] for i in range(len(padded) - 1))
    payload = {
        "about": (
            "Letter-pair counts of English news text ('^' = word start, '$' = word end), "
            "used by analysis.clean.noise to spot gibberish tokens. Built by "
            "scripts/build_letter_bigrams.py from the FA-KES corpus (CC BY 4.0, "
            "Abu Salem et al., ICWSM 2019); only counts are kept."
        ),
        "counts": dict(sorted(counts.items())),
    }
    TARGET.write_text(json.dumps(payload, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({len(counts)} pairs)")


if __name__ == "__main__":
    main()
