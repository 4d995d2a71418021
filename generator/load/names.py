"""The names of the project's inputs that a command needs before, or instead of, loading them.

Reads and writes nothing; imports nothing of the load stage, so that the project cache can key
a project by its inputs without importing the YAML reader or the input schema.
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

