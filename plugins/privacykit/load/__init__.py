"""privacykit.load."""
