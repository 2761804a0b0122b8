"""privacykit.model."""
