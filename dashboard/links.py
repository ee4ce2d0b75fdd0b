"""Shared links: which URL parameters a page could not use, said in a small notice instead of silently dropped.

Widgets bound to the URL (``bind="query-params"``) drop a value they cannot take (an unknown
option, a number out of range) and ignore keys no widget has. Streamlit also drops a value that
equals the widget's default, so a dropped value counts as ignored only when the widget did not
end up holding it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from dashboard.highlight import escape_markdown

# Streamlit's own parameters (embedding options) are never reported.
RESERVED = frozenset({"embed", "embed_options"})
NOTICE_KEY = "_links_checked_page"


def url_parameters() -> dict[str, list[str]]:
    """The current URL's query parameters, each with all its values."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def ignored_parameters(before: Mapping[str, list[str]], after: Mapping[str, list[str]], state: Mapping[str, Any]) -> list[str]:
    """``key=value`` for each link value the page did not use: unknown keys, and values its widgets refused."""
    ignored = []
    for key, values in before.items():
        if key in RESERVED:
            continue
        if key not in state:
            ignored += [f"{key}={value}" for value in values] or [key]
            continue
        kept = set(after.get(key, [])) | set(_as_strings(state[key]))
        ignored += [f"{key}={value}" for value in values if value not in kept]
    return ignored


def _as_strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value]
    return [str(value)]


def drop_nameless_parameters() -> list[str]:
    """Remove parameters with an empty name (``?=x``) from the URL, before anything reads it; ``=value`` for each."""
    parameters = url_parameters()
    nameless = [f"={value}" for key, values in parameters.items() if not key.strip() for value in values]
    if nameless:
        # Streamlit refuses an empty key everywhere (even to delete it): the URL is rebuilt without it.
        st.query_params.from_dict({key: values for key, values in parameters.items() if key.strip()})
    return nameless


def run_with_link_check(run: Callable[[], None], page_key: str, *, dropped: list[str] = ()) -> None:
    """Run a page; on its first run with this URL, note link parameters it ignored and drop unknown keys from the URL.

    ``dropped``: parameters already taken out of the URL (see :func:`drop_nameless_parameters`), named in the notice too.
    """
    notice = st.empty()
    first_run = st.session_state.get(NOTICE_KEY) != page_key
    before = url_parameters() if first_run else {}
    try:
        run()
    finally:
        # Also after st.stop(): a page that stops early still tells what it ignored.
        if first_run:
            st.session_state[NOTICE_KEY] = page_key
            ignored = [*dropped, *ignored_parameters(before, url_parameters(), st.session_state)]
            for key in before.keys() - st.session_state.keys() - RESERVED:
                del st.query_params[key]
            if ignored:
                notice.caption(":material/link_off: This link had parameters the page could not use and ignored: " + escape_markdown(", ".join(ignored)[:300]))
