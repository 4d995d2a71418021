"""Faults of the machine and of the program: a full disk, a read-only output folder, a killed
parent, a failing job, an internal error; every one a clean message and a defined exit code,
and the output folder as it was."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.executors import run_forked
from generator.cli import main
from generator.model import Diagnostics, InputError, SourcePos
from generator.writers.shared.errors import MachineError
from tests.fixtureutil import DOC_ID, FIXTURE, copy_fixture, edit, files_under
from tests.test_hostile import previous_build

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")


def build(root: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--root", str(root), "--out", str(out), *args])


def assert_clean_failure(result, code: int, *words: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, Exception)
    for word in words:
        assert word in result.output, result.output


# --- the catch-all -------------------------------------------------------------------------------

def _input_error() -> InputError:
    diagnostics = Diagnostics()
    diagnostics.error(SourcePos("content/kk/x.yaml", 3, 5), "bad value 'x'")
    return InputError(diagnostics)


@pytest.mark.parametrize(("raised", "code", "words"), [
    (RuntimeError("boom"), 70, ["internal error", "RuntimeError: boom", "--debug", "0.1.0"]),
    (KeyError("k"), 70, ["internal error", "KeyError"]),
    (_input_error(), 2, ["content/kk/x.yaml:3:5: error: bad value 'x'"]),
    (MachineError("no font"), 3, ["error: no font"]),
    (OSError(28, "No space left on device", "/out/x.pdf"), 3,
     ["error: /out/x.pdf: No space left on device"]),
    (PermissionError(13, "Permission denied", "/p/a.yaml"), 3, ["/p/a.yaml: Permission denied"]),
    (MemoryError(), 3, ["out of memory"]),
], ids=["bug", "key-error", "input", "machine", "disk-full", "unreadable", "memory"])
def test_the_catch_all_gives_each_failure_its_exit_code(monkeypatch, raised, code, words) -> None:
    def fail(root: Path):
        raise raised
    monkeypatch.setattr("generator.cli.common.load_project_cached", fail)
    result = CliRunner().invoke(main, ["versions", "--root", str(FIXTURE)])
    assert_clean_failure(result, code, *words)
    if code == 70:
        assert len(result.output.strip().splitlines()) == 1


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch) -> None:
    def fail(root: Path):
        raise RuntimeError("boom")
    monkeypatch.setattr("generator.cli.common.load_project_cached", fail)
    result = CliRunner().invoke(main, ["--debug", "versions", "--root", str(FIXTURE)])
    assert isinstance(result.exception, RuntimeError)


def test_an_internal_error_in_a_process_is_one_line_without_traceback(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    script = ("import sys, generator.cli.common as c\n"
              "c.load_project_cached = lambda root: 1 / 0\n"
              "from generator.cli import main\n"
              "sys.argv = ['legalgen', 'versions', '--root', sys.argv[1]]\nmain()\n")
    result = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 70
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "ZeroDivisionError" in result.stderr and "legalgen 0.1.0" in result.stderr


# --- the output side -----------------------------------------------------------------------------

def _mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                   check=True)


@ROOT_ONLY
@pytest.mark.full  # the DOCX of every version, on a disk made for the test
def test_a_full_disk_stops_the_build_and_keeps_the_last_good_outputs(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "200k")
    try:
        out = disk / "out"
        previous_build(out)
        before, beside = files_under(out), sorted(os.listdir(disk))
        result = build(FIXTURE, out, "--format", "html,docx", "--as-of", "all")
        assert_clean_failure(result, 3, "No space left on device", str(disk))
        assert files_under(out) == before
        assert sorted(os.listdir(disk)) == beside, "the staging folder is removed"
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_read_only_output_folder_is_an_environment_failure(tmp_path: Path) -> None:
    out = tmp_path / "out"
    if os.geteuid() == 0:  # root writes through permissions: make the file system read-only
        _mount_tmpfs(tmp_path / "ro", "1m")
        out = tmp_path / "ro" / "out"
    previous_build(out)
    before = files_under(out)
    try:
        if os.geteuid() == 0:
            subprocess.run(["mount", "-o", "remount,ro", str(tmp_path / "ro")], check=True)
        else:
            for folder in [out, *[p for p in out.rglob("*") if p.is_dir()]]:
                folder.chmod(0o555)
        result = build(FIXTURE, out, "--format", "html")
        reason = "read-only file system" if os.geteuid() == 0 else "cannot be written"
        assert_clean_failure(result, 3, reason)
        assert files_under(out) == before
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(tmp_path / "ro")], check=True)
        else:
            for folder in [out, *[p for p in out.rglob("*") if p.is_dir()]]:
                folder.chmod(0o755)


def _staging(folder: Path, pid: int, marked: bool = True) -> Path:
    folder.mkdir(parents=True)
    (folder / "files").mkdir()
    (folder / "files" / "half-written.pdf").write_bytes(b"%PDF")
    if marked:
        (folder / ".legalgen-staging").write_text(f"{pid}\n")
    return folder


def test_stale_staging_folders_are_removed_and_the_users_files_kept(tmp_path: Path) -> None:
    """Only what legalgen made goes: staging folders with its marker whose process is gone,
    its own temporary files under .cache/; a file of the user's shaped like one stays."""
    out = tmp_path / "out"
    previous_build(out)
    dead = 2**22 + 17  # above the kernel's default pid_max: no process has it
    stale = [_staging(tmp_path / f".out.staging-{dead}-abc", dead),
             _staging(out / ".cache" / "staging" / f"{dead}-def", dead),
             out / ".cache" / "tmp" / f".{DOC_ID}.html.{dead}.x1y2.tmp"]
    stale[2].parent.mkdir(parents=True)
    stale[2].write_bytes(b"half")
    live = _staging(tmp_path / ".out.staging-1-def", 1)  # pid 1 is always alive
    users = [_staging(tmp_path / f".out.staging-{dead}-mine", dead, marked=False),
             out / "kk" / f".{DOC_ID}.html.{dead}.x1y2.tmp", out / "ru" / ".notes.tmp"]
    for path in users[1:]:
        path.write_bytes(b"the user's")
    assert build(FIXTURE, out, "--format", "html").exit_code == 0
    assert not any(path.exists() for path in stale)
    assert live.exists() and all(path.exists() for path in users)


