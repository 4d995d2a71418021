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
from ..model import Diagnostics, Project
from .common import (
    doc_option,
    documents_or_exit,
    err,
    print_diagnostics,
    root_option,
)


@click.command()
@root_option
@doc_option
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option("--verbose", is_flag=True, help="Also list the files set aside (editor backups).")
def validate(root: Path, doc: str | None, strict: bool, verbose: bool) -> None:
    """Check content, amendment records and the parity of the languages; print every problem."""
    projects, workspace = documents_or_exit(root, doc)
    problems = Diagnostics()
    for project in projects:
        if verbose:
            for shown in project.ignored:
                err.print(tr("{path}: not read (an editor's backup or lock file)", path=shown),
                          markup=False)
        found = checked(project, workspace).items
        problems.items += [item for item in found if item not in problems.items]
    problems.items += templates_checked(projects[0], template_dir(root)).items
    print_diagnostics(problems)
    if problems.errors or (strict and problems.warnings):
        sys.exit(2)
    for project in projects:
        _print_summary(project)


def _print_summary(project: Project) -> None:
    first = next(iter(project.documents.values()))
    units = sum(1 for top in first.units for _ in top.walk())
    # A project imported one language at a time has only some of them so far.
    where = tr("each language") if set(project.documents) == set(codes()) else " and ".join(
        project.documents)
    # In a workspace, each document's line names it.
    prefix = f"{project.workspace_doc}: " if project.workspace_doc else ""
    err.print(prefix + tr("ok: {units} units in {where}, {acts} acts, {versions} versions",
                          units=units, where=where, acts=len(project.acts),
                          versions=len(timeline(project))), markup=False)
