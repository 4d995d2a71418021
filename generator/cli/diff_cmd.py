"""`legalgen diff`: redlines between two versions, and a summary of the changed units."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from ..build.engine import produce
from ..build.executors import InProcess
from ..build.files import template_dir
from ..build.plan import diff_jobs
from ..build.store import OutputStore
from ..consolidate import PROJECTED, projection_day
from ..diff import diff_versions
from ..i18n import tr
from ..model.diff import Diff
from ..writers import formats as writer_formats
from .common import (
    check_or_exit,
    chosen_langs,
    doc_option,
    err,
    lang_option,
    load_or_exit,
    parse_date,
    root_option,
    split_option,
    stdout,
)


@click.command()
@root_option
@doc_option
@click.option("--from", "from_", default="original", show_default=True,
              help="The earlier version: YYYY-MM-DD, original, latest or today.")
@click.option("--to", "to", default="latest", show_default=True,
              help="The later version: YYYY-MM-DD, latest, today or projected (the text once "
                   "every pending act takes effect, marked as a projection).")
@lang_option
@click.option("--format", "formats", default=",".join(writer_formats("diff")),
              show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build].")
@click.option("--exit-code", "exit_code", is_flag=True,
              help="Exit with 1 when the versions differ.")
def diff(root: Path, doc: str | None, from_: str, to: str, langs: str | None, formats: str,
         out: Path | None, exit_code: bool) -> None:
    """Compare two versions: write redlines under build/diff/ and print the changed units."""
    format_list = split_option(formats, writer_formats("diff"), "format")
    project = load_or_exit(root, doc)
    lang_list = chosen_langs(langs, project)
    today = dt.date.today()
    old_date = parse_date(project, from_)
    new_date = None if to == PROJECTED else parse_date(project, to)
    if old_date > (new_date or projection_day(project, today)):
        raise click.UsageError(tr("--from ({old_date}) is later than --to ({new_date})",
                                  old_date=old_date, new_date=new_date or to))
    check_or_exit(project)
    target = out or (root / "build")
    results = [diff_versions(project, lang, old_date, new_date, today) for lang in lang_list]
    for result in results:
        _print_diff_summary(result)
    jobs = diff_jobs(results, format_list, template_dir(root), project.workspace_doc)
    report = produce(jobs, OutputStore(target), InProcess())
    for path in report.written_under(target):
        stdout.print(str(path), markup=False)
    err.print(report.summary(), markup=False)
    if exit_code and any(not result.empty for result in results):
        sys.exit(1)


# The narrowest the id column gets beside long unit paths: a document's id stays whole.
ID_WIDTH = 20


def _print_diff_summary(result: Diff) -> None:
    lang = result.lang
    to = PROJECTED if result.new.version.projected else result.to_date
    title = f"{lang.code}: {result.from_date} → {to}"
    if result.empty:
        stdout.print(f"{title}: {lang.phrase('diff_none')}", markup=False)
        return
    table = Table(title=Text(title), title_justify="left")
    # Ids are long and must stay whole to be copied: they fold, never end in an ellipsis.
    table.add_column(Text("id"), overflow="fold", min_width=ID_WIDTH)
    for header in (lang.phrase("diff_unit"), lang.phrase("diff_change"), lang.phrase("diff_acts")):
        table.add_column(Text(header))
    for change in result.changes:
        table.add_row(Text(change.uid), Text(change.name),
                      Text(result.change_word(change)),
                      Text("\n".join(result.summary_names(change.acts))))
    stdout.print(table)
