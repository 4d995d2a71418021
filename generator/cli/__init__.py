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
from .outline_cmd import outline
from .record_cmd import record
from .validate_cmd import validate
from .versions_cmd import versions


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Consolidated versions of a legal programme, with generated amendment notes."""


for command in (validate, outline, versions, build, diff, act, record):
    main.add_command(command)


if __name__ == "__main__":
    main()
