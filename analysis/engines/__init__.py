"""Engines: the analysis pipeline and the ways it runs (one process, workers, Dask, isolated)."""
