"""What the end-to-end tests of the real content share: one build of every version and format."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The sample project the end-to-end tests run on: the repository's own, or a copy of it that a
# test grew by one act (tests/test_sample_growth.py), whose content the same tests must accept.
ROOT = Path(os.environ.get("LEGALGEN_SAMPLE_ROOT", REPO))
DOC = "monotowns-2012-2020"


@pytest.fixture(scope="session", autouse=True)
def project_cache_of_the_run(tmp_path_factory) -> None:
    """The tests' commands keep loaded projects in a folder of this run, never the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


def legalgen(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed command line on the real content, in a process of its own."""
    return subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(ROOT)],
                          capture_output=True, text=True, env=env, cwd=REPO, check=False)


def output(out: Path, lang: str, date: dt.date | str, ext: str) -> Path:
    day = date if isinstance(date, str) else date.isoformat()
    return out / lang / day / f"{DOC}.{ext}"


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> Path:
    """HTML, PDF and DOCX of every version in both languages, built once by the command line."""
    out = tmp_path_factory.mktemp("real-build")
    # A run that checks the content only (tests/test_sample_growth.py) needs the HTML alone.
    formats = os.environ.get("LEGALGEN_SAMPLE_FORMATS", "html,pdf,docx")
    result = legalgen("build", "--format", formats, "--as-of", "all", "--out", str(out),
                      "--jobs", "2")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The publication site of the real content, without downloads, built once."""
    out = tmp_path_factory.mktemp("real-site") / "site"
    result = legalgen("site", "--no-downloads", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out
