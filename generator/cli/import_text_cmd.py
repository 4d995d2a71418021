"""`legalgen import`: a project from a published consolidated text, in one language or more."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import click

from ..build.staging import staged
from ..i18n import tr
from ..lang import PUBLISHED, codes
from ..model import ActType

if TYPE_CHECKING:
    from ..importer import Summary
from .common import EXIT_INPUT, err, print_diagnostics, stdout


def text_options(command: Callable[..., None]) -> Callable[..., None]:
    """`--<code> FILE` for every language whose published texts can be read."""
    for code in reversed(codes()):
        if code in PUBLISHED:
            command = click.option(
                f"--{code}", f"text_{code}", type=click.Path(dir_okay=False, exists=True,
                                                             path_type=Path),
                help=f"The published text in {code}: .md (Markdown with HTML tables), "
                     ".html (a saved page), .docx, or a plain-text copy.")(command)
    return command


@click.command("import")
@text_options
@click.option("--into", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="The project folder: a new one, or one that has the "
                                      "other language already.")
@click.option("--id", "doc_id", default=None,
              help="The document id [default: its type, date and number].")
@click.option("--type", "act_type", type=click.Choice(get_args(ActType)), default=None,
              help="The adopting act's type, if the text does not name it.")
@click.option("--issuer", default=None, help="Its issuer (a key of the registry).")
@click.option("--number", default=None, help="Its number.")
@click.option("--date", "date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Its date, YYYY-MM-DD.")
def import_text(into: Path, doc_id: str | None, act_type: str | None, issuer: str | None,
                number: str | None, date: dt.datetime | None, **texts: Any) -> None:
    """Start a project from a published consolidated text: its units in every language given,
    one amendment record per act its notes name, a todo list of what the text does not show."""
    sources = {code: texts[f"text_{code}"] for code in codes()
               if texts.get(f"text_{code}") is not None}
    if not sources:
        named = ", ".join(f"--{code} FILE" for code in PUBLISHED)
        raise click.UsageError(tr("give the published text of at least one language: {named}",
                                  named=named))
    # The importer and its readers load when a text is imported, not with `--help`.
    from ..importer import DocumentOptions, import_texts
    from ..importer.check import checked_import

    options = DocumentOptions(doc_id, act_type, issuer, number, date.date() if date else None)
    result = import_texts(sources, into, options, {code: str(path) for code, path in
                                                   sources.items()})
    diagnostics = result.diagnostics
    if not diagnostics.errors:
        diagnostics.extend(checked_import(result.files, into))
    print_diagnostics(diagnostics)
    if diagnostics.errors:
        err.print(tr("nothing written in {into}", into=into), markup=False)
        sys.exit(EXIT_INPUT)
    with staged(into) as stage:
        for name, data in result.files.items():
            path = stage / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    _print_summary(result.summary, sources, into, len(result.files))


def _print_summary(summary: Summary, sources: dict[str, Path], into: Path, files: int) -> None:
    for code, units in summary.units.items():
        counted = ", ".join(f"{kind} {count}" for kind, count in sorted(units.items()))
        source = (tr(" from {path}", path=sources[code]) if code in sources
                  else tr(" (there before)"))
        stdout.print(tr("{code}{source}: {total} units — {counted}", code=code, source=source,
                        total=sum(units.values()), counted=counted), markup=False)
    for code, count in summary.notes.items():
        stdout.print(tr("{code}: {count} notes and excluded units read", code=code,
                        count=count), markup=False)
    stdout.print(tr("acts: {count}", count=len(summary.acts)) + (
        f" ({', '.join(summary.acts)})" if summary.acts else ""), markup=False)
    if summary.changes:
        stdout.print(tr("changes: {list}", list=", ".join(f"{action} {count}" for action, count in
                                            sorted(summary.changes.items()))), markup=False)
    todo = sum(summary.todos.values())
    stdout.print(tr("todo: {count}", count=todo) + (" — " + ", ".join(
        f"{kind} {count}" for kind, count in sorted(summary.todos.items())) if todo else ""),
                 markup=False)
    stdout.print(tr("wrote {files} files in {into}; `legalgen validate --root {into}` lists the "
                    "todo items",
                    files=files, into=into), markup=False)
