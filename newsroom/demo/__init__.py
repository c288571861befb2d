"""Demo content of the newsroom: newsroom.yaml, articles.yaml, stories.yaml and their loader."""

from .loader import LOAD_AFTER, load

__all__ = ["LOAD_AFTER", "load"]
