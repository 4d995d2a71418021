"""The names of the project's inputs that a command needs before, or instead of, loading them.

Reads nothing but the list of a workspace's documents in `legalgen.yaml` (`workspace_documents`),
and writes nothing; imports nothing of the load stage up front, so that the project cache can
key a project by its inputs without importing the YAML reader or the input schema.
"""

from pathlib import Path

# The project's settings file, at its root.
CONFIG_FILE = "legalgen.yaml"
# The environment variable that sets the largest input file read.
SIZE_VARIABLE = "LEGALGEN_MAX_FILE_SIZE"
# The folder of a workspace's documents, each in a folder named by its id.
DOCUMENTS_FOLDER = "documents"
# The key of `legalgen.yaml` listing a workspace's documents, and of a record's changes grouped
# per document.
GROUPED = "documents"


def document_folder(root: Path, doc: str) -> Path:
    return root / DOCUMENTS_FOLDER / doc


def workspace_documents(root: Path) -> tuple[str, ...]:
    """The ids of the workspace's documents; none for a folder of one document. Only the list
    is read here: `validate` checks the whole file. A settings file that does not name the key
    is not parsed, so that a command on one document imports no YAML reader on a warm start."""
    from ..regular_files import read_regular

    path = root / CONFIG_FILE
    try:
        data = read_regular(path)
    except OSError:  # no settings file, or none to read: `validate` tells the latter
        return ()
    if GROUPED.encode() not in data:
        return ()
    from ..model import Diagnostics
    from .yaml_source import read_yaml

    raw = read_yaml(path, CONFIG_FILE, Diagnostics())
    listed = raw.get(GROUPED) if isinstance(raw, dict) else None
    if not isinstance(listed, list):
        return ()
    return tuple(str(item) for item in listed)
