"""Plotly figure for an actor's motive themes."""

from __future__ import annotations

import plotly.graph_objects as go

from analysis.motives import MotiveTheme
from dashboard.charts import NEUTRAL, layout, room_for_labels


def theme_bar(themes: list[MotiveTheme], actor: str) -> go.Figure:
    """Horizontal bars: motive sentences per theme, most on top, labelled with the theme's keywords."""
    data = themes[::-1]
    counts = [len(t.sentences) for t in data]
    figure = go.Figure(
        go.Bar(
            x=counts,
            y=[f"{t.name}<br><sub>{', '.join(t.keywords[:4])}</sub>" for t in data],
            orientation="h",
            marker_color=NEUTRAL,
            customdata=[[t.name] for t in data],
            hovertemplate="%{customdata[0]}: %{x} sentences<extra></extra>",
            text=counts,
            textposition="outside",
            cliponaxis=False,
        )
    )
    room_for_labels(figure, max(counts) if counts else 1)
    return layout(figure, title=f"What {actor} wants, by theme (sentences)", height=max(320, 52 * len(data) + 120))
