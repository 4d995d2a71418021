"""The hostile-input corpus (tests/hostile/) through the command line: every case ends with its
exit code, a message at its place, no traceback, no hang, nothing written outside the project,
and the output folder as it was — or, for a case whose command succeeds, changed only where it
says (its `wrote` paths)."""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.fixtureutil import DOC_ID, copy_fixture
from tests.hostile.cases import CASES, KINDS, QUICK, Case

PREVIOUS = {f"{lang}/2016-01-01/{DOC_ID}.html": f"<p>the last good {lang} output</p>".encode()
            for lang in ("kk", "ru")}
# A case that has not answered by then hangs (a FIFO read, say): it fails instead.
HANG_SECONDS = 240


def previous_build(out: Path) -> None:
    for name, data in PREVIOUS.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)


def arrange(case: Case, tmp_path: Path, root: Path) -> tuple[str, list[str], dict[str, str], Path]:
    """The command, options, environment and output folder of a case, the machine set up as
    it says."""
    command, out, options, env = "build", tmp_path / "out", [], {}
    previous_build(out)
    for arg in case.args:
        how, _, value = arg.partition(":")
        if how == "cmd":
            command = value
        elif how == "env":
            name, _, setting = value.partition("=")
            env[name] = setting.format(root=root, tmp=tmp_path)
        elif how == "out":
            (tmp_path / "blocker").write_text("a file, not a folder")
            out = tmp_path / value
        elif how == "mkdir":
            (out / value).unlink(missing_ok=True)
            (out / value).mkdir(parents=True)
        elif how == "file":
            for path in sorted((out / value).rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
            (out / value).rmdir()
            (out / value).write_text("a file where the language folder goes")
        else:
            options.append(arg.format(root=root, tmp=tmp_path, out=out))
    return command, options, env, out


def command_line(command: str, root: Path, out: Path, options: list[str]) -> list[str]:
    """The whole command: each command's usual folders, then the case's own options."""
    if command == "init":
        return [command, *options]
    args = [command, "--root", str(root)]
    if command == "build":
        args += ["--out", str(out), "--format", "html,docx"]
    elif command == "act":
        args += ["--out", str(out), "--format", "txt"]
    elif command == "site":
        args += ["--out", str(out / "site"), "--no-downloads"]
    return args + options


def expected_place(case: Case, root: Path) -> str:
    needle = re.escape(case.needle)
    if case.code == 0:
        return needle
    if case.path is None:
        return rf"(?m)^(Error|error): .*{needle}"
    if case.code == 3:
        return rf"(?m)^error: .*{re.escape(case.path)}.*{needle}"
    if case.marker is None:
        return rf"(?m)^{re.escape(case.path)}(:\d+:\d+)?: (error|warning): .*{needle}"
    lines = (root / case.path).read_bytes().decode("utf-8", errors="replace").splitlines()
    numbers = [n for n, line in enumerate(lines, 1) if case.marker in line]
    assert numbers, f"{case.marker!r} is not in {case.path}"
    return rf"(?m)^{re.escape(case.path)}:{numbers[0] + case.offset}:\d+: error: .*{needle}"


def everything_under(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder` (the output store's records left out): a file's bytes, what
    anything else is."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        name = str(path.relative_to(folder))
        if ".cache" in Path(name).parts:
            continue
        if path.is_symlink():
            found[name] = f"link to {os.readlink(path)}"
        elif path.is_file():
            found[name] = path.read_bytes()
        elif not path.is_dir():
            found[name] = "special file"
    return found


def changed(before: dict[str, bytes | str], after: dict[str, bytes | str]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def test_the_corpus_covers_every_class() -> None:
    kinds = {case.kind for case in CASES}
    assert len(CASES) >= 137
    assert kinds == set(KINDS)
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_quick_tier_runs_cases_of_every_class() -> None:
    names = {case.name for case in CASES}
    assert not QUICK - names, QUICK - names
    assert {case.kind for case in CASES if case.name in QUICK} == set(KINDS)


@contextmanager
def no_hang(seconds: int) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer in {seconds} s: the command hangs")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# `make check` runs the QUICK cases, `make test` every one (tests/conftest.py's tiers).
@pytest.mark.parametrize("case", [
    pytest.param(case, id=case.name, marks=() if case.name in QUICK else pytest.mark.full)
    for case in CASES
])
def test_hostile_input_gives_a_clean_answer(tmp_path: Path, case: Case) -> None:
    root = copy_fixture(tmp_path)
    if case.warm:  # the project's cache holds the project as it was before the case broke it
        assert CliRunner().invoke(main, ["versions", "--root", str(root)]).exit_code == 0
    case.mutate(root)
    command, options, env, out = arrange(case, tmp_path, root)
    if case.prepare is not None:
        case.prepare(tmp_path, out)
    before_out, before_root = everything_under(tmp_path / "out"), everything_under(root)
    beside = sorted(os.listdir(tmp_path))
    with no_hang(HANG_SECONDS):
        result = CliRunner().invoke(main, command_line(command, root, out, options), env=env)
    output = result.output
    assert "Traceback" not in output and not isinstance(result.exception, Exception), output
    assert result.exit_code == case.code, output
    # One line a message, no empty line a progress bar left (a usage error is click's own).
    if case.code and case.path:
        assert "" not in output.rstrip("\n").split("\n"), repr(output)
    shown = case.path.format(tmp=tmp_path) if case.path else None
    assert re.search(expected_place(dataclasses.replace(case, path=shown), root), output), output
    allowed = case.wrote
    out_changes = {f"out/{name}" for name in changed(before_out,
                                                       everything_under(tmp_path / "out"))}
    root_changes = {f"project/{name}" for name in changed(before_root, everything_under(root))}
    for name in out_changes | root_changes:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in allowed), \
            f"{name} changed: {case.name} may write only {allowed or 'nothing'}\n{output}"
    for pattern in allowed:
        assert any(fnmatch.fnmatch(name, pattern) for name in out_changes | root_changes), \
            f"nothing written as {pattern}\n{output}"
    assert sorted(os.listdir(tmp_path)) == beside, "something was written beside the project"
    if case.check is not None:
        case.check(tmp_path)
