"""Queries over a finished analysis: the sentence explorer and comparisons."""
