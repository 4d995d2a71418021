"""`legalgen act`: the text of amending acts drafted from their records, and `--check`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build.engine import produce
from ..build.executors import InProcess
from ..build.plan import act_jobs
from ..build.store import OutputStore
from ..draft import draft_act, draft_whole_act
from ..draft.check import check_act
from ..i18n import tr
from ..model import Act, InputError, Project, relative
from ..model.act_text import ActText
from ..writers import formats as writer_formats
from .common import (
    check_or_exit,
    chosen_documents,
    chosen_langs,
    doc_option,
    err,
    lang_option,
    print_diagnostics,
    projects_or_exit,
    root_option,
    split_option,
    stdout,
)


@click.command()
@root_option
@doc_option
@click.argument("records", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@lang_option
@click.option("--format", "formats", default=",".join(writer_formats("act")), show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build].")
@click.option("--check", is_flag=True,
              help="Check that every change of each record is in its act and in the diff of "
                   "the versions before and after it; write nothing.")
def act(root: Path, doc: str | None, records: tuple[Path, ...], langs: str | None,
        formats: str, out: Path | None, check: bool) -> None:
    """Draft the amending acts of RECORDS (default: every record) under build/acts/<lang>/."""
    format_list = split_option(formats, writer_formats("act"), "format")
    chosen = chosen_documents(root, doc)
    # A whole act of a workspace names every document it amends: all of them are read.
    projects = projects_or_exit(root, chosen_documents(root, None))
    workspace = {item.workspace_doc: item for item in projects if item.workspace_doc}
    if len(projects) > 1:
        _check_records(projects, root, records)
    drafted: list[ActText] = []
    failed = False
    for project in projects:
        if project.workspace_doc not in chosen:
            continue
        lang_list = chosen_langs(langs, project)
        check_or_exit(project, workspace)
        for item in _chosen(project, root, records, {text.act.key for text in drafted},
                            strict=len(projects) == 1):
            try:
                texts = {lang: draft_act(project, item, lang) for lang in lang_list}
                whole = texts if len(projects) == 1 else {
                    lang: draft_whole_act(projects, item.key, lang) for lang in lang_list}
            except InputError as exc:
                print_diagnostics(exc.diagnostics)
                sys.exit(2)
            if check:
                failed = _checked(project, item, texts) or failed
            drafted.extend(whole.values())
    if failed:
        sys.exit(2)
    if check:
        return
    target = out or (root / "build")
    report = produce(act_jobs(drafted, format_list), OutputStore(target), InProcess())
    for path in report.written_under(target):
        stdout.print(str(path), markup=False)
    err.print(report.summary(), markup=False)


def _check_records(projects: list[Project], root: Path, records: tuple[Path, ...]) -> None:
    """Every record named is a record of a document of the workspace."""
    known = {item.path for project in projects for item in project.acts}
    for record in records:
        path = record if record.is_absolute() else Path.cwd() / record
        if relative(path.resolve(), root.resolve()) not in known:
            raise click.UsageError(tr("'{record}' is no amendment record of the project "
                                      "(records: {records})",
                                      record=record, records=', '.join(sorted(known))))


def _checked(project: Project, item: Act, texts: dict[str, ActText]) -> bool:
    """Check the act's part on the project's document; True when it fails."""
    problems = check_act(project, item, texts)
    print_diagnostics(problems)
    if not problems.errors:
        stdout.print(tr("{path}: ok ({count} languages)", path=item.path,
                        count=len(texts)), markup=False)
    return bool(problems.errors)


def _chosen(project: Project, root: Path, records: tuple[Path, ...], done: set[str],
            strict: bool = True) -> list[Act]:
    """The acts of the records named, in the order given; every act when none is; none of
    those `done` (drafted whole with another document of a workspace). A record of no act of
    the project is refused, unless not `strict` (a workspace: another document's record)."""
    if not records:
        return sorted((item for item in project.acts if item.key not in done),
                      key=lambda item: (item.date, item.order))
    by_path = {item.path: item for item in project.acts}
    chosen = []
    for record in records:
        path = record if record.is_absolute() else Path.cwd() / record
        shown = relative(path.resolve(), root.resolve())
        if shown not in by_path and not strict:
            continue
        if shown not in by_path:
            raise click.UsageError(tr("'{record}' is no amendment record of the project "
                                      "(records: {records})",
                                      record=record, records=', '.join(sorted(by_path))))
        if by_path[shown].key not in done:
            chosen.append(by_path[shown])
    return chosen
