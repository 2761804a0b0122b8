"""privacykit.render."""
