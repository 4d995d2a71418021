"""What the tests share: the builds of the sample, LibreOffice's conversion of its Word files, and
the two tiers of the suite.

The folders of the session fixtures below are made once per test run (`made_once`): under
pytest-xdist the first worker that asks makes one, the others wait for it and read the same files.

Tiers: `make check` runs the tests not marked `full` (`pytest -m "not full"`), `make test` runs
them all. `pytest_collection_modifyitems` marks a test `full` when it asks, directly or through
another fixture, for one of FULL_FIXTURES: the sample's PDFs and DOCX, its drafted acts in every
format and its site, LibreOffice, the browser. A test as slow without them carries
`@pytest.mark.full` by hand: one that renders the PDFs of every version of a project, or a PDF
of a 20,000-letter word, or builds and installs the package.

Workers (pytest-xdist, `--dist loadgroup`): the tests that read the sample's PDFs (each worker
parses a PDF once and keeps it, tests/pdfutil.py), those that read LibreOffice's conversions and
those that drive the browser form a group each (GROUPS), and so do the tests of a module that
share a module-scoped fixture: one worker does that work while the others run other tests. A
module whose tests share another cache marks them with an `xdist_group` of its own.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from generator.consolidate import timeline
from generator.load import load_project
from tests.sampleutil import grown_sample

REPO = Path(__file__).resolve().parent.parent
# The sample project of the repository, which the end-to-end tests read.
ROOT = REPO
DOC = "monotowns-2012-2020"

# The tests read legalgen's messages in English, whatever the machine's locale; a test of another
# language sets LEGALGEN_LANG itself (tests/test_messages.py).
os.environ["LEGALGEN_LANG"] = "en"

# Every property test draws the same examples on every run, and no example fails for the time it
# takes (a deadline, hypothesis's check of slow data) on a busy machine: the suite is
# deterministic.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("deterministic")

# A test that asks for one of these (directly or through another fixture) is in the full tier.
FULL_FIXTURES = {"real_build", "real_build_without_pdf", "real_acts", "real_site", "soffice",
                 "browser"}
# Tests that ask for a fixture on the left (the first one that applies) run on one xdist worker.
GROUPS = {"real_build": "real-build", "office_pdfs": "office", "browser": "browser"}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects and before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & FULL_FIXTURES or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.full)
        group = next((GROUPS[name] for name in GROUPS if name in used), None)
        if group is None and _uses_a_module_fixture(item):
            group = item.nodeid.split("::")[0]
        if group and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group))


def _uses_a_module_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(definitions[-1].scope == "module"
               for definitions in info.name2fixturedefs.values() if definitions)


@pytest.fixture(scope="session", autouse=True)
def user_cache_of_the_run(tmp_path_factory) -> None:
    """The tests' commands keep loaded projects and laid-out pages in a folder of this run,
    never the user's; the pytest-xdist workers share it, as a user's commands share theirs."""
    os.environ["XDG_CACHE_HOME"] = str(_run_folder(tmp_path_factory) / "user-cache")


@pytest.fixture
def own_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's cache of this test alone, for a test that counts on what one command keeps for
    the next: in the run's shared cache the other workers' commands may push it out."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def legalgen(*args: str, env: dict | None = None,
             root: Path = ROOT) -> subprocess.CompletedProcess:
    """The installed command line on the real content, in a process of its own."""
    return subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(root)],
                          capture_output=True, text=True, env=env, cwd=REPO, check=False)


@functools.cache
def sample_dates() -> tuple[dt.date, ...]:
    """The days of the sample's versions, read once per process for the modules that need them."""
    return tuple(date for date, _ in timeline(load_project(ROOT)))


def output(out: Path, lang: str, date: dt.date | str, ext: str) -> Path:
    day = date if isinstance(date, str) else date.isoformat()
    return out / lang / day / f"{DOC}.{ext}"


def build_every_version(root: Path, out: Path, formats: str) -> None:
    result = legalgen("build", "--format", formats, "--as-of", "all", "--out", str(out),
                      "--jobs", "2", root=root)
    assert result.returncode == 0, result.stderr


def _run_folder(tmp_path_factory) -> Path:
    run: Path = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run = run.parent  # the run's folder, which holds each worker's own
    return run


