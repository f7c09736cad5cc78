"""The local web UI and JSON API (``storyline serve``)."""

from storyline.web.app import create_app

__all__ = ["create_app"]
