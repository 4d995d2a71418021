"""Pausing Python's cyclic garbage collector while a stage builds large trees.

Reads and writes nothing. Loading and consolidating create hundreds of thousands of small,
acyclic objects (units, positions, mappings); the cyclic collector would rescan the whole growing
heap again and again, which makes those stages grow faster than the document. Reference counting
frees acyclic objects anyway, so the collector is paused while they are built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block; restore its previous state afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
