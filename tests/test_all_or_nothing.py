"""All or nothing across file systems (build/staging.py): outputs are staged on `--out`'s own
file system and moved by renaming only; a full disk or a kill in the middle of the moves leaves
one whole version, never a mix; SIGTERM removes the staging folder.

The file systems are tmpfs mounts made in the test's folder (the tests run as root; a machine
where `mount` is refused skips them, saying so)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import staging
from generator.cli import main
from tests.fixtureutil import FIXTURE, copy_fixture, edit, files_under

FORMATS = ["--format", "html", "--as-of", "all"]
EDIT = ("шаралар қабылдасын.", "шаралар дереу қабылдасын.")


def build(root: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--root", str(root), "--out", str(out),
                                     *FORMATS, "--jobs", "1", *args])


@contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"this machine refuses to mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def two_versions(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A project whose outputs are about to change in every version (a word of paragraph 4,
    which No 1310 amends): the project after the edit, and the outputs before and after it,
    built apart."""
    root = copy_fixture(tmp_path)
    before = tmp_path / "before"
    assert build(root, before).exit_code == 0
    edit(root / "content/kk/01-resolution.yaml", *EDIT)
    after = tmp_path / "after"
    assert build(root, after).exit_code == 0
    old, new = files_under(before), files_under(after)
    assert old.keys() == new.keys() and sum(old[n] != new[n] for n in old) > 2
    return root, old, new


def one_whole_version(out: Path, *versions: dict[str, bytes]) -> dict[str, bytes]:
    found = files_under(out)
    assert any(found == version for version in versions), "a mix of two versions"
    return found


def fill(disk: Path) -> None:
    """Take every free byte of the file system of `disk`."""
    with (disk / "filler").open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_out_as_a_mount_point_is_staged_on_its_own_file_system(tmp_path, monkeypatch):
    renames: list[tuple[Path, Path]] = []
    monkeypatch.setattr(staging, "_rename", lambda source, target: (
        renames.append((Path(source), Path(target))), os.replace(source, target)))
    with tmpfs(tmp_path / "disk", "8m") as out:
        assert build(FIXTURE, out).exit_code == 0  # out exists: it is a mount point
        assert renames and all(source.is_relative_to(out / ".cache" / "staging")
                               for source, _ in renames)
        assert files_under(out) == files_under(_fresh(tmp_path))
        assert not list((out / ".cache" / "staging").iterdir())


def _fresh(tmp_path: Path) -> Path:
    out = tmp_path / "fresh"
    assert build(FIXTURE, out).exit_code == 0
    return out


def test_a_disk_full_before_the_moves_changes_nothing(tmp_path, monkeypatch):
    root, old, _ = two_versions(tmp_path)
    with tmpfs(tmp_path / "disk", "4m") as disk:
        out = disk / "out"
        _copy(old, out)
        publish = staging.publish
        monkeypatch.setattr(staging, "publish",
                            lambda stage, target: (fill(disk), publish(stage, target)))
        result = build(root, out)
        assert result.exit_code == 3 and "No space left on device" in result.output
        assert one_whole_version(out, old) == old
        assert not list((out / ".cache" / "staging").iterdir())


def test_a_disk_filled_in_the_middle_of_the_moves_leaves_the_new_version_whole(tmp_path,
                                                                                monkeypatch):
    root, old, new = two_versions(tmp_path)
    with tmpfs(tmp_path / "disk", "4m") as disk:
        out = disk / "out"
        _copy(old, out)
        moved = []

        def rename_then_fill(source: Path, target: Path) -> None:
            os.replace(source, target)
            moved.append(target)
            if len(moved) == 2:
                fill(disk)

        monkeypatch.setattr(staging, "_rename", rename_then_fill)
        result = build(root, out)
        assert len(moved) > 2, "the disk filled between the moves"
        assert result.exit_code == 0, result.output
        assert one_whole_version(out, old, new) == new


def _copy(outputs: dict[str, bytes], out: Path) -> None:
    for name, data in outputs.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)


# A build that kills itself (SIGKILL: nothing of it runs after) after the Nth rename.
KILLED_AFTER = """
import os, signal, sys
from generator.build import staging
done, limit = [], int(sys.argv[1])
def rename(source, target):
    os.replace(source, target)
    done.append(target)
    if len(done) == limit:
        os.kill(os.getpid(), signal.SIGKILL)
staging._rename = rename
from generator.cli import main
sys.argv = ["legalgen", *sys.argv[2:]]
main()
"""


def test_a_kill_between_two_renames_then_a_no_op_run_leaves_one_whole_version(tmp_path):
    root, old, new = two_versions(tmp_path)
    out = tmp_path / "out"
    _copy(old, out)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER, "3", "build", "--root", str(root), "--out",
         str(out), *FORMATS, "--jobs", "1"], capture_output=True, text=True, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    mixed = files_under(out)
    assert mixed != old and mixed != new, "killed in the middle of the moves"
    assert list((out / ".cache" / "staging").glob("*/journal.json")), "the journal stays"
    # The next run, with nothing to render, first completes the moves the journal lists.
    again = build(root, out)
    assert again.exit_code == 0, again.output
    assert one_whole_version(out, old, new) == new
    assert not list((out / ".cache" / "staging").iterdir())


@pytest.mark.full  # renders the PDFs of every version, which keeps it building long enough
def test_sigterm_removes_the_staging_folder_and_changes_nothing(tmp_path):
    out = tmp_path / "out"
    _copy({"kk/2016-01-01/district-2014-2018.html": b"the last good output"}, out)
    before = files_under(out)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--root", str(FIXTURE), "--out", str(out),
         "--format", "pdf", "--as-of", "all", "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    staged = out / ".cache" / "staging"
    deadline = time.monotonic() + 60
    while not (staged.is_dir() and list(staged.iterdir())) and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.05)
    assert list(staged.iterdir()), "the build staged its outputs"
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 128 + signal.SIGTERM
    assert not list(staged.iterdir()), "the staging folder is removed"
    assert files_under(out) == before


def test_a_folder_on_another_file_system_is_refused_before_anything_moves(tmp_path):
    out = tmp_path / "out"
    _copy({"ru/2016-01-01/district-2014-2018.html": b"the last good output"}, out)
    with tmpfs(out / "kk", "1m"):
        before = files_under(out)
        result = build(FIXTURE, out)
        assert result.exit_code == 3, result.output
        assert "another file system" in result.output and str(out / "kk") in result.output
        assert files_under(out) == before
