"""`legalgen act`: the text of amending acts drafted from their records, and `--check`."""

from __future__ import annotations

import sys
from collections.abc import Collection
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
    chosen_langs,
    doc_option,
    documents_or_exit,
    err,
    lang_option,
    print_diagnostics,
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
    chosen, workspace = documents_or_exit(root, doc)
    # A whole act of a workspace names every document it amends: all of them are read.
    every = list(workspace.values()) or chosen
    whole_acts = len(every) > 1
    if whole_acts:
        _check_records(every, root, records)
    drafted: list[ActText] = []
    failed = False
    for project in chosen:
        lang_list = chosen_langs(langs, project)
        check_or_exit(project, workspace)
        for item in _chosen(project, root, records, {text.act.key for text in drafted},
                            strict=not whole_acts):
            try:
                texts = {lang: draft_act(project, item, lang) for lang in lang_list}
                whole = {lang: draft_whole_act(every, item.key, lang)
                         for lang in lang_list} if whole_acts else texts
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
        if _shown(record, root) not in known:
            raise _unknown(record, known)


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
        shown = _shown(record, root)
        if shown not in by_path and not strict:
            continue
        if shown not in by_path:
            raise _unknown(record, by_path)
        if by_path[shown].key not in done:
            chosen.append(by_path[shown])
    return chosen


def _shown(record: Path, root: Path) -> str:
    """A record named on the command line, as the project shows its path."""
    path = record if record.is_absolute() else Path.cwd() / record
    return relative(path.resolve(), root.resolve())


def _unknown(record: Path, known: Collection[str]) -> click.UsageError:
    return click.UsageError(tr("'{record}' is no amendment record of the project "
                               "(records: {records})",
                               record=record, records=', '.join(sorted(known))))
