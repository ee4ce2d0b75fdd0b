"""Loading: reading files of many formats into a corpus of documents."""
