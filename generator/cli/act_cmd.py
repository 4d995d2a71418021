"""`legalgen act`: the text of amending acts drafted from their records, and `--check`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build.engine import produce
from ..build.executors import InProcess
from ..build.plan import act_jobs
from ..build.store import OutputStore
from ..draft import draft_act
from ..draft.check import check_act
from ..i18n import tr
from ..model import Act, InputError, Project, relative
from ..model.act_text import ActText
from ..writers import formats as writer_formats
from .common import (
    check_or_exit,
    chosen_langs,
    doc_option,
    err,
    lang_option,
    load_or_exit,
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
    project = load_or_exit(root, doc)
    lang_list = chosen_langs(langs, project)
    check_or_exit(project)
    drafted: list[ActText] = []
    failed = False
    for item in _chosen(project, root, records):
        try:
            texts = {lang: draft_act(project, item, lang) for lang in lang_list}
        except InputError as exc:
            print_diagnostics(exc.diagnostics)
            sys.exit(2)
        if check:
            problems = check_act(project, item, texts)
            print_diagnostics(problems)
            failed = failed or bool(problems.errors)
            if not problems.errors:
                stdout.print(tr("{path}: ok ({count} languages)", path=item.path,
                                count=len(texts)), markup=False)
        drafted.extend(texts.values())
    if failed:
        sys.exit(2)
    if check:
        return
    target = out or (root / "build")
    report = produce(act_jobs(drafted, format_list), OutputStore(target), InProcess())
    for path in report.written_under(target):
        stdout.print(str(path), markup=False)
    err.print(report.summary(), markup=False)


def _chosen(project: Project, root: Path, records: tuple[Path, ...]) -> list[Act]:
    """The acts of the records named, in the order given; every act when none is."""
    if not records:
        return sorted(project.acts, key=lambda item: (item.date, item.order))
    by_path = {item.path: item for item in project.acts}
    chosen = []
    for record in records:
        path = record if record.is_absolute() else Path.cwd() / record
        shown = relative(path.resolve(), root.resolve())
        if shown not in by_path:
            raise click.UsageError(tr("'{record}' is no amendment record of the project "
                                      "(records: {records})",
                                      record=record, records=', '.join(sorted(by_path))))
        chosen.append(by_path[shown])
    return chosen
