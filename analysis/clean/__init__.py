"""Cleaning: noise, repeated passages, segments and sentences."""
