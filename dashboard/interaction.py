"""Chart clicks as widget choices: a click on a Plotly point sets a control, once per new click."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from dashboard.figures.charts import PLOTLY_CONFIG, projected
from dashboard.presentation import presenting


def selected_value(event: Any, field: int = 0) -> str | None:
    """The customdata field of the first point chosen on a Plotly chart (None when nothing is chosen)."""
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) or hasattr(event, "get") else []
    for point in points:
        data = point.get("customdata")
        if data:
            return str(data[field])
    return None


def _new_click(event: Any, memory: str, field: int) -> str | None:
    """The clicked value when it differs from the last one seen under ``memory`` (None otherwise)."""
    value = selected_value(event, field)
    fresh = value is not None and st.session_state.get(memory) != value
    st.session_state[memory] = value
    return value if fresh else None


def follow_click(event: Any, target: str, *, chart: str, reset: Iterable[str] = (), reset_to: Any = None, field: int = 0) -> None:
    """Set control ``target`` to the clicked point's customdata[field] when the click is new; reset the ``reset`` controls.

    A chart's selection persists across reruns; applying it only when it changes lets the
    control be changed by hand afterwards. Call before the target control is drawn.
    """
    # One memory per chart: two charts setting the same control must not reset each other's memory.
    value = _new_click(event, f"_click_{chart}", field)
    if value is not None:
        st.session_state[target] = value
        for key in reset:
            st.session_state[key] = reset_to


def open_on_click(event: Any, parameter: str, *, chart: str, repeat: bool = False, field: int = 0) -> None:
    """Open the sentence explorer filtered by the clicked value (``parameter=value``, twice for a range when ``repeat``)."""
    value = _new_click(event, f"_open_{chart}", field)
    if value is not None:
        st.switch_page("dashboard/pages/explorer.py", query_params={parameter: [value, value] if repeat else value})


def show_chart(figure: Any, *, key: str, where: Any = None, **options: Any) -> Any:
    """Draw a Plotly chart in the house configuration (type and size scaled up in presentation mode); its selection event."""
    shown = projected(figure) if presenting() else figure
    return (where or st).plotly_chart(shown, config=PLOTLY_CONFIG, key=key, **options)


def interaction_hint(text: str) -> None:
    """A caption telling how to use a control or chart: hidden in presentation mode, where the controls are."""
    with st.container(key=f"hint_{abs(hash(text)) % 10**8}"):
        st.caption(text)


def clickable_chart(figure: Any, *, key: str, target: str, reset: Iterable[str] = ()) -> None:
    """Draw a chart whose point clicks choose control ``target`` (see :func:`follow_click`); call before that control."""
    event = show_chart(figure, key=key, on_select="rerun", selection_mode="points")
    follow_click(event, target, chart=key, reset=reset)


def opening_chart(figure: Any, *, key: str, parameter: str, repeat: bool = False) -> None:
    """Draw a chart whose point clicks open the sentence explorer filtered by the clicked value (see :func:`open_on_click`)."""
    event = show_chart(figure, key=key, on_select="rerun", selection_mode="points")
    open_on_click(event, parameter, chart=key, repeat=repeat)
