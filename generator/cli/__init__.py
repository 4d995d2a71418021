"""The `legalgen` command line: one module per command, registered here.

Reads the project under `--root` through the load stage; runs the stages and the writers the
command asks for; prints diagnostics as `path:line:col: error: ...` and exits 2 on invalid input.
A command imports only what it uses: its module is imported when it is run (`--help` reads the
one-line helps from the table of commands), and the writers' libraries load with the first
output written.

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
from click.utils import make_default_short_help

from ..i18n import tr
from ..version import __version__

# Each command: its name, the module of this package that defines it, and the first paragraph
# of its help (what `legalgen --help` shows of it, without importing every command's module;
# tests/test_cli.py holds the two the same), in the order of --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": (
        "import_text_cmd",
        "Start a project from a published consolidated text: its units in every language given, "
        "one amendment record per act its notes name, a todo list of what the text does not show."),
    "init": (
        "init_cmd",
        "Write a new programme in DIRECTORY: manifests, a section with a point in each language, "
        "an example amendment record, JSON Schemas, .gitignore and a README."),
    "new-act": (
        "new_act_cmd",
        "Write amendments/<date>-<number>.yaml: the act, and the changes to fill in."),
    "validate": (
        "validate_cmd",
        "Check content, amendment records and the parity of the languages; print every problem."),
    "outline": ("outline_cmd", "Print the unit tree: id, kind, label, first words."),
    "versions": (
        "versions_cmd",
        "The timeline: each version date and the acts taking effect; pending acts."),
    "build": (
        "build_cmd",
        "Write every chosen version, language and format under build/; outputs whose input did not"
        " change since they were written are kept."),
    "diff": (
        "diff_cmd",
        "Compare two versions: write redlines under build/diff/ and print the changed units."),
    "act": (
        "act_cmd",
        "Draft the amending acts of RECORDS (default: every record) under build/acts/<lang>/."),
    "record": (
        "record_cmd",
        "Write the amendment record of an act from edited Word documents or from its text."),
    "schema": (
        "schema_cmd",
        "Write the JSON Schemas of content files, manifests, amendment records and legalgen.yaml, "
        "with the issuers of the registry and of legalgen.yaml."),
    "templates": (
        "templates_cmd",
        "The page templates: a file of the same name in ROOT/templates/ replaces the built-in "
        "one."),
    "site": (
        "site_cmd",
        "Write the static site: home, every version and redline, every act, search; a file whose "
        "bytes did not change is kept, a download whose version did not change is not rendered "
        "again."),
    "serve": ("serve_cmd", "Serve the site on 127.0.0.1 (Ctrl-C stops it)."),
    "docs": (
        "docs_cmd",
        "Print a page of legalgen's documentation (the record format, the issuers, the templates, "
        "the content format ...); without TOPIC, list the topics."),
}


class _Commands(click.Group):
    """The command group: imports a command's module only when that command is asked for, and
    turns every failure of a command into a clean exit."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name = COMMANDS[cmd_name][0]
        module = importlib.import_module(f"{__name__}.{module_name}")
        command: click.Command = getattr(module, module_name.removesuffix("_cmd"))
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their one-line helps, from the table: no command module imported."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, make_default_short_help(help_text, limit))
                for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

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
    # Imported here: `legalgen --help` needs neither the model nor the consoles.
    from ..model import InputError
    from ..writers.shared.errors import MachineError
    from .common import EXIT_ENVIRONMENT, EXIT_INPUT, EXIT_INTERNAL, err, print_diagnostics

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
