"""Checks of the codebase itself, run by `make lint`."""