def made_once(tmp_path_factory, name: str, make: Callable[[Path], object]) -> Path:
    """The folder `name` of this test run, made by `make` in the first process that asks for it;
    the other pytest-xdist workers wait for it, then read the same files."""
    run = _run_folder(tmp_path_factory)
    with (run / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (run / f"{name}.done").exists():
            make(run / name)
            (run / f"{name}.done").touch()
    return run / name


@pytest.fixture(scope="session")
def workspace(tmp_path_factory) -> Path:
    """The workspace of the sample and a resolution of the corpus (tests/workspaceutil.py),
    made once per test run; skipped without the corpus."""
    from tests.workspaceutil import SECOND, corpus_document, make_workspace

    if corpus_document(SECOND) is None:
        pytest.skip("the corpus (../shared/corpus/) is not there")
    return made_once(tmp_path_factory, "workspace", make_workspace)


# --- the sample's versions -----------------------------------------------------------------------

@pytest.fixture(scope="session")
def real_html(tmp_path_factory) -> Path:
    """HTML of every version of the sample in both languages (a second to build): what the
    tests of the sample's content read in the fast tier."""
    return made_once(tmp_path_factory, "real-html",
                     lambda out: build_every_version(ROOT, out, "html"))


@pytest.fixture(scope="session")
def real_build_without_pdf(tmp_path_factory) -> Path:
    """HTML and DOCX of every version of the sample in both languages (each DOCX laid out as
    its PDF, for the page numbers of its contents: the full tier)."""
    return made_once(tmp_path_factory, "real-build",
                     lambda out: build_every_version(ROOT, out, "html,docx"))


@pytest.fixture(scope="session")
def real_build(real_build_without_pdf: Path, tmp_path_factory) -> Path:
    """Every version in HTML, PDF and DOCX: the PDFs added to the same folder, whose HTML and DOCX
    the build's cache keeps. The one full build of the sample in a test run."""
    made_once(tmp_path_factory, "real-build-pdf",
              lambda _: build_every_version(ROOT, real_build_without_pdf, "html,pdf,docx"))
    return real_build_without_pdf


# The grown copy guards how the tests are written, not the code: `make test` runs it.
@pytest.fixture(scope="session", params=["sample", pytest.param("grown", marks=pytest.mark.full)])
def sample_root(request, tmp_path_factory) -> Path:
    """The sample, then a copy of it with one more act (tests/sampleutil.py). The tests of the
    sample's content and diffs run on both: they pin what the sample's acts do, so a drafter who
    adds a valid act keeps them green."""
    if request.param == "sample":
        return ROOT
    return made_once(tmp_path_factory, "grown-sample", lambda root: grown_sample(ROOT, root))


@pytest.fixture(scope="session")
def sample_html(sample_root: Path, request, tmp_path_factory) -> Path:
    """HTML of every version of `sample_root`: the run's build of the sample, or of the copy."""
    if sample_root == ROOT:
        return request.getfixturevalue("real_html")
    return made_once(tmp_path_factory, "grown-build",
                     lambda out: build_every_version(sample_root, out, "html"))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The publication site of the real content, without downloads."""
    def make(out: Path) -> None:
        result = legalgen("site", "--no-downloads", "--out", str(out))
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "real-site", make)


# --- acts, redlines and LibreOffice -------------------------------------------------------------

@pytest.fixture(scope="session")
def real_acts(tmp_path_factory) -> Path:
    """`legalgen act` on every record of the sample: `<lang>/<record>.html|pdf|docx`."""
    def make(out: Path) -> None:
        records = sorted(f"amendments/{path.name}"
                         for path in (ROOT / "amendments").glob("*.yaml"))
        result = legalgen("act", *records, "--out", str(out))
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "real-acts", make) / "acts"


@pytest.fixture(scope="session")
def real_redlines(tmp_path_factory) -> dict[str, Path]:
    """The DOCX redline of the sample's whole history (original → latest), by language."""
    def make(out: Path) -> None:
        result = legalgen("diff", "--from", "original", "--to", "latest", "--format", "docx",
                          "--out", str(out))
        assert result.returncode == 0, result.stderr

    folders = sorted((made_once(tmp_path_factory, "real-redlines", make) / "diff").iterdir())
    redlines = {}
    for folder in folders:
        (redlines[folder.name],) = folder.glob("*.docx")
    return redlines


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's command: a test that starts LibreOffice asks for it, and so is `full`."""
    command = shutil.which("soffice")
    assert command, "LibreOffice is missing: scripts/system-deps.sh --test installs it"
    return command


@pytest.fixture(scope="session")
def office_pdfs(soffice: str, real_build_without_pdf: Path, real_acts: Path,
                real_redlines: dict[str, Path], tmp_path_factory) -> dict[Path, Path]:
    """Every Word file of the sample the tests open in LibreOffice — each version, the redlines
    of the whole history, each drafted act — converted to PDF by one LibreOffice run with a
    private profile: the PDF by the DOCX's path."""
    sources = [*sorted(real_build_without_pdf.glob("*/*/*.docx")),
               *sorted(real_acts.glob("*/*.docx")), *real_redlines.values()]
    # Numbered copies: LibreOffice names each PDF after its file, and the stems repeat.
    names = [f"{number:02d}-{source.stem}" for number, source in enumerate(sources)]

    def convert(work: Path) -> None:
        (work / "docx").mkdir(parents=True)
        for source, name in zip(sources, names, strict=True):
            shutil.copyfile(source, work / "docx" / f"{name}.docx")
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(work / "pdf"),
             *(str(work / "docx" / f"{name}.docx") for name in names)],
            capture_output=True, text=True, timeout=900, check=False)
        assert result.returncode == 0, result.stderr
        assert "Error" not in result.stdout + result.stderr, result.stdout + result.stderr

    work = made_once(tmp_path_factory, "office", convert)
    pdfs = {source: work / "pdf" / f"{name}.pdf" for source, name in zip(sources, names,
                                                                         strict=True)}
    assert all(pdf.is_file() for pdf in pdfs.values()), sorted(map(str, pdfs.values()))
    return pdfs
