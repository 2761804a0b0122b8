"""Evidence: signed and timestamped releases, archival PDFs and evidence bundles."""
