"""Presentation mode: no sidebar, no controls, larger type; for showing the dashboard on a projector."""

from __future__ import annotations

import streamlit as st

# Hides the sidebar, Streamlit's top bar, every input widget and the hints about them, and the
# links that sit beside a hidden control; enlarges text and metrics; keeps a compact way out fixed
# at the top right; and snaps scrolling to sections, so Page Down (a presenter's clicker) steps
# through a long page heading by heading, chart by chart. Streamlit tags each keyed element with
# the class st-key-<key>: that is how the "Leave" button and the hints are found.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"] { display: none !important; }
.stSelectbox, .stMultiSelect, .stSlider, .stRadio, .stTextInput, .stTextArea, .stCheckbox, .stToggle, .stNumberInput,
.stDateInput, .stSegmentedControl, .stFileUploader, .stDownloadButton, .stButton { display: none !important; }
[data-testid="stElementContainer"]:has([data-testid="stButtonGroup"]) { display: none !important; }
[class*="st-key-hint_"] { display: none !important; }
[data-testid="stHorizontalBlock"]:has(.stSelectbox, .stMultiSelect, .stRadio) .stPageLink { display: none !important; }
.st-key-leave_present { position: fixed; top: 0.6rem; right: 1.2rem; z-index: 999990; width: auto !important; }
.st-key-leave_present .stButton { display: block !important; }
.st-key-leave_present button { min-height: 2rem; padding: 0.15rem 0.8rem; opacity: 0.75; }
.st-key-leave_present button:hover { opacity: 1; }
.stMainBlockContainer { max-width: 96vw; padding-top: 2.5rem; }
.stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer blockquote { font-size: 1.3rem; line-height: 1.5; }
.stMainBlockContainer h1 { font-size: 3.2rem; line-height: 1.25; padding-top: 0.25rem; overflow: visible; }
.stMainBlockContainer h2 { font-size: 2.3rem; }
.stMainBlockContainer h3 { font-size: 1.9rem; }
[data-testid="stMetricLabel"] p { font-size: 1.35rem !important; }
[data-testid="stMetricValue"] { font-size: 3rem !important; line-height: 1.2; }
[data-testid="stMetricValue"] p, [data-testid="stMetricValue"] div { font-size: inherit !important; line-height: 1.2; }
[data-testid="stCaptionContainer"] p, .stMainBlockContainer [data-testid="stCaptionContainer"] { font-size: 1.15rem; }
[data-testid="stExpander"] summary p { font-size: 1.3rem; }
[data-testid="stMain"] { scroll-snap-type: y proximity; scroll-padding-top: 1rem; }
[data-testid="stElementContainer"]:has(h1, h2, h3, .stPlotlyChart, [data-testid="stMetric"]),
[data-testid="stHorizontalBlock"], [data-testid="stExpander"] { scroll-snap-align: start; }
</style>
"""


def presenting() -> bool:
    """Whether this session shows the dashboard in presentation mode."""
    return bool(st.session_state.get("present"))


def leave_presentation() -> None:
    """Button callback: back to the normal view (runs before the next rerun, so it may set the toggle's state)."""
    st.session_state["present"] = False
