"""The `legalgen` command line: validate, outline, versions, build, diff.

Reads the project under `--root` through the load stage; runs the stages and the writers the
command asks for; prints diagnostics as `path:line:col: error: ...` and exits 2 on invalid input.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from ..consolidate import consolidate, resolve_date, timeline, version_date
from ..diff import diff_versions
from ..lang import language
from ..load import load_project
from ..model import LANGS, Act, Diagnostics, Event, InputError, Project, Unit, Version
from ..model.diff import CHANGE_PHRASES, Diff
from ..model.inline import plain
from ..validate import validate as validate_project
from ..writers import formats as writer_formats
from ..writers import writer
from ..writers.shared.errors import MachineError
from . import jobs as build_jobs
from .files import diff_path, write_atomic

err = Console(stderr=True, highlight=False, soft_wrap=True)
stdout = Console(highlight=False, soft_wrap=True)


def _split(value: str, allowed: tuple[str, ...] | list[str], what: str) -> list[str]:
    items = [item.strip() for item in value.split(",") if item.strip()]
    unknown = [item for item in items if item not in allowed]
    if unknown or not items:
        raise click.UsageError(
            f"unknown {what} '{','.join(unknown) or value}'; choose from {', '.join(allowed)}"
        )
    return items


def _print_diagnostics(diagnostics: Diagnostics) -> None:
    for item in diagnostics.items:
        err.print(str(item), markup=False)


def _load(root: Path) -> Project:
    try:
        project = load_project(root)
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        sys.exit(2)
    # The project lives, unchanged, as long as the command: keep later collections from
    # rescanning its hundreds of thousands of objects (they are still freed when dropped).
    gc.freeze()
    return project


def _date(project: Project, value: str) -> dt.date:
    try:
        return resolve_date(project, value)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="The project folder.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Consolidated versions of a legal programme, with generated amendment notes."""


@main.command()
@root_option
@click.option("--strict", is_flag=True, help="Warnings fail too.")
def validate(root: Path, strict: bool) -> None:
    """Check content, amendment records and kk/ru parity; print every problem."""
    project = _load(root)
    diagnostics = validate_project(project)
    _print_diagnostics(diagnostics)
    if diagnostics.errors or (strict and diagnostics.warnings):
        sys.exit(2)
    first = next(iter(project.documents.values()))
    units = sum(1 for top in first.units for _ in top.walk())
    err.print(f"ok: {units} units in each language, {len(project.acts)} acts, "
              f"{len(timeline(project))} versions", markup=False)


@main.command()
@root_option
@click.option("--lang", default=LANGS[0], show_default=True)
@click.option("--as-of", "as_of", default="original", show_default=True)
def outline(root: Path, lang: str, as_of: str) -> None:
    """Print the unit tree: id, kind, label, first words."""
    _split(lang, LANGS, "language")
    project = _load(root)
    version = _consolidated(project, lang, _date(project, as_of))
    for unit in version.units:
        _print_outline(unit, 0, version.excluded)


def _consolidated(project: Project, lang: str, date: dt.date) -> Version:
    try:
        return consolidate(project, lang, date)
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        sys.exit(2)


def _print_outline(unit: Unit, depth: int, excluded: dict[str, Event]) -> None:
    words = " ".join(plain(unit.heading or unit.text or unit.name or "").split()[:8])
    if unit.cells:
        words = " ".join(plain(str(unit.cells[0])).split()[:8])
    mark = " [excluded]" if unit.uid in excluded else ""
    stdout.print(f"{'  ' * depth}{unit.uid}  {unit.kind}  {unit.label or '-'}  {words}{mark}",
              markup=False)
    for child in unit.children:
        _print_outline(child, depth + 1, excluded)


@main.command()
@root_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def versions(root: Path, as_json: bool) -> None:
    """The timeline: each version date and the acts taking effect; pending acts."""
    project = _load(root)
    entries = []
    for date, acts in timeline(project):
        entries.append({
            "date": date.isoformat(),
            "acts": [_act_json(act) for act in acts],
            "pending": _pending_acts(project, date),
        })
    if as_json:
        click.echo(json.dumps({"document": project.doc_id, "versions": entries},
                              ensure_ascii=False, indent=2))
        return
    lang = language(LANGS[0])
    for entry, (date, acts) in zip(entries, timeline(project), strict=True):
        names = "; ".join(lang.act_name(act) for act in acts) or "original"
        pending = ", ".join(f"No {act['number']}" for act in _pending_acts(project, date))
        tail = f"  (pending: {pending})" if pending else ""
        stdout.print(f"{entry['date']}  {names}{tail}", markup=False)


def _act_json(act: Act) -> dict[str, Any]:
    return {"number": act.number, "date": act.date.isoformat(), "type": act.type,
            "issuer": act.issuer, "file": act.path}


