"""Storage: the on-disk cache of analyses and the tables written as files."""
