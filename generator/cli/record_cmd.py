"""`legalgen record`: an amendment record from edited Word documents or from an act's text."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from ..build.files import write_atomic
from ..model import Diagnostics
from ..record import ActMeta, Record, record_yaml
from ..record.from_act import record_from_act
from .common import load_or_exit, print_diagnostics, root_option, stdout

DAYS_RULE = "days:"


def _date(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.UsageError(f"{what} '{value}' is no date (YYYY-MM-DD)") from None


def _rule(value: str) -> Any:
    """on_signing | on_publication | YYYY-MM-DD | days:N (N days after publication)."""
    if value in ("on_signing", "on_publication"):
        return value
    if value.startswith(DAYS_RULE) and value[len(DAYS_RULE):].isdigit():
        return {"after_publication_days": int(value[len(DAYS_RULE):])}
    return {"date": _date(value, "--in-force")}


@click.command()
@root_option
@click.option("--from-docx", "docx_files", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="An edited consolidated (or redline) DOCX with tracked changes; one per "
                   "language.")
@click.option("--from-act", "act_files", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="The text of an amending act (UTF-8); one per language.")
@click.option("--act-number", default=None, help="The act's number (else from the act's title).")
@click.option("--act-date", default=None, help="The act's date (else from the act's title).")
@click.option("--published", default=None, help="The day the act was first published.")
@click.option("--in-force", default=None,
              help="on_signing, on_publication, a date or days:N [default: from the act's final "
                   "point, else on_signing].")
@click.option("--type", "act_type", default="resolution", show_default=True)
@click.option("--issuer", default="government", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the record [default: ROOT/amendments].")
def record(root: Path, docx_files: tuple[Path, ...], act_files: tuple[Path, ...],
           act_number: str | None, act_date: str | None, published: str | None,
           in_force: str | None, act_type: str, issuer: str, out: Path | None) -> None:
    """Write the amendment record of an act from edited Word documents or from its text."""
    if bool(docx_files) == bool(act_files):
        raise click.UsageError("give --from-docx or --from-act (one file per language)")
    project = load_or_exit(root)
    options = {"number": act_number, "date": _date(act_date, "--act-date"),
               "published": _date(published, "--published"),
               "in_force": _rule(in_force) if in_force else None,
               "type": act_type, "issuer": issuer}
    result: Record | None
    if docx_files:
        if act_number is None or options["date"] is None:
            raise click.UsageError("--from-docx needs --act-number and --act-date")
        meta = ActMeta(number=act_number, date=options["date"],  # type: ignore[arg-type]
                       in_force=options["in_force"] or "on_signing",
                       published=options["published"],  # type: ignore[arg-type]
                       type=act_type, issuer=issuer)
        # Reading Word files loads lxml: only this branch pays for it (and `--help` never does).
        from ..record.from_word import record_from_word

        result, diagnostics = record_from_word(project, meta, list(docx_files))
    else:
        result, diagnostics = record_from_act(project, list(act_files), options)
    _finish(result, diagnostics, out or root / "amendments")


def _finish(result: Record | None, diagnostics: Diagnostics, folder: Path) -> None:
    print_diagnostics(diagnostics)
    if result is None or diagnostics.errors:
        sys.exit(2)
    path = folder / result.file_name
    write_atomic(path, record_yaml(result).encode("utf-8"))
    stdout.print(str(path), markup=False)
    for item in result.todo:
        stdout.print(f"to do: {item}", markup=False)
