"""The MkDocs adapter: turns the engine's site pages into MkDocs pages. Thin on purpose."""
