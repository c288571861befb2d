"""Demo content of the directory: organisations.yaml, profiles.yaml and the loader creating them."""

from .loader import LOAD_AFTER, load, profile_texts

__all__ = ["LOAD_AFTER", "load", "profile_texts"]
