"""An imported project checked as `legalgen validate` checks it, before anything is written.

Reads the files an import made (and the project's `legalgen.yaml`, whose issuers they may name);
writes them into a temporary folder only, loads that folder and runs the whole check. Returns
the errors and warnings, at the files' places in the project.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from ..load import load_project
from ..load.registry import CONFIG_FILE
from ..model import Diagnostics, InputError
from ..validate import validate
from ..writers import charsets


def checked_import(files: dict[str, bytes], into: Path) -> Diagnostics:
    """Every error and warning of the project the import's files make with what `into`
    holds already; information (the placeholders listed as todo) is left to `validate`."""
    with tempfile.TemporaryDirectory(prefix="legalgen-import-") as folder:
        root = Path(folder)
        if (into / CONFIG_FILE).is_file():
            shutil.copyfile(into / CONFIG_FILE, root / CONFIG_FILE)
        if (into / "content").is_dir():
            shutil.copytree(into / "content", root / "content")
        if (into / "amendments").is_dir():
            shutil.copytree(into / "amendments", root / "amendments")
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        try:
            found = validate(load_project(root), charsets())
        except InputError as exc:
            found = exc.diagnostics
    kept = Diagnostics()
    # Messages that name the folder name the project's.
    kept.items = [replace(item, message=item.message.replace(folder, str(into)))
                  for item in found.items if item.severity != "info"]
    return kept
