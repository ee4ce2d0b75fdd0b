"""Entry point: `streamlit run streamlit_app.py` (Community Cloud's default file name)."""

from pathlib import Path

import streamlit as st

from dashboard.highlight import escape_markdown
from dashboard.links import drop_nameless_parameters, run_with_link_check
from dashboard.loader import corpus_problem
from dashboard.presentation import PRESENTATION_CSS, leave_presentation
from dashboard.style import APP_CSS

ICON = Path(__file__).parent / "dashboard" / "assets" / "icon.png"  # bundled: a Material or emoji icon makes browsers fetch it from a CDN
st.set_page_config(page_title="Briefing dashboard", page_icon=str(ICON), layout="wide")

nameless = drop_nameless_parameters()  # before any widget bound to the URL reads it
page = st.navigation(
    [
        st.Page("dashboard/pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("dashboard/pages/corpus.py", title="Corpus", icon=":material/upload_file:", url_path="corpus"),
        st.Page("dashboard/pages/keywords.py", title="Keywords", icon=":material/key:", url_path="keywords"),
        st.Page("dashboard/pages/actors.py", title="Actors", icon=":material/groups:", url_path="actors"),
        st.Page("dashboard/pages/events.py", title="Events & places", icon=":material/event:", url_path="events"),
        st.Page("dashboard/pages/motives.py", title="What does it want?", icon=":material/flag:", url_path="wants"),
        st.Page("dashboard/pages/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page("dashboard/pages/briefing.py", title="Briefing", icon=":material/slideshow:", url_path="briefing"),
        st.Page("dashboard/pages/explorer.py", title="Sentence explorer", icon=":material/manage_search:", url_path="sentences"),
    ]
)
st.html(APP_CSS)  # the app's own stylesheet, never user text
presenting = st.sidebar.toggle(
    "Presentation mode", key="present", bind="query-params", help="Hides the sidebar and the controls and enlarges type, for a projector."
)
if presenting:
    st.html(PRESENTATION_CSS)  # the app's own stylesheet, never user text
    # First on the page, fixed at the top right by the stylesheet: the way out is always in reach.
    st.button("Leave presentation mode", key="leave_present", icon=":material/close_fullscreen:", on_click=leave_presentation)
problem = corpus_problem()
if problem:
    st.error(escape_markdown(problem), icon=":material/error:")
run_with_link_check(page.run, page.url_path, dropped=nameless)
