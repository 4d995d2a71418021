"""`legalgen init DIR`: write a new programme that validates and builds at once."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click
import yaml
from pydantic import ValidationError

from ..build.files import write_atomic
from ..i18n import tr
from ..input import validate_model
from ..input.validation import describe_error
from ..lang import LANGUAGES, codes
from ..load import load_project
from ..load.json_schema import json_schemas
from ..load.registry import CONFIG_FILE, Issuers, builtin_issuers, unknown_issuer
from ..load.schema import ConfigIn, DocumentIn, IssuerFormsIn
from ..load.yaml_source import read_yaml
from ..model import LAST_DATE, ActType, Diagnostics, SourcePos
from ..model.charset import describe, not_xml
from . import scaffold
from .common import err, print_diagnostics, stdout

ACT_TYPES: tuple[str, ...] = ActType.__args__  # type: ignore[attr-defined]
# The example record's act is signed this long after the programme's adoption.
EXAMPLE_ACT_AFTER = dt.timedelta(days=30)


def slug(name: str) -> str:
    """A document id from a folder name: 'My Programme' → 'my-programme'."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return text or "programme"


def write_schemas(root: Path, issuers: list[str],
                  folder: str = scaffold.SCHEMAS_DIR) -> list[Path]:
    """Write the JSON Schemas into `root/folder`; `issuers` are the keys acts may name."""
    written = []
    for name, schema in json_schemas(issuers, codes()).items():
        path = root / folder / name
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


def title_options(command: Callable[..., None]) -> Callable[..., None]:
    """`--title-<code>` for every language, its default the language's example title."""
    for lang in reversed(list(LANGUAGES.values())):
        command = click.option(f"--title-{lang.code}", f"title_{lang.code}",
                               default=lang.starter.title, show_default=True,
                               help=f"The document's title in {lang.code}.")(command)
    return command


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@title_options
@click.option("--type", "act_type", type=click.Choice(ACT_TYPES), default="resolution",
              show_default=True)
@click.option("--issuer", default="government", show_default=True,
              help="A key of the registry of issuers.")
@click.option("--number", default="1", show_default=True)
@click.option("--date", "date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The adoption date, YYYY-MM-DD [default: today].")
@click.option("--id", "doc_id", default=None, help="The document id [default: from DIRECTORY].")
@click.option("--issuer-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="A YAML file of issuers the registry lacks (as under 'issuers' "
                                 f"in {CONFIG_FILE}, or a {CONFIG_FILE}), copied into the new "
                                 f"{CONFIG_FILE}.")
def init(directory: Path, act_type: str, issuer: str, number: str, date: dt.datetime | None,
         doc_id: str | None, issuer_file: Path | None, **titles: str) -> None:
    """Write a new programme in DIRECTORY: manifests, a section with a point in each language,
    an example amendment record, JSON Schemas, .gitignore and a README."""
    if directory.exists() and any(directory.iterdir()):
        err.print("error: " + tr("{directory} is not empty; init writes into a new or empty "
                                 "folder", directory=directory),
                  markup=False)
        sys.exit(2)
    added, added_yaml = _issuer_file(issuer_file) if issuer_file else ({}, "")
    issuers = builtin_issuers().with_additions(added)
    if issuer not in issuers:
        err.print(f"error: {unknown_issuer(issuer)}", markup=False)
        sys.exit(2)
    programme = scaffold.Programme(
        doc_id=doc_id or slug(directory.resolve().name),
        titles={code: titles[f"title_{code}"] for code in codes()}, act_type=act_type,
        issuer=issuer, number=number, date=(date.date() if date else dt.date.today()))
    problems = option_problems(programme)
    for problem in problems:
        err.print(f"error: {problem}", markup=False)
    if problems:
        sys.exit(2)
    write_programme(directory, programme, issuers, added_yaml)
    stdout.print(tr("wrote the programme '{doc_id}' in {directory}",
                    doc_id=programme.doc_id, directory=directory), markup=False)


def option_problems(programme: scaffold.Programme) -> list[str]:
    """What the command line gave that the programme cannot hold, each naming its option:
    checked by the input schema itself, before anything is written."""
    problems: list[str] = []
    for code, title in programme.titles.items():
        document = {"id": programme.doc_id, "type": programme.act_type,
                    "issuer": programme.issuer, "number": programme.number,
                    "date": programme.date, "title": title,
                    "signatory": {"position": "-", "name": "-"}}
        try:
            DocumentIn.model_validate(document)
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0])
                option = f"--title-{code}" if field == "title" else f"--{field}"
                problems.append(f"{option} '{document[field]}': {describe_error(error)}")
        if not title.strip():
            problems.append(tr("--title-{lang}: the title is blank", lang=code))
    texts = {f"--title-{code}": title for code, title in programme.titles.items()}
    for option, text in {**texts, "--number": programme.number}.items():
        if not_xml(text):
            problems.append(tr("{option} holds {characters}, which no document can hold",
                               option=option, characters=describe(not_xml(text))))
    if programme.date > LAST_DATE - EXAMPLE_ACT_AFTER:
        problems.append(tr("--date {date}: the example act, {days} days later, would be after "
                           "the last date legalgen knows ({last})", date=programme.date,
                           days=EXAMPLE_ACT_AFTER.days, last=LAST_DATE))
    return list(dict.fromkeys(problems))


def write_programme(directory: Path, programme: scaffold.Programme, issuers: Issuers,
                    issuers_yaml: str = "") -> None:
    """Write the programme's files into a folder beside DIRECTORY, check that they load, then
    move them in: a programme that would not load is never written. `issuers_yaml` are the
    issuers its legalgen.yaml adds to the registry."""
    files = {
        CONFIG_FILE: scaffold.config(programme, codes(), issuers_yaml),
        ".gitignore": "build/\n",
        "README.md": scaffold.readme(programme),
        f"amendments/{programme.date + EXAMPLE_ACT_AFTER}-example.yaml":
            scaffold.example_record(programme, codes()),
    }
    for lang in codes():
        files[f"content/{lang}/manifest.yaml"] = scaffold.manifest(programme, lang)
        files[f"content/{lang}/{scaffold.CONTENT_FILE}"] = scaffold.content(programme, lang)
    directory.parent.mkdir(parents=True, exist_ok=True)
    draft = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}.init-"))
    try:
        for name, text in files.items():
            write_atomic(draft / name, text.encode("utf-8"))
        write_schemas(draft, list(issuers.forms))
        load_project(draft)
        directory.mkdir(exist_ok=True)
        for entry in draft.iterdir():
            entry.rename(directory / entry.name)
    finally:
        shutil.rmtree(draft, ignore_errors=True)


def _issuer_file(path: Path) -> tuple[dict[str, dict[str, IssuerFormsIn]], str]:
    """The issuers of a file (its `issuers`, or the file itself), checked as legalgen.yaml's
    are, and their YAML; a problem is an error at its line, exit 2."""
    diagnostics = Diagnostics()
    raw = read_yaml(path, str(path), diagnostics)
    listed = raw.get("issuers", raw) if isinstance(raw, dict) else raw
    config = validate_model(ConfigIn, {"issuers": listed}, diagnostics, SourcePos(str(path), 1, 1),
                            CONFIG_FILE, codes()) if raw is not None else None
    if config is None or diagnostics.errors:
        print_diagnostics(diagnostics)
        sys.exit(2)
    data = {key: {code: forms.model_dump(exclude_none=True) for code, forms in value.items()}
            for key, value in config.issuers.items()}
    return config.issuers, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
