"""privacykit: privacy statements as Markdown sections, published as a versioned static site."""

__version__ = "0.1.0"