def _pending_acts(project: Project, date: dt.date) -> list[dict[str, Any]]:
    acts = []
    for change in project.changes:
        if change.act.date <= date and (change.effective is None or change.effective > date):
            entry = _act_json(change.act)
            entry["in_force"] = change.effective.isoformat() if change.effective else None
            if entry not in acts:
                acts.append(entry)
    return acts


@main.command()
@root_option
@click.option("--lang", "langs", default=",".join(LANGS), show_default=True)
@click.option("--format", "formats", default=None,
              help="Comma-separated formats [default: every available one].")
@click.option("--as-of", "as_of", default="latest", show_default=True,
              help="YYYY-MM-DD, latest or all.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build].")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
def build(root: Path, langs: str, formats: str | None, as_of: str, out: Path | None,
          jobs: int) -> None:
    """Write every chosen version, language and format under build/."""
    lang_list = _split(langs, LANGS, "language")
    available = writer_formats("version")
    format_list = _split(formats, available, "format") if formats else available
    project = _load(root)
    dates = _dates(project, as_of)
    _check_or_exit(project)
    jobs_list = build_jobs.plan(lang_list, dates, format_list)
    target = out or (root / "build")
    try:
        for fmt in format_list:
            # What a format needs from the machine is checked before anything is written.
            writer("version", fmt).check_machine()
        _run_build(project, jobs_list, target, jobs)
    except MachineError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)


def _run_build(project: Project, jobs_list: list[build_jobs.Job], target: Path,
               jobs: int) -> None:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("building", total=len(jobs_list))
        try:
            for paths in build_jobs.run_jobs(project, jobs_list, target, jobs):
                for path in paths:
                    stdout.print(str(path), markup=False)
                progress.advance(task)
        except InputError as exc:
            _print_diagnostics(exc.diagnostics)
            sys.exit(2)


def _dates(project: Project, as_of: str) -> list[dt.date]:
    if as_of == "all":
        return [date for date, _ in timeline(project)]
    return [version_date(project, _date(project, as_of))]


def _check_or_exit(project: Project) -> None:
    diagnostics = validate_project(project)
    if diagnostics.errors:
        _print_diagnostics(diagnostics)
        sys.exit(2)


@main.command()
@root_option
@click.option("--from", "from_", default="original", show_default=True,
              help="The earlier version: YYYY-MM-DD, original or latest.")
@click.option("--to", "to", default="latest", show_default=True,
              help="The later version: YYYY-MM-DD or latest.")
@click.option("--lang", "langs", default=",".join(LANGS), show_default=True)
@click.option("--format", "formats", default=",".join(writer_formats("diff")),
              show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build].")
@click.option("--exit-code", "exit_code", is_flag=True,
              help="Exit with 1 when the versions differ.")
def diff(root: Path, from_: str, to: str, langs: str, formats: str, out: Path | None,
         exit_code: bool) -> None:
    """Compare two versions: write redlines under build/diff/ and print the changed units."""
    lang_list = _split(langs, LANGS, "language")
    format_list = _split(formats, writer_formats("diff"), "format")
    project = _load(root)
    old_date = version_date(project, _date(project, from_))
    new_date = version_date(project, _date(project, to))
    if old_date > new_date:
        raise click.UsageError(f"--from ({old_date}) is a later version than --to ({new_date})")
    _check_or_exit(project)
    target = out or (root / "build")
    changed = False
    for lang in lang_list:
        try:
            result = diff_versions(project, lang, old_date, new_date)
        except InputError as exc:
            _print_diagnostics(exc.diagnostics)
            sys.exit(2)
        _print_diff_summary(result)
        for fmt in format_list:
            path = diff_path(target, lang, result.from_date, result.to_date, fmt)
            write_atomic(path, writer("diff", fmt).render(result))
            stdout.print(str(path), markup=False)
        changed = changed or not result.empty
    if exit_code and changed:
        sys.exit(1)


def _print_diff_summary(result: Diff) -> None:
    lang = result.lang
    title = f"{lang.code}: {result.from_date} → {result.to_date}"
    if result.empty:
        stdout.print(f"{title}: {lang.phrase('diff_none')}", markup=False)
        return
    table = Table(title=Text(title), title_justify="left")
    # Ids are long and must stay whole to be copied: they fold, never end in an ellipsis.
    table.add_column(Text("id"), overflow="fold")
    for header in (lang.phrase("diff_unit"), lang.phrase("diff_change"), lang.phrase("diff_acts")):
        table.add_column(Text(header))
    for change in result.changes:
        table.add_row(Text(change.uid), Text(change.name),
                      Text(lang.phrase(CHANGE_PHRASES[change.change])),
                      Text("\n".join(result.act_names(change.acts))))
    stdout.print(table)


if __name__ == "__main__":
    main()
