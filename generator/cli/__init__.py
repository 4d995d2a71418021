"""The `legalgen` command line: one module per command, registered here.

Reads the project under `--root` through the load stage; runs the stages and the writers the
command asks for; prints diagnostics as `path:line:col: error: ...` and exits 2 on invalid input.
A command imports only what it uses: its module is imported when it is run (or described by
`--help`), and the writers' libraries load with the first output written.

The command group is the one place where a failure becomes an exit code: 2 invalid input, 3 the
machine failed us (a path that cannot be read or written, a full disk, a missing font, memory),
70 a bug — one line with the version and a hint; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from ..i18n import tr
from ..model import InputError
from ..version import __version__
from ..writers.shared.errors import MachineError
from .common import EXIT_ENVIRONMENT, EXIT_INPUT, EXIT_INTERNAL, err, print_diagnostics

# Each command's name and the module of this package that defines it, in the order of --help.
COMMANDS: dict[str, str] = {
    "import": "import_text_cmd",
    "init": "init_cmd",
    "new-act": "new_act_cmd",
    "validate": "validate_cmd",
    "outline": "outline_cmd",
    "versions": "versions_cmd",
    "build": "build_cmd",
    "diff": "diff_cmd",
    "act": "act_cmd",
    "record": "record_cmd",
    "schema": "schema_cmd",
    "templates": "templates_cmd",
    "site": "site_cmd",
    "serve": "serve_cmd",
    "docs": "docs_cmd",
}

class _Commands(click.Group):
    """The command group: imports a command's module only when that command is asked for, and
    turns every failure of a command into a clean exit."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"{__name__}.{module_name}")
        command: click.Command = getattr(module, module_name.removesuffix("_cmd"))
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if ctx.params.get("debug") or os.environ.get("LEGALGEN_DEBUG"):
                raise
            sys.exit(report_failure(exc))


def report_failure(exc: BaseException) -> int:
    """Print what went wrong in one line (or the diagnostics) and give the exit code."""
    if isinstance(exc, InputError):
        print_diagnostics(exc.diagnostics)
        return EXIT_INPUT
    if isinstance(exc, MachineError):
        err.print(f"error: {exc}", markup=False)
        return EXIT_ENVIRONMENT
    if isinstance(exc, OSError):
        err.print(f"error: {describe_os_error(exc)}", markup=False)
        return EXIT_ENVIRONMENT
    if isinstance(exc, MemoryError):
        err.print("error: " + tr("out of memory; free memory or build fewer versions at once "
                                 "(--as-of, --lang, --format)"), markup=False)
        return EXIT_ENVIRONMENT
    err.print(tr("legalgen {version}: internal error ({kind}: {exc}); this is a bug: "
                 "please report it with the command you ran; --debug shows the traceback",
                 version=__version__, kind=type(exc).__name__, exc=exc),
              markup=False)
    return EXIT_INTERNAL


def describe_os_error(exc: OSError) -> str:
    """The path (or both paths of a rename) and the system's reason."""
    reason = exc.strerror or str(exc)
    paths = [str(name) for name in (exc.filename, exc.filename2) if name is not None]
    return f"{' → '.join(paths)}: {reason}" if paths else reason


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="legalgen")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def main(debug: bool) -> None:
    """Consolidated versions of a legal programme, with generated amendment notes."""


if __name__ == "__main__":
    main()
