"""`legalgen validate`: check content, records, parity and the project's templates; print every
problem."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build.checks import checked, templates_checked
from ..build.files import template_dir
from ..consolidate import timeline
from ..i18n import tr
from ..lang import codes
from .common import (
    err,
    load_or_exit,
    print_diagnostics,
    root_option,
)


@click.command()
@root_option
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option("--verbose", is_flag=True, help="Also list the files set aside (editor backups).")
def validate(root: Path, strict: bool, verbose: bool) -> None:
    """Check content, amendment records and the parity of the languages; print every problem."""
    project = load_or_exit(root)
    if verbose:
        for shown in project.ignored:
            err.print(tr("{path}: not read (an editor's backup or lock file)", path=shown),
                      markup=False)
    diagnostics = checked(project)
    diagnostics.items += templates_checked(project, template_dir(root)).items
    print_diagnostics(diagnostics)
    if diagnostics.errors or (strict and diagnostics.warnings):
        sys.exit(2)
    first = next(iter(project.documents.values()))
    units = sum(1 for top in first.units for _ in top.walk())
    # A project imported one language at a time has only some of them so far.
    where = tr("each language") if set(project.documents) == set(codes()) else " and ".join(
        project.documents)
    err.print(tr("ok: {units} units in {where}, {acts} acts, {versions} versions",
                 units=units, where=where, acts=len(project.acts),
                 versions=len(timeline(project))), markup=False)
