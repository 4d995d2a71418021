"""The package as a user installs it: a wheel in a fresh virtual environment, a new programme
made by `legalgen init` in an empty folder, then validate, build and diff there.

The wheel is built from a copy of the sources (so the checkout gains no build files; the
documentation's link `generator/docs` → `docs/` copied as a link) and
installed without its dependencies; the fresh environment reaches the dependencies already
installed for the tests through a path file. Path files in a directory added that way are not
processed, so the checkout's editable install stays out: the test checks that `generator` is
imported from the fresh environment and that no source folder is on its path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.textutil import html_text

ROOT = Path(__file__).resolve().parent.parent
# Building the wheel and a fresh environment takes half a minute: `make test` only.
pytestmark = pytest.mark.full


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, timeout=900)


def build_wheel(work: Path) -> Path:
    sources = work / "sources"
    sources.mkdir()
    # The tree as the checkout has it: `generator/docs` stays a link to `docs/`.
    shutil.copytree(ROOT / "generator", sources / "generator", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", sources / "docs", ignore=shutil.ignore_patterns("*.png"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, sources / name)
    result = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist",
                 sources, cwd=work)
    assert result.returncode == 0, result.stderr
    (wheel,) = (work / "dist").glob("legalgen-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh environment with the wheel installed."""
    work = tmp_path_factory.mktemp("packaging")
    wheel = build_wheel(work)
    fresh = work / "fresh"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    result = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q",
                 wheel, cwd=work)
    assert result.returncode == 0, result.stderr
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                    cwd=work).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return fresh / "bin"


def test_the_installed_package_runs_outside_the_checkout(installed: Path, tmp_path: Path):
    probe = run(installed / "python", "-c",
                "import generator, json, sys; print(json.dumps([generator.__file__, sys.path]))",
                cwd=tmp_path)
    location, path = json.loads(probe.stdout)
    assert Path(location).is_relative_to(installed.parent), location
    # No folder on the path holds a `generator` package but the fresh environment's own.
    holders = [entry for entry in path if entry and (Path(entry) / "generator").is_dir()]
    assert len(holders) == 1 and Path(holders[0]).is_relative_to(installed.parent), holders
    version = run(installed / "legalgen", "--version", cwd=tmp_path)
    assert version.returncode == 0 and "0.1.0" in version.stdout


def test_init_then_validate_build_and_diff_in_a_new_folder(installed: Path, tmp_path: Path):
    legalgen = installed / "legalgen"
    steps = [
        ("init", "programme", "--title-kk", "Ауданды дамыту бағдарламасы",
         "--title-ru", "Программа развития района", "--date", "2024-03-01"),
        ("validate", "--strict", "--root", "programme"),
        ("build", "--as-of", "all", "--root", "programme"),
        ("diff", "--from", "original", "--to", "latest", "--root", "programme"),
        ("templates", "--list", "--root", "programme"),
    ]
    for step in steps:
        result = run(legalgen, *step, cwd=tmp_path)
        assert result.returncode == 0, (step, result.stdout, result.stderr)
    built = tmp_path / "programme" / "build"
    for lang in ("kk", "ru"):
        for ext in ("html", "pdf", "docx"):
            for date in ("2024-03-01", "2024-03-31"):
                assert (built / lang / date / f"programme.{ext}").stat().st_size > 0
        for ext in ("html", "docx", "json"):
            assert (built / "diff" / lang / f"2024-03-01__2024-03-31.{ext}").exists()
    text = " ".join(html_text(built / "kk" / "2024-03-31" / "programme.html").split())
    assert "Ескерту. 1-тармаққа өзгеріс енгізілді - ҚР Үкіметінің 31.03.2024 № 2 қаулысымен." \
        in text


def test_the_docs_are_at_hand_in_the_installed_package(installed: Path, tmp_path: Path):
    """Acceptance: `legalgen docs record-format` prints the page from the wheel, in a folder
    far from any checkout."""
    listed = run(installed / "legalgen", "docs", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    topics = [line.split()[0] for line in listed.stdout.splitlines()]
    assert {"record-format", "issuers", "templates", "content-format"} <= set(topics)
    page = run(installed / "legalgen", "docs", "record-format", cwd=tmp_path)
    assert page.returncode == 0, page.stderr
    assert page.stdout == (ROOT / "docs" / "record-format.md").read_text(encoding="utf-8")


def test_the_installed_package_speaks_the_user_s_language(installed: Path, tmp_path: Path):
    """The compiled catalogs ship in the wheel: a broken programme's problems in Russian and
    in Kazakh, chosen by LEGALGEN_LANG or by the locale."""
    made = run(installed / "legalgen", "init", "programme", "--title-kk", "Бағдарлама",
               "--title-ru", "Программа", "--date", "2024-03-01", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (record,) = (tmp_path / "programme" / "amendments").glob("*.yaml")
    record.write_text(record.read_text(encoding="utf-8").replace(
        "issuer: government", "issuer: governmentt", 1), encoding="utf-8")
    said = {}
    for name, chosen in [("ru", {"LEGALGEN_LANG": "ru"}), ("kk", {"LEGALGEN_LANG": "kk"}),
                         ("locale", {"LEGALGEN_LANG": "", "LC_ALL": "ru_RU.UTF-8"})]:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        result = subprocess.run([str(installed / "legalgen"), "validate", "--root", "programme"],
                                cwd=tmp_path, env={**env, **chosen}, capture_output=True,
                                text=True, check=False, timeout=300)
        assert result.returncode == 2, result.stderr
        said[name] = result.stderr
    assert ": error: неизвестный орган, принявший акт, 'governmentt'" in said["ru"]
    assert ": error: актіні қабылдаған белгісіз орган 'governmentt'" in said["kk"]
    assert said["locale"] == said["ru"]
