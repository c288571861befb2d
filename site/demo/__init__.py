"""Demo content of the site-wide pages: pages.yaml and the loader that creates it."""

from .loader import LOAD_AFTER, load

__all__ = ["LOAD_AFTER", "load"]
