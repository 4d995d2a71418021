"""`legalgen new-act`: write the skeleton of an amendment record for a new act."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..build.files import write_atomic
from ..i18n import tr
from ..lang import codes
from ..load.folders import record_path
from ..load.registry import act_defaults, issuers_of, project_config
from ..load.yaml_source import read_yaml
from ..model import ActId, Diagnostics
from . import scaffold
from .common import err, print_diagnostics, root_option, stdout
from .init_cmd import ACT_TYPES


@click.command("new-act")
@root_option
@click.option("--number", required=True, help='The act\'s number as printed: "1169", "231-V".')
@click.option("--date", "date", type=click.DateTime(["%Y-%m-%d"]), required=True,
              help="The signing date, YYYY-MM-DD.")
@click.option("--type", "act_type", type=click.Choice(ACT_TYPES), default=None,
              help="The act's type [default: defaults.type of legalgen.yaml, else the "
                   "document's].")
@click.option("--issuer", default=None,
              help="A key of the registry of issuers [default: defaults.issuer of "
                   "legalgen.yaml, else the document's].")
def new_act(root: Path, number: str, date: dt.datetime, act_type: str | None,
            issuer: str | None) -> None:
    """Write amendments/<date>-<number>.yaml: the act, and the changes to fill in."""
    diagnostics = Diagnostics()
    config = project_config(root, diagnostics, codes())
    defaults = act_defaults(root, config, issuers_of(config), diagnostics)
    if diagnostics.errors:
        print_diagnostics(diagnostics)
        sys.exit(2)
    document = _document(root)
    act_type = act_type or defaults.type or document.get("type") or "resolution"
    issuer = issuer or defaults.issuer or document.get("issuer") or "government"
    path = record_path(root / "amendments", ActId(issuer, act_type, date.date(), number))
    if path.exists() or path.is_symlink():
        err.print("error: " + tr("{path} exists already", path=path), markup=False)
        sys.exit(2)
    text = scaffold.record_skeleton(act_type, issuer, number, date.date(), codes(),
                                    defaults.signatory)
    write_atomic(path, text.encode("utf-8"))
    stdout.print(str(path), markup=False)


def _document(root: Path) -> dict[str, str]:
    """The type and issuer of the document, as its first manifest gives them (nothing where
    it cannot be read: `validate` says why)."""
    path = root / "content" / codes()[0] / "manifest.yaml"
    raw = read_yaml(path, str(path), Diagnostics()) if path.exists() else None
    document = raw.get("document") if isinstance(raw, dict) else None
    if not isinstance(document, dict):
        return {}
    return {key: str(document[key]) for key in ("type", "issuer") if key in document}
