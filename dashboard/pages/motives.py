"""What does X want? The sentences that state an actor's goals, grouped into themes, each quoted with its source."""

from __future__ import annotations

import streamlit as st

from analysis.extract.motives import load_themes
from analysis.query.explore import match_spans
from dashboard.downloads import csv_download
from dashboard.evidence import show_sentences
from dashboard.figures.motive_charts import theme_bar
from dashboard.highlight import escape_markdown
from dashboard.interaction import clickable_chart
from dashboard.loader import current_analysis, current_motives, current_wanter
from dashboard.summary import counted, motive_table

QUOTES = 6

analysis = current_analysis()
actors = list(analysis.actor_counts["actor"])
st.title("What does it want?")
st.caption(
    "Sentences where the actor is the one wanting: the subject of wants, seeks, aims…, the holder of its goals, interests "
    "or plans, what it does in order to… (cues in data/motive_cues.toml; the subject from the language model's parse). "
    "Themes are found in the corpus: goal sentences grouped by the terms they share that set them apart from the rest of "
    "the corpus, each named by those terms; on corpora of a curated topic, that topic's named themes come first "
    "(data/motive_themes.toml). Each theme is labelled by the words that set its sentences apart."
)
if not actors:
    st.info("No actor is mentioned in this corpus.")
else:
    # Any actor can be chosen (most mentioned first); the page opens on the most mentioned that states a goal.
    opening = current_wanter()
    actor = st.selectbox("Actor", actors, index=actors.index(opening) if opening in actors else 0, key="wanter", bind="query-params")
    motives, themes = current_motives(actor)
    naming = int(analysis.actor_counts.set_index("actor").loc[actor, "sentences"])
    st.markdown(f"**{counted(len(motives), 'sentence')}** of the {counted(naming, 'sentence')} naming {escape_markdown(actor)} say what it wants.")
    if motives.empty:
        st.info(escape_markdown(f"No sentence states what {actor} wants (no cue such as “{actor} wants/seeks/aims…”, “{actor}’s goal/interests/strategy”)."))
    else:
        clickable_chart(theme_bar(themes, actor), key="theme_bars", target="theme")
        names = [t.name for t in themes]
        chosen = st.selectbox("Theme", names, key="theme", bind="query-params")
        patterns = {t.name: t.pattern for t in load_themes()}
        for theme in themes:
            with st.expander(f"{escape_markdown(theme.name)}: {escape_markdown(', '.join(theme.keywords) or '—')} ({len(theme.sentences)})", expanded=theme.name == chosen):
                pattern = patterns.get(theme.name)
                show_sentences(
                    theme.sentences,
                    lambda row, pattern=pattern: match_spans(row.text, literal=row.cue) + ([m.span() for m in pattern.finditer(row.text)] if pattern else []),
                    limit=QUOTES,
                    rest="download them all below",
                )
        csv_download(
            "Download the motive sentences with their themes (CSV)", motive_table(themes),
            file_name=f"what_{actor.lower().replace(' ', '_')}_wants.csv",
        )
