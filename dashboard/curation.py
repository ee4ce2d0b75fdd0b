"""The Actors page's curation panel: merge, rename, retype, recolour, hide an actor or add an alias.

Each edit becomes an actor dictionary (:func:`analysis.knowledge.curation.curation_toml`) used as the
session's dictionary, merged over the built-in lexicons, so every page follows; the same file
downloads for the Corpus page or ``python -m analysis --actors``.
"""

from __future__ import annotations

import streamlit as st

from analysis import Analysis, LexiconError
from analysis.knowledge.curation import Curation, curation_toml
from analysis.knowledge.lexicons import ACTOR_TYPES
from dashboard.highlight import escape_markdown
from dashboard.loader import check_dictionary, dictionary_in_use, dictionary_text, use_default_dictionary, use_dictionary

CURATED = "curated-actors.toml"
ACTIONS = ("merge into another", "rename", "change type", "change colour", "hide", "add an alias")


def curation_panel(analysis: Analysis) -> None:
    """Draw the panel; an applied edit re-analyses the corpus with the curated dictionary and reruns."""
    in_use = dictionary_in_use()
    if in_use and in_use[0] != CURATED:
        st.info(escape_markdown(f"The dictionary {in_use[0]} is in use: edit that file, or go back to the built-in lexicons on the Corpus page to curate here."))
        return
    names = list(analysis.actor_counts["actor"])
    action = st.radio("Edit", ACTIONS, horizontal=True, key="curate_action")
    actor = st.selectbox("Actor", names, key="curate_actor")
    edit = _edit_input(action, actor, names, analysis)
    apply, undo = st.columns(2)
    if apply.button("Apply to every page", type="primary", key="curate_apply", disabled=edit is None):
        _apply(edit, analysis, base=dictionary_text() if in_use else "")
    if in_use:
        text = dictionary_text()
        undo.button("Undo all curation", key="curate_undo", on_click=use_default_dictionary)
        st.download_button("Download the curated actors (TOML)", text, file_name=CURATED, mime="application/toml", key="curate_download")
        st.caption("Upload it on the Corpus page (Actor dictionary, merged) or pass it to `python -m analysis --actors` for the same actors.")


def _edit_input(action: str, actor: str, names: list[str], analysis: Analysis) -> Curation | None:
    """The edit the inputs describe, or None until it is complete."""
    if action == "merge into another":
        into = st.selectbox("Into", [n for n in names if n != actor], key="curate_into")
        return Curation().merge(actor, into) if into else None
    if action == "rename":
        name = st.text_input("New name", key="curate_name").strip()
        return Curation().rename(actor, name) if name else None
    if action == "change type":
        current = analysis.actor_counts.set_index("actor").loc[actor, "type"]
        chosen = st.selectbox("Type", ACTOR_TYPES, index=ACTOR_TYPES.index(current) if current in ACTOR_TYPES else 0, key="curate_type")
        return Curation().retype(actor, chosen)
    if action == "change colour":
        colour = st.color_picker("Colour", analysis.actor_colors.get(actor, "#1f77b4"), key="curate_colour")
        return Curation().recolour(actor, colour)
    if action == "hide":
        st.caption("Its mentions leave every table and chart (for a model error such as a common word taken for a name).")
        return Curation().hide(actor)
    alias = st.text_input("Alias (counted wherever the corpus writes it, as written)", key="curate_alias").strip()
    return Curation().add_alias(actor, alias) if alias else None


def _apply(edit: Curation, analysis: Analysis, *, base: str) -> None:
    try:
        text = curation_toml(edit, analysis.actor_counts, analysis.mentions, base=base)
        check_dictionary(CURATED, text, "merge")
    except (ValueError, LexiconError) as error:
        st.error(escape_markdown(f"{error}. Nothing was changed."))
        return
    use_dictionary(CURATED, text, "merge")
    st.rerun()
