"""privacykit.testing."""
