"""Corpus: bring your own files or text, choose which corpus the pages show, and the actor dictionary."""

from __future__ import annotations

import streamlit as st

from analysis import Columns, LexiconError
from analysis.load.readers import SUPPORTED_SUFFIXES, TABLE_SUFFIXES
from dashboard.downloads import csv_download
from dashboard.highlight import escape_markdown
from dashboard.loader import (
    CHOICE,
    DEFAULT_NAME,
    DICTIONARY_MODES,
    active_corpus_name,
    check_dictionary,
    clear_disk_cache,
    corpus_names,
    current_analysis,
    current_corpus,
    dictionary_in_use,
    disk_cache_size,
    show_corpus,
    shown_name,
    use_default_dictionary,
    use_dictionary,
)
from dashboard.pack_choice import choose_lexicon_packs
from dashboard.summary import counted, documents_table
from dashboard.uploads import NO_COLUMN, analyse_now, load_and_analyse, show_last_report, show_stopped_notice, table_preview, upload_name

st.title("Corpus")
# One slot for whatever of these shows: the tabs below keep their place, and the tab open, when it is empty on the next run.
with st.container():
    show_last_report()
    show_stopped_notice()
    analyse_now()  # a corpus just chosen below is analysed here, with progress
corpus, analysis = current_corpus(), current_analysis()
dictionary = dictionary_in_use()
st.markdown(
    f"Now showing **{escape_markdown(shown_name(active_corpus_name()))}**: {counted(len(analysis.documents), 'document')}, "
    f"{counted(int(analysis.documents['n_sentences'].sum()), 'sentence')}; actor dictionary: "
    + (escape_markdown(f"{dictionary[0]} ({'merged with the default' if dictionary[1] == 'merge' else 'replacing the default'})") if dictionary else "the default")
    + "."
)

names = corpus_names()
if len(names) > 1:
    st.selectbox(
        "Show", names, index=names.index(active_corpus_name()), key=CHOICE, on_change=lambda: show_corpus(st.session_state[CHOICE]), format_func=shown_name,
        help="Corpora added in this session; switching needs no re-upload.",
    )

upload, paste, actors, documents = st.tabs(["Upload files", "Paste text", "Actor dictionary", "Documents"])

with upload:
    files = st.file_uploader(
        "Files: " + ", ".join(sorted(SUPPORTED_SUFFIXES)), type=sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES), accept_multiple_files=True, key="upload_files"
    )
    tables = [f for f in files or [] if any(f.name.lower().endswith(s) for s in TABLE_SUFFIXES)]
    columns = Columns()
    if tables:
        preview = table_preview(tables[0].name, tables[0].getvalue())
        if preview.problem:
            st.warning(escape_markdown(preview.problem))
        else:
            st.caption(escape_markdown(f"Columns of {tables[0].name} (used for every table uploaded). Detected choices are preselected."))
            st.dataframe(preview.head, hide_index=True)
            pick = st.columns(4)
            options = [NO_COLUMN, *preview.columns]
            chosen_columns = {
                field: pick[i].selectbox(field.capitalize(), options, index=options.index(getattr(preview.guess, field) or NO_COLUMN), key=f"column_{field}")
                for i, field in enumerate(("text", "title", "source", "date"))
            }
            columns = Columns(**{field: None if value == NO_COLUMN else value for field, value in chosen_columns.items()})
    suggested = upload_name(files or [])
    name = st.text_input("Name of this corpus", placeholder=suggested or "named after the files", key="upload_name").strip() or suggested
    if st.button("Read and analyse", type="primary", disabled=not files, key="upload_go"):
        load_and_analyse([(f.name, f.getvalue()) for f in files], name=name, columns=columns)

with paste:
    pasted = st.text_area("Paste text (one document; several documents: upload files instead)", height=220, key="paste_text")
    paste_name = st.text_input("Name of this corpus", placeholder="Pasted text", key="paste_name").strip() or "Pasted text"
    if st.button("Analyse the pasted text", type="primary", disabled=not pasted.strip(), key="paste_go"):
        load_and_analyse([("pasted.txt", pasted.encode("utf-8"))], name=paste_name, columns=Columns())

with actors:
    st.markdown(
        "An actor dictionary in the format of `data/packs/syria.toml`: one `[[actor]]` entry per actor with `name`, "
        "`aliases`, and (required when replacing) `type` and `color`. Merging lays it over the built-in lexicons: an actor of the "
        "same name gets its aliases, type and colour; an alias it lists counts for its actor only."
    )
    choose_lexicon_packs(analysis.packs)
    lexicon_file = st.file_uploader("Dictionary (.toml)", type=["toml"], key="dictionary_file")
    mode = st.radio("Use it", DICTIONARY_MODES, format_func={"merge": "merged with the default", "replace": "instead of the default"}.get, horizontal=True, key="dictionary_mode")
    apply, reset = st.columns(2)
    if apply.button("Use this dictionary", type="primary", disabled=lexicon_file is None, key="dictionary_go"):
        try:
            text = lexicon_file.getvalue().decode("utf-8-sig")
            check_dictionary(lexicon_file.name, text, mode)
        except UnicodeDecodeError:
            st.error(escape_markdown(f"{lexicon_file.name}: not UTF-8 text; save it as UTF-8. The dictionary in use is kept."))
        except LexiconError as error:
            st.error(escape_markdown(f"{error}. The dictionary in use is kept."))
        else:
            use_dictionary(lexicon_file.name, text, mode)
            analyse_now()
            st.rerun()
    if dictionary and reset.button("Back to the default dictionary", key="dictionary_reset"):
        use_default_dictionary()
        analyse_now()
        st.rerun()

with documents:
    table = documents_table(analysis)
    st.dataframe(table, hide_index=True)
    csv_download("Download the documents table (CSV)", table, file_name="documents.csv")
    for note in corpus.notes:
        st.caption(escape_markdown(note))
    for warning in corpus.warnings:
        st.warning(escape_markdown(warning))

if active_corpus_name() != DEFAULT_NAME:
    st.caption("Uploaded corpora live in this browser session only: a shared link opens the bundled corpus.")

with st.expander("Analysis cache on this server"):
    entries, size = disk_cache_size()
    st.caption(
        f"{counted(entries, 'analysis', 'analyses')} ({size / 1e6:,.1f} MB) kept on disk, so a corpus analysed before, "
        "here or with `python -m analysis`, opens at once. Clearing only means the next analysis of each corpus is computed again."
    )
    if st.button("Clear the cache", key="cache_clear", disabled=not entries):
        st.toast(f"Removed {counted(clear_disk_cache(), 'cached analysis', 'cached analyses')}.")