def test_a_no_op_run_removes_stale_staging_too(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(FIXTURE, out, "--format", "html").exit_code == 0
    stale = _staging(out / ".cache" / "staging" / "4194321-abc", 4194321)
    result = build(FIXTURE, out, "--format", "html")
    assert result.exit_code == 0 and "0 written" in result.output
    assert not stale.exists()


def _fail() -> str:
    raise _input_error()


def _sleep() -> str:
    time.sleep(60)
    return "late"


def test_a_failing_job_stops_the_others() -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        list(run_forked([_sleep, _fail, _sleep], 2))
    assert time.monotonic() - started < 20, "the sleeping job was stopped"
    assert "bad value 'x'" in str(caught.value.diagnostics.items[0])
    assert not _children(os.getpid()), "no worker is left running"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_when_the_parent_is_killed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    parent = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--root", str(FIXTURE), "--out", str(out),
         "--format", "pdf,docx", "--as-of", "all", "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        workers |= _children(parent.pid)
        time.sleep(0.05)
    assert workers, "the build started workers"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in workers), "a worker outlived its parent"
    assert not out.exists() or not files_under(out), "nothing reached the output folder"
    # The next run removes what the killed one staged.
    assert build(FIXTURE, out, "--format", "html").exit_code == 0
    assert not list(tmp_path.glob(".out.staging-*"))


# --- what validate accepts, builds ---------------------------------------------------------------

def without_the_repeal(tmp_path: Path) -> Path:
    """The fixture without its repealing act, so that changes may take effect at any date."""
    root = copy_fixture(tmp_path)
    (root / "amendments" / "no-1200.yaml").unlink()
    return root


@pytest.mark.full  # the PDF and DOCX of a version
def test_a_version_after_2107_builds_with_its_exact_date(tmp_path: Path) -> None:
    root = without_the_repeal(tmp_path)
    edit(root / "amendments/no-1310.yaml", "in_force: {date: 2015-01-01}",
         "in_force: {date: 2150-03-01}")
    out = tmp_path / "out"
    result = build(root, out, "--format", "html,pdf,docx", "--as-of", "2150-03-01")
    assert result.exit_code == 0, result.output
    docx = (out / "kk" / "2150-03-01" / f"{DOC_ID}.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        assert {item.date_time[:3] for item in package.infolist()} == {(2107, 12, 31)}
        assert b"2150-03-01T00:00:00Z" in package.read("docProps/core.xml")


@pytest.mark.full  # the PDF of the last version
def test_the_last_date_the_outputs_hold_builds(tmp_path: Path) -> None:
    root = without_the_repeal(tmp_path)
    edit(root / "amendments/no-30.yaml", "published: 2015-02-03", "published: 9997-12-31")
    edit(root / "amendments/no-30.yaml", "in_force: on_publication",
         "in_force: {after_publication_days: 365}")
    result = build(root, tmp_path / "out", "--format", "html,pdf,docx", "--as-of", "latest")
    assert result.exit_code == 0, result.output
    assert "9999-01-01" in result.output, "a year and a day after the publication"
    assert sorted(path.name for path in (tmp_path / "out").glob("*/9999-01-01/*")) == [
        f"{DOC_ID}.{ext}" for ext in ("docx", "html", "pdf") for _ in ("kk", "ru")]


@pytest.mark.full  # the PDF and DOCX of every version
def test_every_character_the_font_has_builds(tmp_path: Path) -> None:
    """The font check of validate is no looser than the PDF writer's own."""
    from generator.model.charset import not_xml
    from generator.writers.shared.fonts import font_coverage

    chars = "".join(char for char in sorted(font_coverage().characters)
                    if ord(char) > 0x20 and not not_xml(char) and char not in '"\\[]*')
    root = copy_fixture(tmp_path)
    for lang in ("kk", "ru"):
        edit(root / f"content/{lang}/01-resolution.yaml", "  - kind: signature",
             f'  - kind: text\n    text: "{chars}"\n  - kind: signature')
    validate = CliRunner().invoke(main, ["validate", "--root", str(root)])
    assert validate.exit_code == 0, validate.output
    result = build(root, tmp_path / "out", "--format", "html,pdf,docx", "--lang", "kk")
    assert result.exit_code == 0, result.output


def _killed() -> str:
    os.kill(os.getpid(), signal.SIGKILL)
    return "never"


def test_a_worker_killed_from_outside_is_a_machine_failure() -> None:
    with pytest.raises(MachineError, match="fewer --jobs"):
        list(run_forked([_killed, _sleep], 2))
    assert not _children(os.getpid()), "no worker is left running"
