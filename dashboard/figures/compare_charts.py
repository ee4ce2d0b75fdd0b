"""Plotly figures for comparisons: distinctive terms, event-type profiles, and the two-group term plot."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.charts import NEUTRAL, horizontal_bars, layout

LEAN_A, LEAN_B = "#1f3a93", "#c0392b"


SIGNIFICANT_Z = 1.96  # two-sided 5% level


def distinctive_bar(terms: pd.DataFrame, *, colour: str, title: str, top: int = 12) -> go.Figure:
    """Horizontal bars of a group's most distinctive terms (length = z-score), strongest on top."""
    data = terms.head(top).iloc[::-1]
    figure = horizontal_bars(
        data["z"], data["term"], colour=colour or NEUTRAL, text=[f"{z:.1f}" for z in data["z"]],
        customdata=data[["term", "count_a", "count_b"]].to_numpy(),
        hovertemplate="<b>%{customdata[0]}</b>: z = %{x:.2f}<br>%{customdata[1]} times here, %{customdata[2]} in the others<extra></extra>",
    )
    figure.update_xaxes(title="z-score (log-odds, informative Dirichlet prior)")
    return layout(figure, title=title, subtitle=significance_note(terms), height=max(300, 28 * len(data) + 130))


def significance_note(terms: pd.DataFrame) -> str | None:
    """A sentence saying that no term reaches |z| = 1.96, when none does (the bars then show leanings, not findings)."""
    if len(terms) and float(terms["z"].abs().max()) < SIGNIFICANT_Z:
        return f"No term reaches |z| = {SIGNIFICANT_Z}: these lean this way, but none is significant"
    return None


def event_profiles(events: pd.DataFrame, labels: dict[str, str], colours: dict[str, str]) -> go.Figure:
    """Grouped horizontal bars: the share of each actor's event references by event type, commonest type on top.

    Horizontal, so every event type's name reads level and whole, however many there are.
    """
    figure = go.Figure()
    order = list(events.groupby("event_type")["references"].sum().sort_values(ascending=True).index)
    for actor, rows in list(events.groupby("actor", sort=False))[::-1]:  # reversed: the first actor's bar on top in each group
        rows = rows.set_index("event_type")[["references", "share"]].reindex(order).fillna(0)
        figure.add_bar(
            y=[labels.get(k, k) for k in order],
            x=rows["share"],
            orientation="h",
            name=actor,
            marker_color=colours.get(actor, NEUTRAL),
            customdata=rows[["references"]].to_numpy(),
            hovertemplate=f"<b>{actor}</b>, %{{y}}: %{{x:.0%}} (%{{customdata[0]:.0f}} references)<extra></extra>",
        )
    figure.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, traceorder="reversed"))
    figure.update_xaxes(tickformat=".0%", title="share of the actor's event references")
    layout(figure, title="What kind of events each is part of", height=max(360, 34 * len(order) * max(1, events["actor"].nunique()) // 2 + 160))
    figure.update_layout(margin=dict(t=110))  # the legend sits between the title and the bars
    return figure


def term_scatter(table: pd.DataFrame, *, label_a: str, label_b: str, labelled: int = 12) -> go.Figure:
    """Scattertext-style plot: each term by its frequency in A (x) and B (y), coloured by z (blue: A, red: B)."""
    data = table.copy()
    per_thousand_a, per_thousand_b = 1000 * data["freq_a"], 1000 * data["freq_b"]
    seen = pd.concat([per_thousand_a[per_thousand_a > 0], per_thousand_b[per_thousand_b > 0]])
    floor = 0.5 * (float(seen.min()) if len(seen) else 1.0)  # a term absent from one side sits just below its smallest frequency
    x, y = np.maximum(per_thousand_a, floor), np.maximum(per_thousand_b, floor)
    strongest = set(data.head(labelled)["term"]) | set(data.tail(labelled)["term"])
    limit = max(float(data["z"].abs().max()) if len(data) else 1.0, 1.0)
    figure = go.Figure(
        go.Scatter(
            x=x,
            y=y,
            mode="markers+text",
            text=[t if t in strongest else "" for t in data["term"]],
            textposition="top center",
            textfont=dict(size=12),
            marker=dict(
                size=8, color=data["z"], colorscale=[[0, LEAN_B], [0.5, "#d5d8dc"], [1, LEAN_A]], cmin=-limit, cmax=limit,
                colorbar=dict(title="z"), line=dict(color="white", width=0.5),
            ),
            customdata=data[["term", "count_a", "count_b", "z"]].to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b><br>"
            + f"{label_a}: %{{customdata[1]}}<br>{label_b}: %{{customdata[2]}}<br>"
            + "z = %{customdata[3]:.2f}<extra></extra>",
        )
    )
    top = float(max(x.max(), y.max())) if len(data) else 1.0
    figure.add_scatter(x=[floor, top], y=[floor, top], mode="lines", line=dict(color="#aab2bd", dash="dot"), hoverinfo="skip", showlegend=False)
    figure.update_xaxes(type="log", title=f"per 1,000 terms in {label_a}")
    figure.update_yaxes(type="log", title=f"per 1,000 terms in {label_b}")
    return layout(figure, title=f"Terms of {label_a} (blue) and {label_b} (red)", height=620)
