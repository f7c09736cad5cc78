"""storyline: follow one news story through many outlets, with provenance."""

__version__ = "0.1.0"
