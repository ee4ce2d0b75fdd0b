"""The Streamlit pages: layouts only, reading from analysis/ through the loader and drawing with figures/."""
