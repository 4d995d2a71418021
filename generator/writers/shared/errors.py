"""Failures of the machine a writer runs on, as opposed to invalid input."""

from __future__ import annotations


class MachineError(Exception):
    """Something the writer needs from the machine is missing (a font, a program); the message
    says what to install."""
