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
from ..model import ActId
from . import scaffold
from .common import err, root_option, stdout
from .init_cmd import ACT_TYPES


@click.command("new-act")
@root_option
@click.option("--number", required=True, help='The act\'s number as printed: "1169", "231-V".')
@click.option("--date", "date", type=click.DateTime(["%Y-%m-%d"]), required=True,
              help="The signing date, YYYY-MM-DD.")
@click.option("--type", "act_type", type=click.Choice(ACT_TYPES), default="resolution",
              show_default=True)
@click.option("--issuer", default="government", show_default=True,
              help="A key of the registry of issuers.")
def new_act(root: Path, number: str, date: dt.datetime, act_type: str, issuer: str) -> None:
    """Write amendments/<date>-<number>.yaml: the act, and the changes to fill in."""
    path = record_path(root / "amendments", ActId(issuer, act_type, date.date(), number))
    if path.exists() or path.is_symlink():
        err.print("error: " + tr("{path} exists already", path=path), markup=False)
        sys.exit(2)
    text = scaffold.record_skeleton(act_type, issuer, number, date.date(), codes())
    write_atomic(path, text.encode("utf-8"))
    stdout.print(str(path), markup=False)
