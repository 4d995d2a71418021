"""`legalgen record`: an amendment record from edited Word documents or from an act's text."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import cast, get_args

import click

from ..build.files import write_atomic
from ..i18n import tr
from ..load.folders import record_path
from ..load.limits import SIZE_VARIABLE, max_file_size
from ..load.registry import CONFIG_FILE
from ..load.schema import IN_FORCE_OPTION, in_force_option
from ..model import ActType, Diagnostics, InForceRule, Project
from ..record import ActOptions, Record, probe_act, record_yaml
from ..record.from_act import record_from_act, record_from_whole_act
from ..record.writer import grouped_record_yaml
from .common import (
    chosen_documents,
    doc_option,
    err,
    load_or_exit,
    print_diagnostics,
    projects_or_exit,
    root_option,
    stdout,
)


def _date(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.UsageError(tr("{what} '{value}' is no date (YYYY-MM-DD)",
                                  what=what, value=value)) from None


def _rule(value: str) -> InForceRule:
    try:
        return in_force_option(value)
    except ValueError as exc:
        raise click.UsageError(tr("--in-force {exc}", exc=exc)) from None


@click.command()
@root_option
@doc_option
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
              help=f"{IN_FORCE_OPTION} (N days after publication) [default: from the act's "
                   "final point, else on_signing].")
@click.option("--type", "act_type", type=click.Choice(get_args(ActType)), default=None,
              help="The act's type [default: defaults.type of legalgen.yaml, else the "
                   "document's].")
@click.option("--issuer", default=None,
              help="A key of the registry of issuers [default: defaults.issuer of "
                   "legalgen.yaml; --from-act: else the act's enacting formula].")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the record [default: ROOT/amendments].")
def record(root: Path, doc: str | None, docx_files: tuple[Path, ...], act_files: tuple[Path, ...],
           act_number: str | None, act_date: str | None, published: str | None,
           in_force: str | None, act_type: ActType | None, issuer: str | None,
           out: Path | None) -> None:
    """Write the amendment record of an act from edited Word documents or from its text."""
    if bool(docx_files) == bool(act_files):
        raise click.UsageError(tr("give --from-docx or --from-act (one file per language)"))
    number, date = act_number, _date(act_date, "--act-date")
    if docx_files and (number is None or date is None):
        raise click.UsageError(tr("--from-docx needs --act-number and --act-date"))
    documents = chosen_documents(root, doc)
    if act_files and len(documents) > 1:
        _whole_act(root, documents, act_files, number, date, published, in_force, act_type,
                   issuer, out)
        return
    project = load_or_exit(root, doc)
    options = _options(project, act_type, issuer, number, date, published, in_force)
    result: Record | None
    if docx_files:
        if options.issuer is None or number is None or date is None:
            raise click.UsageError(tr("--from-docx needs --issuer (or defaults.issuer in "
                                      "{config_file}): the key of the act's issuer, such as "
                                      "'government' or 'ministry_energy'",
                                      config_file=CONFIG_FILE))
        act = probe_act(options.type, options.issuer, number, date, options.published,
                        options.in_force or "on_signing")
        # Reading Word files loads lxml: only this branch pays for it (and `--help` never does).
        from ..record.from_word import record_from_word

        result, diagnostics = record_from_word(project, act, list(docx_files))
    else:
        result, diagnostics = record_from_act(project, list(act_files), options)
    _finish(result, diagnostics, out or root / "amendments")


def _whole_act(root: Path, documents: list[str | None], act_files: tuple[Path, ...],
               number: str | None, date: dt.date | None, published: str | None,
               in_force: str | None, act_type: ActType | None, issuer: str | None,
               out: Path | None) -> None:
    """The record of a workspace's act read from its whole text: one record, its changes
    grouped per document the act amends."""
    projects = projects_or_exit(root, documents)
    options = _options(projects[0], act_type, issuer, number, date, published, in_force)
    records, diagnostics = record_from_whole_act(projects, list(act_files), options)
    print_diagnostics(diagnostics)
    if not records or diagnostics.errors:
        sys.exit(2)
    shares = list(records.values())
    path = record_path(out or root / "amendments", shares[0].act.id)
    _write(path, grouped_record_yaml(records).encode("utf-8"))
    for item in (item for share in shares for item in share.todo):
        stdout.print(tr("to do: {item}", item=item), markup=False)


def _options(project: Project, act_type: ActType | None, issuer: str | None,
             number: str | None, date: dt.date | None, published: str | None,
             in_force: str | None) -> ActOptions:
    """The act as the options give it, the project's defaults (`legalgen.yaml`) where they
    leave it out."""
    return ActOptions(type=act_type or project.defaults.type or _document_type(project),
                      issuer=issuer or project.defaults.issuer, number=number, date=date,
                      published=_date(published, "--published"),
                      in_force=_rule(in_force) if in_force else None)


def _document_type(project: Project) -> ActType:
    """The type of the document itself: the acts amending it are mostly of its kind."""
    return cast(ActType, next(iter(project.documents.values())).type)


def _write(path: Path, data: bytes) -> None:
    """Write the record at `path`, unless `validate` would refuse it for its size."""
    limit = max_file_size()
    if len(data) > limit:  # `validate` would refuse the record: write none
        err.print(f"error: {path}: " + tr("the record would have {size} bytes, more than the "
                                          "limit of {limit} (set {variable} to raise it, or "
                                          "record the act in parts)", size=len(data),
                                          limit=limit, variable=SIZE_VARIABLE),
                  markup=False)
        sys.exit(2)
    write_atomic(path, data)
    stdout.print(str(path), markup=False)


def _finish(result: Record | None, diagnostics: Diagnostics, folder: Path) -> None:
    print_diagnostics(diagnostics)
    if result is None or diagnostics.errors:
        sys.exit(2)
    path = record_path(folder, result.act.id)
    _write(path, record_yaml(result).encode("utf-8"))
    for item in result.todo:
        stdout.print(tr("to do: {item}", item=item), markup=False)
