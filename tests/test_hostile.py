"""The hostile-input corpus (tests/hostile/cases.py) through `legalgen build`: every case ends
with its exit code, a message at its place, no traceback, and the output folder as it was."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.fixtureutil import DOC_ID, copy_fixture, files_under
from tests.hostile.cases import CASES, Case

PREVIOUS = {f"{lang}/2016-01-01/{DOC_ID}.html": f"<p>the last good {lang} output</p>".encode()
            for lang in ("kk", "ru")}


def previous_build(out: Path) -> None:
    for name, data in PREVIOUS.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)


def arrange(case: Case, tmp_path: Path) -> tuple[str, list[str], dict[str, str], Path]:
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
            env[name] = setting
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
            options.append(arg)
    return command, options, env, out


def expected_place(case: Case, root: Path) -> str:
    needle = re.escape(case.needle)
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


def test_the_corpus_covers_every_class() -> None:
    kinds = {case.kind for case in CASES}
    assert len(CASES) >= 80
    assert kinds == {"bad YAML", "bad record", "bad content", "bad option", "environment"}
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_gives_a_clean_answer(tmp_path: Path, case: Case) -> None:
    root = copy_fixture(tmp_path)
    case.mutate(root)
    command, options, env, out = arrange(case, tmp_path)
    before_out = files_under(tmp_path / "out")
    beside = sorted(os.listdir(tmp_path))
    args = [command, "--root", str(root)]
    if command == "build":
        args += ["--out", str(out), "--format", "html,docx"]
    args += options
    result = CliRunner().invoke(main, args, env=env)
    output = result.output
    assert "Traceback" not in output and not isinstance(result.exception, Exception), output
    assert result.exit_code == case.code, output
    assert re.search(expected_place(case, root), output), output
    assert files_under(tmp_path / "out") == before_out, "the output folder changed"
    assert sorted(os.listdir(tmp_path)) == beside, "something was left beside the output"
