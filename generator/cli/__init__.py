"""The `legalgen` command line: one module per command, registered here.

Reads the project under `--root` through the load stage; runs the stages and the writers the
command asks for; prints diagnostics as `path:line:col: error: ...` and exits 2 on invalid input.
A command imports only what it uses: the writers' libraries load with the first output written.

The command group is the one place where a failure becomes an exit code: 2 invalid input, 3 the
machine failed us (a path that cannot be read or written, a full disk, a missing font, memory),
70 a bug — one line with the version and a hint; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Any

import click

from ..model import InputError
from ..writers.shared.errors import MachineError
from .act_cmd import act
from .build_cmd import build
from .common import EXIT_ENVIRONMENT, EXIT_INPUT, EXIT_INTERNAL, err, print_diagnostics
from .diff_cmd import diff
from .init_cmd import init
from .new_act_cmd import new_act
from .outline_cmd import outline
from .record_cmd import record
from .schema_cmd import schema
from .serve_cmd import serve
from .site_cmd import site
from .templates_cmd import templates
from .validate_cmd import validate
from .versions_cmd import versions


class _Commands(click.Group):
    """The command group, which turns every failure of a command into a clean exit."""

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
        err.print("error: out of memory; free memory or build fewer versions at once "
                  "(--as-of, --lang, --format)", markup=False)
        return EXIT_ENVIRONMENT
    err.print(f"legalgen {_version()}: internal error ({type(exc).__name__}: {exc}); this is a "
              "bug: please report it with the command you ran; --debug shows the traceback",
              markup=False)
    return EXIT_INTERNAL


def describe_os_error(exc: OSError) -> str:
    """The path (or both paths of a rename) and the system's reason."""
    reason = exc.strerror or str(exc)
    paths = [str(name) for name in (exc.filename, exc.filename2) if name is not None]
    return f"{' → '.join(paths)}: {reason}" if paths else reason


def _version() -> str:
    try:
        return package_version("legalgen")
    except PackageNotFoundError:
        return "(unknown version)"


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="legalgen", prog_name="legalgen")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def main(debug: bool) -> None:
    """Consolidated versions of a legal programme, with generated amendment notes."""


for command in (init, new_act, validate, outline, versions, build, diff, act, record,
                schema, templates, site, serve):
    main.add_command(command)


if __name__ == "__main__":
    main()
