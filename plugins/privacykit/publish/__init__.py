"""privacykit.publish."""
