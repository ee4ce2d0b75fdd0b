"""Extraction: keywords, actors, places, events, dates and motives from sentences."""
