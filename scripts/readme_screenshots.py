"""Crop the first screen of the browser tests' screenshots into docs/screenshots/ for the README.

Run the browser tests first (``python -m pytest tests/browser``), then ``python scripts/readme_screenshots.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SOURCE, TARGET = ROOT / "screenshots", ROOT / "docs" / "screenshots"
# Page screenshot -> height in pixels to keep (the first screen, where the page's story is).
CROPS = {"overview.png": 1300, "actors.png": 1000, "events.png": 1450, "compare.png": 1600, "brief-html.png": 1400}
WIDTH = 1400


def main() -> None:
    import argparse

    argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="Reads screenshots/ (made by the browser tests).").parse_args()
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, height in CROPS.items():
        with Image.open(SOURCE / name) as image:
            cropped = image.crop((0, 0, min(WIDTH, image.width), min(height, image.height))).convert("RGB")
            cropped = cropped.resize((cropped.width * 3 // 4, cropped.height * 3 // 4), Image.LANCZOS)
            cropped.save(TARGET / name, optimize=True)
            print(f"{TARGET / name}: {cropped.width}×{cropped.height}, {(TARGET / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
