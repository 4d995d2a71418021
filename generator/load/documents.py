"""The documents a project folder holds: the ids `legalgen.yaml` lists for a workspace, none for
a folder of one document.

Reads `legalgen.yaml` (only when it names the key). Writes nothing. Imports the YAML reader only
when it parses, so that a command on one document starts without it.
"""

from __future__ import annotations

from pathlib import Path

from ..regular_files import read_regular
from .names import CONFIG_FILE, GROUPED


def workspace_documents(root: Path) -> tuple[str, ...]:
    """The ids of the workspace's documents; none for a folder of one document. Only the list
    is read here: `validate` checks the whole file. A settings file that does not name the key
    is not parsed, so that a command on one document imports no YAML reader on a warm start."""
    path = root / CONFIG_FILE
    try:
        data = read_regular(path)
    except OSError:  # no settings file, or none to read: `validate` tells the latter
        return ()
    if GROUPED.encode() not in data:
        return ()
    from ..model import Diagnostics
    from .yaml_source import read_yaml  # the YAML reader, for a workspace only

    raw = read_yaml(path, CONFIG_FILE, Diagnostics())
    listed = raw.get(GROUPED) if isinstance(raw, dict) else None
    if not isinstance(listed, list):
        return ()
    return tuple(str(item) for item in listed)
