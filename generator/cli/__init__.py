"""The `legalgen` command line: one module per command, registered here.

Reads the project under `--root` through the load stage; runs the stages and the writers the
command asks for; prints diagnostics as `path:line:col: error: ...` and exits 2 on invalid input.
A command imports only what it uses: the writers' libraries load with the first output written.
"""

from __future__ import annotations

import click

from .act_cmd import act
from .build_cmd import build
from .diff_cmd import diff
from .init_cmd import init
from .new_act_cmd import new_act
from .outline_cmd import outline
from .schema_cmd import schema
from .templates_cmd import templates
from .validate_cmd import validate
from .versions_cmd import versions


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="legalgen", prog_name="legalgen")
def main() -> None:
    """Consolidated versions of a legal programme, with generated amendment notes."""


for command in (init, new_act, validate, outline, versions, build, diff, act, schema,
                templates):
    main.add_command(command)


if __name__ == "__main__":
    main()
