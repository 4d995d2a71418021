"""Diff stage: compare two versions and attribute every difference to the acts behind it.

`diff_versions` consolidates, annotates and compares two dates of one language; `compare` takes
two annotated versions; `word_diff` compares two texts word by word. Nothing here writes files:
the diff writers (`generator.writers`) print the `Diff` model.
"""

from .compare import compare, diff_versions
from .words import word_diff

__all__ = ["compare", "diff_versions", "word_diff"]
