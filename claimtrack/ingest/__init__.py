"""Articles into the store: reading files (readers), extracting and storing them in batches (batch),
running the engine again over stored sources (reextract), and the per-article time budget (deadline)."""
