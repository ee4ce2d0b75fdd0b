"""Chart clicks as widget choices: a click on a Plotly point sets a control, once per new click."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from dashboard.summary import selected_value


def follow_click(event: Any, target: str, *, reset: Iterable[str] = (), reset_to: Any = None, field: int = 0) -> None:
    """Set control ``target`` to the clicked point's customdata[field] when the click is new; reset the ``reset`` controls.

    A chart's selection persists across reruns; applying it only when it changes lets the
    control be changed by hand afterwards. Call before the target control is drawn.
    """
    value = selected_value(event, field)
    memory = f"_click_{target}"
    if value is not None and st.session_state.get(memory) != value:
        st.session_state[target] = value
        for key in reset:
            st.session_state[key] = reset_to
    st.session_state[memory] = value
