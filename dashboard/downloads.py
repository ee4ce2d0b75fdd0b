"""CSV downloads that a spreadsheet opens as data: every download of a table goes through here.

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is a formula to
Excel, LibreOffice and Google Sheets: ``=HYPERLINK("http://…","x")`` in corpus text would become a
live link or worse. OWASP's advice is followed: such text cells get a leading apostrophe. Numbers
(a negative z-score) stay numbers. The command line's data files stay exact (see the README).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised_cell(value: object) -> object:
    """The value, with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> str:
    """The table as CSV text, its formula-like text cells (and column names) neutralised."""
    safe = frame.copy()
    safe.columns = [neutralised_cell(str(column)) for column in safe.columns]
    for position, dtype in enumerate(frame.dtypes):
        if not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)):
            safe.isetitem(position, safe.iloc[:, position].astype(object).map(neutralised_cell))
    # CRLF ends rows (RFC 4180), and so a carriage return inside a cell gets quoted too.
    return safe.to_csv(index=False, lineterminator="\r\n")


def csv_download(label: str, frame: pd.DataFrame, *, file_name: str, key: str | None = None) -> None:
    """A download button for the table as CSV, made safe to open in a spreadsheet."""
    st.download_button(label, lambda: safe_csv(frame), file_name=file_name, mime="text/csv", key=key)
