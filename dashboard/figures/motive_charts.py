"""Plotly figure for an actor's motive themes."""

from __future__ import annotations

import plotly.graph_objects as go

from analysis.extract.motives import MotiveTheme
from dashboard.figures.charts import NEUTRAL, horizontal_bars, layout


def theme_bar(themes: list[MotiveTheme], actor: str) -> go.Figure:
    """Horizontal bars: motive sentences per theme, most on top, labelled with the theme's keywords."""
    data = themes[::-1]
    counts = [len(t.sentences) for t in data]
    figure = horizontal_bars(
        counts, [f"{t.name}<br><sub>{', '.join(t.keywords[:4])}</sub>" for t in data], colour=NEUTRAL,
        customdata=[[t.name] for t in data], hovertemplate="%{customdata[0]}: %{x} sentences<extra></extra>",
    )
    return layout(figure, title=f"What {actor} wants, by theme (sentences)", height=max(320, 52 * len(data) + 120))
