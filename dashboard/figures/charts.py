"""Plotly figure builders: plain functions from analysis tables to figures, testable without a browser."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

NEUTRAL = "#5b6770"
INK = "#1f2d3a"
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color=INK)
# The chart toolbar's camera button saves a PNG at presentation resolution.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2, "width": 1600, "height": 900},
}


LABEL_ROOM_PER_CHARACTER = 0.035  # of the value axis, per character of the longest bar label


def horizontal_bars(
    x: Sequence[float], y: Sequence[str], *, colour: str | list[str], customdata: Any, hovertemplate: str, text: Sequence | None = None, share: float = 0.22
) -> go.Figure:
    """Horizontal bars, first row at the bottom, values beside the bars and room for them; the house style comes from :func:`layout`."""
    figure = go.Figure(
        go.Bar(
            x=x, y=y, orientation="h", marker_color=colour, customdata=customdata, hovertemplate=hovertemplate,
            text=x if text is None else text, textposition="outside", cliponaxis=False,
        )
    )
    # Each bar prints its value: the value axis needs no tick labels, which in a narrow column would collide.
    figure.update_xaxes(showticklabels=False)
    longest = max((len(str(label)) for label in (x if text is None else text)), default=0)
    # Room beside the longest bar for its label: a long label ("175 · 0.00035") needs more than a count.
    return room_for_labels(figure, max(list(x), default=1), share=max(share, LABEL_ROOM_PER_CHARACTER * longest))


def actor_bar(actor_counts: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Horizontal bars of actor mentions, most mentioned on top, each in its dictionary colour."""
    data = actor_counts.head(top).iloc[::-1]
    figure = horizontal_bars(
        data["mentions"], data["actor"], colour=list(data["color"].fillna(NEUTRAL)),
        customdata=data[["actor", "sentences", "documents"]].to_numpy(),
        hovertemplate="<b>%{customdata[0]}</b><br>%{x} mentions in %{customdata[1]} sentences, %{customdata[2]} documents<extra></extra>",
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


KEYWORD_MEASURES = ("occurrences", "relevance")


def keyword_bar(keywords: pd.DataFrame, *, top: int = 20, show_score: bool = False, measure: str = "occurrences") -> go.Figure:
    """Horizontal bars of the ``top`` most relevant keywords, drawn and ordered by one measure.

    ``measure`` "occurrences": bar = occurrences, most on top. "relevance": bar = relevance, the
    top keyword's YAKE score divided by this one's, times 100 (YAKE: lower score = more
    relevant), in rank order. Either way the bars are ordered by what they draw.
    """
    if measure not in KEYWORD_MEASURES:
        raise ValueError(f"measure must be one of {KEYWORD_MEASURES}")
    data = keywords.head(top)
    best = float(keywords["score"].min()) if len(keywords) else 1.0
    data = data.assign(relevance=[round(100 * best / s) if s > 0 else 100 for s in data["score"]])
    if measure == "occurrences":
        data = data.sort_values(["count", "rank"], ascending=[False, True])
    data = data.iloc[::-1]
    values = data["count"] if measure == "occurrences" else data["relevance"]
    if measure == "occurrences":
        labels = [f"{c} · {s:.2g}" for c, s in zip(data["count"], data["score"])] if show_score else list(data["count"])
    else:
        labels = [f"{r} · {c}×" for r, c in zip(data["relevance"], data["count"])] if show_score else list(data["relevance"])
    has_docs = "doc_count" in data
    figure = horizontal_bars(
        values, data["keyword"], colour=NEUTRAL, text=labels, share=0.35 if show_score else 0.22,
        customdata=data[["keyword", "rank", "score", "count", "relevance"] + (["doc_count"] if has_docs else [])].to_numpy(),
        hovertemplate="<b>%{customdata[0]}</b> (rank %{customdata[1]}, relevance %{customdata[4]})<br>%{customdata[3]} occurrences"
        + (" in %{customdata[5]} documents" if has_docs else "")
        + "<br>YAKE score %{customdata[2]:.4g} (lower = more relevant)<extra></extra>",
    )
    if measure == "occurrences":
        title = f"What is said: top {len(data)} keywords, by occurrences"  # short: a projector's larger type must not clip it
        subtitle = "chosen by YAKE relevance · bar = occurrences" + (" · label: occurrences · YAKE score (lower = more relevant)" if show_score else "")
    else:
        title = f"What is said: top {len(data)} keywords, by relevance"
        subtitle = "bar = relevance: 100 × the top keyword's YAKE score ÷ this one's" + (" · label: relevance · occurrences" if show_score else "")
    return layout(figure, title=title, subtitle=subtitle, height=max(340, 30 * len(data) + 140))


def layout(figure: go.Figure, *, title: str, height: int, subtitle: str | None = None) -> go.Figure:
    """The house style: titled, white, dark ink (Streamlit's chart theme greys labels), readable on a projector."""
    heading = dict(text=title, x=0, font=dict(size=18, color=INK))
    if subtitle:
        heading["subtitle"] = dict(text=subtitle, font=dict(size=13, color=NEUTRAL))
    figure.update_layout(
        title=heading,
        font=FONT,
        height=height,
        margin=dict(l=10, r=40, t=80 if subtitle else 60, b=40),
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend=dict(font=dict(size=13, color=INK)),  # explicit: Streamlit's chart theme would make it smaller, and unscaled
    )
    axis_ink = dict(tickfont=dict(color=INK, size=14), title_font=dict(color=INK, size=14))
    figure.update_xaxes(gridcolor="#e5e8eb", zeroline=False, **axis_ink)
    figure.update_yaxes(automargin=True, **axis_ink)
    return figure


def room_for_labels(figure: go.Figure, largest: float, *, share: float = 0.22) -> go.Figure:
    """Widen a horizontal bar chart's value axis so labels outside the longest bar are not cut off."""
    figure.update_xaxes(range=[0, max(float(largest), 1.0) * (1 + share)])
    return figure


NETWORK_HEIGHT = 620


def cooccurrence_heatmap(cooccurrence: pd.DataFrame, actors: list[str]) -> go.Figure:
    """Actors × actors: how many sentences name both (colour on a log scale, so one big pair does not wash out the rest)."""
    matrix = pd.DataFrame(0, index=actors, columns=actors)
    for row in cooccurrence.itertuples():
        if row.actor_a in matrix.index and row.actor_b in matrix.index:
            matrix.loc[row.actor_a, row.actor_b] = matrix.loc[row.actor_b, row.actor_a] = row.sentences
    counts = matrix.to_numpy()
    largest = max(int(counts.max()) if counts.size else 1, 1)
    ticks = [v for v in (1, 3, 10, 30, 100, 300, 1000, 3000, 10000) if v <= largest] or [1]
    figure = go.Figure(
        go.Heatmap(
            z=[[math.log10(1 + v) for v in row] for row in counts],
            customdata=counts,
            x=actors,
            y=actors,
            colorscale="Blues",
            zmin=0,
            hovertemplate="%{y} & %{x}: %{customdata} sentences<extra></extra>",
            colorbar=dict(title="sentences", tickvals=[math.log10(1 + v) for v in ticks], ticktext=[str(v) for v in ticks]),
            xgap=1,
            ygap=1,
        )
    )
    figure.update_yaxes(autorange="reversed", dtick=1)
    figure.update_xaxes(tickangle=-45, dtick=1)  # every actor named on both axes, never every other one
    return layout(figure, title="Named in the same sentence", height=NETWORK_HEIGHT)


def cooccurrence_network(cooccurrence: pd.DataFrame, actor_counts: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Actors on a circle, sized by mentions, joined by lines as thick as their shared sentences; names outside the circle."""
    nodes = actor_counts.head(top).reset_index(drop=True)
    order = circle_order(list(nodes["actor"]), cooccurrence)
    angle = {a: math.pi / 2 - 2 * math.pi * i / max(len(nodes), 1) for i, a in enumerate(order)}
    position = {a: (math.cos(t), math.sin(t)) for a, t in angle.items()}
    figure = go.Figure()
    edges = cooccurrence[cooccurrence["actor_a"].isin(angle) & cooccurrence["actor_b"].isin(angle)]
    widest = max(edges["sentences"].max() if len(edges) else 1, 1)
    for row in edges.itertuples():
        (x0, y0), (x1, y1) = position[row.actor_a], position[row.actor_b]
        figure.add_scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", line=dict(width=1 + 9 * row.sentences / widest, color="rgba(91,103,112,0.30)"),
            hoverinfo="skip", showlegend=False,
        )
    biggest = max(nodes["mentions"].max() if len(nodes) else 1, 1)
    figure.add_scatter(
        x=[position[a][0] for a in nodes["actor"]],
        y=[position[a][1] for a in nodes["actor"]],
        mode="markers+text",
        text=nodes["actor"],
        textposition=[_outside(angle[a]) for a in nodes["actor"]],
        marker=dict(size=[12 + 26 * (m / biggest) ** 0.5 for m in nodes["mentions"]], color=list(nodes["color"].fillna(NEUTRAL)), line=dict(color="white", width=1)),
        customdata=nodes[["actor", "mentions"]].to_numpy(),
        hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]} mentions<extra></extra>",
        showlegend=False,
    )
    figure.update_xaxes(visible=False, range=[-2.4, 2.4])
    figure.update_yaxes(visible=False, range=[-1.3, 1.3])
    return layout(figure, title="Who is mentioned with whom", height=NETWORK_HEIGHT)


def circle_order(actors: list[str], cooccurrence: pd.DataFrame) -> list[str]:
    """The actors in circle order: each next to the unplaced actor it shares most sentences with (the first stays first).

    Strong pairs become neighbours, so their thick lines are short chords instead of crossing the circle.
    """
    if len(actors) < 3:
        return list(actors)
    chosen = set(actors)
    weight: dict[frozenset, int] = {}
    for row in cooccurrence.itertuples():
        if row.actor_a in chosen and row.actor_b in chosen:
            weight[frozenset((row.actor_a, row.actor_b))] = int(row.sentences)
    rank = {actor: i for i, actor in enumerate(actors)}
    order, left = [actors[0]], [a for a in actors[1:]]
    while left:
        last = order[-1]
        # Strongest tie to the last placed actor; ties and strangers by mentions (the input order).
        following = max(left, key=lambda a: (weight.get(frozenset((last, a)), 0), -rank[a]))
        order.append(following)
        left.remove(following)
    return order


def _outside(theta: float) -> str:
    """Where a node's label goes so that it sits outside the circle and clear of its neighbours'."""
    x, y = math.cos(theta), math.sin(theta)
    if abs(x) < 0.2:
        return "top center" if y > 0 else "bottom center"
    vertical = "top" if y > 0.5 else "bottom" if y < -0.5 else "middle"
    return f"{vertical} {'right' if x > 0 else 'left'}"


PROJECTION_SCALE = 1.45


def projected(figure: go.Figure, *, scale: float = PROJECTION_SCALE) -> go.Figure:
    """A copy of the figure for a projector: every font, the height and the margins ``scale`` times larger."""
    spec = figure.to_dict()
    _scale_fonts(spec, scale)
    layout_spec = spec.setdefault("layout", {})
    layout_spec.setdefault("font", {}).setdefault("size", FONT["size"] * scale)
    if layout_spec.get("height"):
        layout_spec["height"] = round(layout_spec["height"] * (1 + (scale - 1) / 2))
    margin = layout_spec.get("margin", {})
    layout_spec["margin"] = {side: round(value * scale) if side in ("l", "r", "t", "b") else value for side, value in margin.items()}
    return go.Figure(spec)


def _scale_fonts(node: Any, scale: float) -> None:
    """Multiply every explicit font size found under ``node`` (layout, axes, annotations, traces) by ``scale``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), (int, float)):
                value["size"] = round(value["size"] * scale, 1)
            _scale_fonts(value, scale)
    elif isinstance(node, list):
        for item in node:
            _scale_fonts(item, scale)
