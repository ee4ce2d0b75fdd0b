"""Presentation mode: no sidebar, no controls, larger type; for showing the dashboard on a projector."""

from __future__ import annotations

import streamlit as st

# Hides the sidebar and every input widget except the way out; enlarges text. Streamlit tags each
# keyed element with the class st-key-<key>, which keeps the "Leave" button visible.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] { display: none !important; }
.stSelectbox, .stMultiSelect, .stSlider, .stRadio, .stTextInput, .stTextArea, .stCheckbox, .stToggle, .stNumberInput,
.stDateInput, .stSegmentedControl, .stFileUploader, .stDownloadButton, .stButton { display: none !important; }
.st-key-leave_present, .st-key-leave_present .stButton { display: block !important; }
.stMainBlockContainer { max-width: 96vw; padding-top: 1.5rem; }
.stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer blockquote { font-size: 1.3rem; line-height: 1.5; }
.stMainBlockContainer h1 { font-size: 3.2rem; }
</style>
"""


def leave_presentation() -> None:
    """Button callback: back to the normal view (runs before the next rerun, so it may set the toggle's state)."""
    st.session_state["present"] = False
