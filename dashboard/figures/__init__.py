"""Plotly figure builders: plain functions of DataFrames, testable without a browser."""
