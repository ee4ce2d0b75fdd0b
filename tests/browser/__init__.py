"""End-to-end tests: Playwright drives Debian's Chromium against `streamlit run` (marker: browser)."""
