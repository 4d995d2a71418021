"""legalgen's version: the one place it is written (pyproject.toml reads it from here).

Reads and writes nothing; imports nothing, so that every command knows it for free.
"""

__version__ = "0.1.0"
