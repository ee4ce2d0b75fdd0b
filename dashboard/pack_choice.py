"""The Corpus page's choice of lexicon packs: automatic (by the corpus's own names) or the analyst's."""

from __future__ import annotations

import streamlit as st

from dashboard.highlight import escape_markdown
from dashboard.loader import choose_packs, chosen_packs, pack_labels
from dashboard.uploads import analyse_now

AUTOMATIC, CHOSEN = "automatic", "chosen"


def choose_lexicon_packs(applied: list[str]) -> None:
    """Say which packs apply to the corpus shown, and let the analyst turn packs on or off for every corpus."""
    labels = pack_labels()
    named = ", ".join(labels.get(name, name) for name in applied) or "none"
    st.markdown(
        f"**Lexicon packs** applied to this corpus: {escape_markdown(named)}. A pack holds one topic's curated actors "
        "(their aliases, types and colours); people, organisations and groups no lexicon lists are found by the NER model in any case."
    )
    if not labels:
        return
    current = chosen_packs()
    mode = st.radio(
        "Which packs apply", (AUTOMATIC, CHOSEN), index=0 if current is None else 1, horizontal=True, key="packs_mode",
        format_func={AUTOMATIC: "automatic: each where enough documents write its anchor names", CHOSEN: "only those I choose"}.get,
    )
    picked = st.multiselect(
        "Packs to apply", list(labels), default=list(current if current is not None else applied), format_func=labels.get,
        disabled=mode == AUTOMATIC, key="packs_picked", placeholder="none: only the world lexicon and the NER model",
    )
    wanted = None if mode == AUTOMATIC else tuple(picked)
    flag = "auto" if current is None else ",".join(current) or "none"
    st.caption(f"The same from the command line: `python -m analysis CORPUS --packs {flag}`.")
    if st.button("Apply to every corpus", disabled=wanted == current, key="packs_go", help="The corpus shown is analysed again with these packs."):
        choose_packs(wanted)
        analyse_now()
        st.rerun()
