"""The map of places mentioned: bubbles on a land-and-borders outline drawn as plain lines (no tiles, works offline)."""

from __future__ import annotations

import json
import math
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from analysis.paths import DATA_DIR
from dashboard.figures.charts import layout

OUTLINE = DATA_DIR / "world_outline.json"
LAND, BORDER, BUBBLE = "#eef0f3", "#b9c1ca", "#c0392b"
MIN_SPAN = 16.0
# The map opens on the places that hold this share of all mentions (at least CORE_MIN of them): a
# few far-off places named once do not shrink the corpus's own region to a clump. The rest stay
# on the map, a pan away, and the subtitle counts them.
CORE_SHARE, CORE_MIN = 0.85, 5


@lru_cache(maxsize=1)
def world_outline() -> dict[str, list]:
    """Land rings and border lines as lists of [lon, lat] (see data/world_outline.json)."""
    return json.loads(OUTLINE.read_text(encoding="utf-8"))


def place_counts(places: pd.DataFrame) -> pd.DataFrame:
    """One row per place with coordinates: place, lat, lon, mentions, sentences, most mentioned first."""
    places = places.dropna(subset=["lat", "lon"])
    if places.empty:
        return pd.DataFrame(columns=["place", "lat", "lon", "mentions", "sentences"])
    grouped = places.assign(sentence=places["doc_id"].astype(str) + "#" + places["sentence_id"].astype(str))
    counts = grouped.groupby(["place", "lat", "lon"]).agg(mentions=("surface", "size"), sentences=("sentence", "nunique"))
    return counts.reset_index().sort_values(["mentions", "place"], ascending=[False, True], ignore_index=True)


def unplaced_counts(places: pd.DataFrame) -> pd.DataFrame:
    """Place names the NER model found that have no coordinates yet: place, mentions, most mentioned first."""
    unplaced = places[places["lat"].isna() | places["lon"].isna()]
    counts = unplaced.groupby("place").size().rename("mentions").reset_index()
    return counts.sort_values(["mentions", "place"], ascending=[False, True], ignore_index=True)


def places_map(counts: pd.DataFrame, *, labelled: int = 10) -> go.Figure:
    """Places as bubbles (area = mentions) over land and borders, framed on the places found."""
    figure = go.Figure()
    outline = world_outline()
    figure.add_scatter(**_lines(outline["land"]), fill="toself", fillcolor=LAND, line=dict(color=LAND, width=0.5), hoverinfo="skip", showlegend=False)
    figure.add_scatter(**_lines(outline["borders"]), mode="lines", line=dict(color=BORDER, width=0.8), hoverinfo="skip", showlegend=False)
    biggest = max(int(counts["mentions"].max()) if len(counts) else 1, 1)
    figure.add_scatter(
        x=counts["lon"],
        y=counts["lat"],
        mode="markers+text",
        text=_labels(counts, labelled=labelled),
        textposition="top center",
        textfont=dict(size=13, color="#1f2d3a"),
        marker=dict(size=[8 + 42 * math.sqrt(m / biggest) for m in counts["mentions"]], color=BUBBLE, opacity=0.7, line=dict(color="white", width=1)),
        customdata=counts[["place", "mentions", "sentences"]].to_numpy(),
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} mentions in %{customdata[2]} sentences<extra></extra>",
        showlegend=False,
    )
    core = core_places(counts)
    (x0, x1), (y0, y1) = _frame(core)
    middle = math.radians((y0 + y1) / 2)
    figure.update_xaxes(range=[x0, x1], visible=False)
    # Equirectangular with the scale of the middle latitude: shapes keep their proportions there.
    figure.update_yaxes(range=[y0, y1], visible=False, scaleanchor="x", scaleratio=1 / max(math.cos(middle), 0.2))
    figure.update_layout(plot_bgcolor="white", dragmode="pan")
    outside = _outside(counts, (x0, x1), (y0, y1))
    subtitle = f"{outside} of {len(counts)} places lie outside this view: drag to pan, or zoom out" if outside else None
    return layout(figure, title="Where: places mentioned (bubble area = mentions)", subtitle=subtitle, height=620)


def core_places(counts: pd.DataFrame) -> pd.DataFrame:
    """The most mentioned places that together hold CORE_SHARE of all mentions (at least CORE_MIN): the map's opening view."""
    if counts.empty:
        return counts
    ranked = counts.sort_values("mentions", ascending=False, kind="stable")
    covered = ranked["mentions"].cumsum() / max(float(ranked["mentions"].sum()), 1.0)
    keep = max(CORE_MIN, int((covered < CORE_SHARE).sum()) + 1)
    return ranked.head(keep)


def _outside(counts: pd.DataFrame, xs: tuple[float, float], ys: tuple[float, float]) -> int:
    lon, lat = counts["lon"].astype(float), counts["lat"].astype(float)
    return int((~(lon.between(*xs) & lat.between(*ys))).sum())


def _labels(counts: pd.DataFrame, *, labelled: int) -> list[str]:
    """Names for the most mentioned places, skipping any too close to a bigger one already named (labels would collide)."""
    (x0, x1), (y0, y1) = _frame(core_places(counts))
    near_x, near_y = (x1 - x0) / 9, (y1 - y0) / 14
    named: list[tuple[float, float]] = []
    labels = []
    for name, lon, lat in zip(counts["place"], counts["lon"].astype(float), counts["lat"].astype(float)):
        crowded = any(abs(lon - x) < near_x and abs(lat - y) < near_y for x, y in named)
        if len(named) < labelled and not crowded:
            named.append((lon, lat))
            labels.append(name)
        else:
            labels.append("")
    return labels


def _lines(rings: list[list[list[float]]]) -> dict[str, list]:
    """x/y lists of many lines, separated by None (one trace draws them all)."""
    xs: list = []
    ys: list = []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return {"x": xs, "y": ys}


def _frame(counts: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis ranges around the places (padded, at least MIN_SPAN degrees), or the whole world."""
    if counts.empty:
        return (-180.0, 180.0), (-60.0, 85.0)
    lon, lat = counts["lon"].astype(float), counts["lat"].astype(float)
    pad = max(3.0, 0.08 * float(lon.max() - lon.min()))
    x0, x1, y0, y1 = lon.min() - pad, lon.max() + pad, lat.min() - pad, lat.max() + pad
    if x1 - x0 < MIN_SPAN:
        x0, x1 = (x0 + x1) / 2 - MIN_SPAN / 2, (x0 + x1) / 2 + MIN_SPAN / 2
    if y1 - y0 < MIN_SPAN * 0.6:
        y0, y1 = (y0 + y1) / 2 - MIN_SPAN * 0.3, (y0 + y1) / 2 + MIN_SPAN * 0.3
    return (max(x0, -180.0), min(x1, 180.0)), (max(y0, -85.0), min(y1, 85.0))
