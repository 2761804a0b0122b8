"""privacykit.versions."""
