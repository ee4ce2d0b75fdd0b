"""Plotly figure builders: plain functions from analysis tables to figures, testable without a browser."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

NEUTRAL = "#5b6770"
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15)
# The chart toolbar's camera button saves a PNG at presentation resolution.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2, "width": 1600, "height": 900},
}


def actor_bar(actor_counts: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Horizontal bars of actor mentions, most mentioned on top, each in its dictionary colour."""
    data = actor_counts.head(top).iloc[::-1]
    figure = go.Figure(
        go.Bar(
            x=data["mentions"],
            y=data["actor"],
            orientation="h",
            marker_color=list(data["color"].fillna(NEUTRAL)),
            customdata=data[["actor", "sentences", "documents"]].to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x} mentions in %{customdata[1]} sentences, %{customdata[2]} documents<extra></extra>",
            text=data["mentions"],
            textposition="outside",
            cliponaxis=False,
        )
    )
    return layout(figure, title="Who is talked about (mentions)", height=max(320, 34 * len(data) + 120))


def actor_breakdown(table: pd.DataFrame, colours: dict[str, str], *, by: str) -> go.Figure:
    """Mentions of each actor per source (grouped bars) or per month (lines), in the actors' colours."""
    figure = go.Figure()
    for actor, rows in table.groupby("actor", sort=False):
        style = dict(marker_color=colours.get(actor, NEUTRAL)) if by == "source" else dict(line=dict(color=colours.get(actor, NEUTRAL), width=2.5))
        add = figure.add_bar if by == "source" else figure.add_scatter
        add(
            x=rows["group"],
            y=rows["mentions"],
            name=actor,
            customdata=rows[["actor", "group", "sentences"]].to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b>, %{customdata[1]}: %{y} mentions in %{customdata[2]} sentences<extra></extra>",
            **style,
        )
    if by == "source":
        figure.update_layout(barmode="group")
    figure.update_xaxes(type="category", title=None)
    figure.update_yaxes(title="mentions")
    figure.update_layout(legend=dict(orientation="h", y=-0.25))
    title = "Mentions by source" if by == "source" else "Mentions by month of publication"
    return layout(figure, title=title, height=440)


def keyword_bar(keywords: pd.DataFrame, *, top: int = 20, show_score: bool = False, title: str | None = None) -> go.Figure:
    """Horizontal bars of the top keywords, best first: length = occurrences; YAKE's score (lower = better) on hover or beside the bar."""
    data = keywords.head(top).iloc[::-1]
    labels = [f"{c}  ·  {s:.3g}" for c, s in zip(data["count"], data["score"])] if show_score else data["count"]
    figure = go.Figure(
        go.Bar(
            x=data["count"],
            y=data["keyword"],
            orientation="h",
            marker_color=NEUTRAL,
            customdata=data[["keyword", "rank", "score", "doc_count"]].to_numpy() if "doc_count" in data else data[["keyword", "rank", "score"]].to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b> (rank %{customdata[1]})<br>%{x} occurrences"
            + (" in %{customdata[3]} documents" if "doc_count" in data else "")
            + "<br>YAKE score %{customdata[2]:.4g} (lower = more relevant)<extra></extra>",
            text=labels,
            textposition="outside",
            cliponaxis=False,
        )
    )
    default = "What is said: top keywords by YAKE" + (" (bar = occurrences · YAKE score, lower = better)" if show_score else " (bar = occurrences)")
    figure.update_xaxes(title="occurrences in the analysed sentences" if show_score else None)
    return layout(figure, title=title or default, height=max(320, 30 * len(data) + 120))


def layout(figure: go.Figure, *, title: str, height: int) -> go.Figure:
    """The house style: titled, white, readable on a projector."""
    figure.update_layout(
        title=dict(text=title, x=0, font=dict(size=18)),
        font=FONT,
        height=height,
        margin=dict(l=10, r=40, t=60, b=40),
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    figure.update_xaxes(gridcolor="#e5e8eb", zeroline=False)
    figure.update_yaxes(automargin=True)
    return figure


def cooccurrence_heatmap(cooccurrence: pd.DataFrame, actors: list[str]) -> go.Figure:
    """Actors × actors: how many sentences name both."""
    matrix = pd.DataFrame(0, index=actors, columns=actors)
    for row in cooccurrence.itertuples():
        if row.actor_a in matrix.index and row.actor_b in matrix.index:
            matrix.loc[row.actor_a, row.actor_b] = matrix.loc[row.actor_b, row.actor_a] = row.sentences
    figure = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=actors,
            y=actors,
            colorscale="Blues",
            hovertemplate="%{y} & %{x}: %{z} sentences<extra></extra>",
            colorbar=dict(title="sentences"),
        )
    )
    figure.update_yaxes(autorange="reversed")
    return layout(figure, title="Named in the same sentence", height=max(420, 28 * len(actors) + 160))


def cooccurrence_network(cooccurrence: pd.DataFrame, actor_counts: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Actors on a circle, sized by mentions, joined by lines as thick as their shared sentences."""
    nodes = actor_counts.head(top).reset_index(drop=True)
    angle = {a: 2 * math.pi * i / max(len(nodes), 1) for i, a in enumerate(nodes["actor"])}
    position = {a: (math.cos(t), math.sin(t)) for a, t in angle.items()}
    figure = go.Figure()
    edges = cooccurrence[cooccurrence["actor_a"].isin(angle) & cooccurrence["actor_b"].isin(angle)]
    widest = max(edges["sentences"].max() if len(edges) else 1, 1)
    for row in edges.itertuples():
        (x0, y0), (x1, y1) = position[row.actor_a], position[row.actor_b]
        figure.add_scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", line=dict(width=1 + 9 * row.sentences / widest, color="rgba(91,103,112,0.35)"),
            hoverinfo="skip", showlegend=False,
        )
    biggest = max(nodes["mentions"].max() if len(nodes) else 1, 1)
    figure.add_scatter(
        x=[position[a][0] for a in nodes["actor"]],
        y=[position[a][1] for a in nodes["actor"]],
        mode="markers+text",
        text=nodes["actor"],
        textposition="top center",
        marker=dict(size=[14 + 40 * (m / biggest) ** 0.5 for m in nodes["mentions"]], color=list(nodes["color"].fillna(NEUTRAL))),
        customdata=nodes[["actor", "mentions"]].to_numpy(),
        hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]} mentions<extra></extra>",
        showlegend=False,
    )
    figure.update_xaxes(visible=False, range=[-1.35, 1.35])
    figure.update_yaxes(visible=False, range=[-1.25, 1.3], scaleanchor="x")
    return layout(figure, title="Who is mentioned with whom", height=620)
