"""The demo's language versions become wagtail-localize translations once every app's demo
content exists: each object's first-made version is the source, the others its translations."""

from .registry import register_existing

LOAD_AFTER = ("glokal", "directory", "eventpages", "newsroom")


def load():
    """Register what is not registered yet; returns how many translations were created."""
    counts = register_existing()
    return counts["sources"] + counts["translations"]
