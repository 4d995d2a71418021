"""`legalgen schema`: write the JSON Schemas of the project's files under schemas/."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..lang import codes
from ..load.registry import project_issuers
from ..model import Diagnostics
from .common import print_diagnostics, root_option, stdout
from .init_cmd import write_schemas
from .scaffold import SCHEMAS_DIR


@click.command()
@root_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=f"Output folder [default: ROOT/{SCHEMAS_DIR}].")
def schema(root: Path, out: Path | None) -> None:
    """Write the JSON Schemas of content files, manifests, amendment records and legalgen.yaml,
    with the issuers of the registry and of legalgen.yaml."""
    diagnostics = Diagnostics()
    issuers = project_issuers(root, diagnostics, codes())
    if diagnostics.errors:
        print_diagnostics(diagnostics)
        sys.exit(2)
    target = out or (root / SCHEMAS_DIR)
    for path in write_schemas(target.parent, list(issuers.forms), target.name):
        stdout.print(str(path), markup=False)
