"""Plotly figures for event references: timeline by year and by month, counts by type and by named event."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.charts import NEUTRAL, horizontal_bars, layout
from dashboard.summary import main_span, named_event_table, newest_document_year

BASIS_LABELS = {"text": "year written in the sentence", "named_event": "named event's date", "document": "document date"}
BASIS_COLOURS = {"text": "#1f3a93", "named_event": "#e67e22", "document": "#95a5a6"}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTH_LABELS = 12


def event_timeline(events: pd.DataFrame, *, interactive: bool = True) -> go.Figure:
    """Event references per year, stacked by where the year comes from (written, named event, document date).

    ``interactive=False`` (print, a brief): no hint about what a click or double-click does.
    """
    placed = events.dropna(subset=["timeline_year"])
    counts = placed.groupby(["timeline_year", "date_basis"]).size().reset_index(name="references")
    figure = go.Figure()
    for basis, label in BASIS_LABELS.items():
        part = counts[counts["date_basis"] == basis]
        if part.empty:
            continue
        figure.add_bar(
            x=part["timeline_year"].astype(int),
            y=part["references"],
            name=label,
            marker_color=BASIS_COLOURS[basis],
            customdata=[[int(year), basis] for year in part["timeline_year"]],
            hovertemplate="%{x}: %{y} references (" + label + ")<extra></extra>",
        )
    figure.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.2))
    per_year = counts.groupby("timeline_year")["references"].sum()
    first, last = main_span(per_year, latest=newest_document_year(events))
    span = last - first
    figure.update_xaxes(range=[first - 0.7, last + 0.7], dtick=1 if span <= 10 else 2 if span <= 20 else None, tickangle=0, title=None)
    figure.update_yaxes(title="references")
    outside = [
        f"{_references(int(part.sum()))} to {_years(int(part.index.min()), int(part.index.max()))}, {where} this span"
        for part, where in ((per_year[per_year.index < first], "before"), (per_year[per_year.index > last], "after"))
        if len(part)
    ]
    if outside:
        figure.add_annotation(
            x=0, y=1.02, xref="paper", yref="paper", xanchor="left", yanchor="bottom", showarrow=False, font=dict(size=13, color=NEUTRAL),
            text="+ " + "; ".join(outside) + (": double-click the chart to show all" if interactive else " (not drawn)"),
        )
    return layout(figure, title="When: event references by year", height=400)


def _references(n: int) -> str:
    return f"{n} reference{'' if n == 1 else 's'}"


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def event_months(events: pd.DataFrame) -> go.Figure:
    """Event references per month, for those whose month is known."""
    placed = events.dropna(subset=["timeline_year", "timeline_month"])
    counts = placed.groupby(["timeline_year", "timeline_month"]).size().reset_index(name="references")
    labels = [f"{MONTHS[int(m) - 1]}<br>{int(y)}" for y, m in zip(counts["timeline_year"], counts["timeline_month"])]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=counts["references"],
            marker_color=BASIS_COLOURS["text"],
            customdata=[[f"{int(y)}-{int(m):02d}"] for y, m in zip(counts["timeline_year"], counts["timeline_month"])],
            hovertemplate="%{customdata[0]}: %{y} references<extra></extra>",
        )
    )
    # At most ~12 labels, level and on two lines: slanted month-and-year labels run together.
    step = -(-len(labels) // MONTH_LABELS)
    figure.update_xaxes(type="category", tickangle=0, tickvals=labels[::step], ticktext=labels[::step], title=None)
    figure.update_yaxes(title="references")
    return layout(figure, title="By month, where the month is known", subtitle="only months with references are shown", height=400)


def event_type_bar(events: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Horizontal bars: event references per event type, commonest on top."""
    counts = events["event_type"].value_counts().iloc[::-1]
    figure = horizontal_bars(
        counts.to_numpy(), [labels.get(key, key) for key in counts.index], colour=NEUTRAL,
        customdata=[[labels.get(key, key), key] for key in counts.index], hovertemplate="%{y}: %{x} references<extra></extra>",
    )
    return layout(figure, title="What kind of event", height=max(320, 32 * len(counts) + 120))


# Catalogued events in the timeline's named-event colour; names found in the text in a lighter one.
NAMED_SOURCE_COLOURS = {"catalogue": BASIS_COLOURS["named_event"], "text": "#f5b041"}


def named_event_bar(events: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Horizontal bars: how often each named event is referenced, commonest on top, its years in the hover."""
    table = named_event_table(events).head(top).iloc[::-1]
    figure = horizontal_bars(
        table["references"].to_numpy(), [_wrapped(name) for name in table["named event"]],
        colour=[NAMED_SOURCE_COLOURS.get(source, NEUTRAL) for source in table["source"]],
        customdata=table[["named event", "from", "first year", "most cited year"]].astype(str).to_numpy(),
        hovertemplate="<b>%{customdata[0]}</b><br>%{x} references · %{customdata[1]}"
        "<br>first year %{customdata[2]}, most cited %{customdata[3]}<extra></extra>",
    )
    found = table["source"].eq("text").any()
    return layout(
        # Room for two-line names at a projector's type size, and for the subtitle when there is one.
        figure, title="Named events referenced", height=max(320, 46 * len(table) + (140 if found else 120)),
        subtitle="lighter bars: names found in the text" if found else None,
    )


def _wrapped(label: str, width: int = 34) -> str:
    """A long axis label broken onto lines of about ``width`` characters."""
    lines, line = [], ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])
