"""privacykit.changes."""
