"""The keyword cloud: a deterministic `wordcloud` image, coloured like the rest of the dashboard."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from PIL.Image import Image
from wordcloud import WordCloud

# DejaVu Sans ships with matplotlib (a dependency of wordcloud): readable, and present on every install.
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
FALLBACK_COLOUR = "#5b6770"


def word_cloud(weights: dict[str, float], colours: dict[str, str], *, width: int = 1200, height: int = 700) -> Image:
    """A word cloud of phrases sized by weight, each drawn in ``colours[phrase]``; the same input gives the same image."""
    if not weights:
        raise ValueError("a word cloud needs at least one phrase with a weight")
    cloud = WordCloud(
        font_path=str(FONT),
        width=width,
        height=height,
        background_color="white",
        prefer_horizontal=1.0,
        max_words=len(weights),
        relative_scaling=0.5,
        # The image is shown at ~500 px wide: smaller type would be unreadable on screen and on a projector.
        min_font_size=30,
        margin=6,
        random_state=7,
        color_func=lambda word, **_: colours.get(word, FALLBACK_COLOUR),
    )
    return cloud.generate_from_frequencies(weights).to_image()


def png_bytes(image: Image) -> bytes:
    """The image encoded as PNG."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
