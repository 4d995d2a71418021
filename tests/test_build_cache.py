"""The build cache on the fixture project (HTML): a build writes exactly the outputs whose input
changed, and what it leaves standing is byte for byte what a forced build writes."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.build import fingerprint, keys, plan, project_cache
from generator.build.engine import produce
from generator.build.executors import Executor
from generator.build.files import template_dir
from generator.build.plan import Job
from generator.build.store import CACHE_FOLDER, OutputStore
from generator.cli import main
from generator.consolidate import timeline
from generator.diff import diff_versions
from generator.draft import draft_act
from generator.load import load_project
from generator.model import Diagnostics, Project
from generator.version import __version__
from tests.fixtureutil import DOC_ID, FIXTURE, copy_fixture, edit

VERSIONS = ["2014-02-10", "2014-05-20", "2014-07-01", "2014-11-16", "2015-01-01", "2015-02-03",
            "2016-01-01"]
EVERY_OUTPUT = {f"{lang}/{date}/{DOC_ID}.html" for lang in ("kk", "ru") for date in VERSIONS}


def build(root: Path, out: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--format", "html",
                                       "--as-of", "all", "--out", str(out), "--jobs", "1", *args])
    assert result.exit_code == 0, result.output
    return result


def written(result: Result, out: Path) -> set[str]:
    """The outputs a build says it wrote; its closing line must count them and the rest."""
    names = {Path(path).relative_to(out).as_posix() for path in result.stdout.splitlines()}
    summary = result.stderr.splitlines()[-1]
    assert summary == f"{len(EVERY_OUTPUT) - len(names)} up to date, {len(names)} written"
    return names


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in EVERY_OUTPUT}


def assert_not_stale(root: Path, out: Path, tmp_path: Path) -> None:
    """Every output left standing or written equals a build from scratch."""
    fresh = tmp_path / "fresh"
    build(root, fresh, "--force")
    assert outputs(out) == outputs(fresh)


@pytest.fixture
def project(tmp_path: Path, own_user_cache: Path) -> tuple[Path, Path]:
    root, out = copy_fixture(tmp_path), tmp_path / "out"
    assert written(build(root, out), out) == EVERY_OUTPUT
    return root, out


def test_a_second_build_writes_nothing(project):
    root, out = project
    before = {name: (out / name).stat().st_mtime_ns for name in EVERY_OUTPUT}
    assert written(build(root, out), out) == set()
    assert {name: (out / name).stat().st_mtime_ns for name in EVERY_OUTPUT} == before


def test_an_up_to_date_build_makes_no_version(project, monkeypatch):
    root, out = project

    def never(*_: object) -> None:
        raise AssertionError("a version was made for outputs the store holds")

    monkeypatch.setattr(plan, "made_version", never)
    assert written(build(root, out), out) == set()
    (out / f"ru/{VERSIONS[0]}/{DOC_ID}.html").unlink()
    with pytest.raises(AssertionError, match="a version was made"):
        build(root, out)


def test_the_kept_hash_of_a_version_is_that_of_the_version_made_again(project, monkeypatch):
    root, out = project
    kept_hash = project_cache.VersionHashes.get
    compared = []

    def unknown() -> str:
        raise AssertionError("the build kept no hash of this version")

    def made_and_compared(hashes: project_cache.VersionHashes, name: str,
                          compute: Callable[[], str]) -> str:
        made = compute()
        assert kept_hash(hashes, name, unknown) == made, name
        compared.append(name)
        return made

    monkeypatch.setattr(project_cache.VersionHashes, "get", made_and_compared)
    assert written(build(root, out), out) == set()
    assert len(compared) == len(VERSIONS) * 2


def test_force_writes_everything(project):
    root, out = project
    assert written(build(root, out, "--force"), out) == EVERY_OUTPUT


def test_a_content_edit_rewrites_only_the_versions_showing_that_wording(project, tmp_path):
    root, out = project
    # Paragraph 3 as adopted stands until No 512 replaces it (20.05.2014), in Russian only here.
    edit(root / "content/ru/01-resolution.yaml", "по итогам полугодия",
         "по итогам каждого полугодия")
    assert written(build(root, out), out) == {f"ru/2014-02-10/{DOC_ID}.html"}
    assert "по итогам каждого полугодия" in (out / f"ru/2014-02-10/{DOC_ID}.html").read_text()
    assert_not_stale(root, out, tmp_path)


def test_an_edited_record_rewrites_the_versions_from_its_in_force_date(project, tmp_path):
    root, out = project
    edit(root / "amendments/no-845.yaml", 'ru: "Модернизация и развитие инженерной',
         'ru: "Модернизация, реконструкция и развитие инженерной')
    assert written(build(root, out), out) == {
        f"ru/{date}/{DOC_ID}.html" for date in ("2015-01-01", "2015-02-03", "2016-01-01")}
    assert_not_stale(root, out, tmp_path)


def test_a_changed_phrase_rewrites_every_output_of_its_language_only(project, tmp_path,
                                                                   monkeypatch):
    root, out = project
    # What an edit of generator/lang/ru.py does to the fingerprints (see the test below).
    real = keys.legalgen_fingerprint
    monkeypatch.setattr(keys, "legalgen_fingerprint",
                        lambda lang: real(lang) + ("+edited" if lang == "ru" else ""))
    assert written(build(root, out), out) == {name for name in EVERY_OUTPUT
                                              if name.startswith("ru/")}
    assert_not_stale(root, out, tmp_path)


def test_a_changed_template_rewrites_everything(project, tmp_path, monkeypatch):
    root, out = project
    templates = tmp_path / "templates"
    shutil.copytree(keys.TEMPLATES, templates,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(keys, "TEMPLATES", templates)
    assert written(build(root, out), out) == set()
    with (templates / "style.css").open("a", encoding="utf-8") as css:
        css.write("\n.ref { color: inherit; }\n")
    assert written(build(root, out), out) == EVERY_OUTPUT


def test_a_template_of_the_project_rewrites_everything_it_overrides(project, tmp_path):
    root, out = project
    own = root / "templates"
    own.mkdir()
    (own / "style.css").write_text(
        (keys.TEMPLATES / "style.css").read_text(encoding="utf-8")
        + "\n.note { font-style: italic; }\n", encoding="utf-8")
    assert written(build(root, out), out) == EVERY_OUTPUT
    assert ".note { font-style: italic; }" in (out / f"kk/2016-01-01/{DOC_ID}.html").read_text()
    assert written(build(root, out), out) == set()
    (own / "style.css").unlink()
    assert written(build(root, out), out) == EVERY_OUTPUT
    assert_not_stale(root, out, tmp_path)


def test_another_legalgen_rewrites_everything(project, monkeypatch):
    root, out = project
    monkeypatch.setattr(keys, "legalgen_fingerprint", lambda lang: "0.2.0:other-code")
    assert written(build(root, out), out) == EVERY_OUTPUT


def test_legalgen_fingerprint_is_its_version_and_its_code(tmp_path):
    package = tmp_path / "generator"
    shutil.copytree(fingerprint.PACKAGE_ROOT, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    for lang in (None, "kk", "ru"):
        assert fingerprint.legalgen_fingerprint(lang) == (
            f"{__version__}:{fingerprint.code_fingerprint(package, lang)}")
    before = {lang: fingerprint.code_fingerprint(package, lang) for lang in (None, "kk", "ru")}
    # A phrase edited in the Russian module, the version number unchanged: the Russian outputs
    # and the loaded project are no longer what this legalgen makes; the Kazakh outputs are.
    edit(package / "lang/ru.py", '"Сноска."', '"Сноска:"')
    after = {lang: fingerprint.code_fingerprint(package, lang) for lang in (None, "kk", "ru")}
    assert after["kk"] == before["kk"]
    assert after["ru"] != before["ru"] and after[None] != before[None]
    # Code every language uses.
    edit(package / "writers/html.py", "HTML writer:", "The HTML writer:")
    assert fingerprint.code_fingerprint(package, "kk") != before["kk"]


@pytest.mark.parametrize("damage", [b"", b'{"key": "', b'{"key": "0", "sha256": "1"}'],
                         ids=["empty", "truncated", "other key"])
def test_a_damaged_record_is_never_trusted(project, tmp_path, damage):
    root, out = project
    records = sorted((out / CACHE_FOLDER).rglob("*.json"))
    assert len(records) == len(EVERY_OUTPUT)
    records[0].write_bytes(damage)
    assert len(written(build(root, out), out)) == 1
    assert written(build(root, out), out) == set()


def test_an_output_changed_on_disk_is_written_again(project, tmp_path):
    root, out = project
    name = f"kk/2015-01-01/{DOC_ID}.html"
    data = (out / name).read_bytes()
    (out / name).write_bytes(data[: len(data) // 2])
    (out / f"ru/2014-02-10/{DOC_ID}.html").unlink()
    assert written(build(root, out), out) == {name, f"ru/2014-02-10/{DOC_ID}.html"}
    assert (out / name).read_bytes() == data


def test_forked_workers_write_the_same_bytes_and_records(project, tmp_path):
    root, out = project
    parallel = tmp_path / "parallel"
    build(root, parallel, "--jobs", "2")
    assert outputs(parallel) == outputs(out)
    assert written(build(root, parallel), parallel) == set()


def test_the_loaded_project_is_kept_only_for_unchanged_input(tmp_path, own_user_cache):
    root = copy_fixture(tmp_path)
    first = project_cache.load_project_cached(root)
    kept = project_cache.cache_folder() / f"{project_cache.input_key(root)}.pickle"
    assert kept.is_file()
    again = project_cache.load_project_cached(root)
    assert again.documents["ru"].units == first.documents["ru"].units
    kept.write_bytes(kept.read_bytes()[:100])  # a partial file is read from the sources again
    assert project_cache.load_project_cached(root).documents["kk"].units == first.documents[
        "kk"].units
    edit(root / "content/ru/01-resolution.yaml", "по итогам полугодия", "по итогам года")
    edited = project_cache.load_project_cached(root)
    paragraph_3 = next(unit for unit in edited.documents["ru"].units if unit.uid == "para_3")
    assert "по итогам года" in (paragraph_3.text or "")
    assert len(list(project_cache.cache_folder().glob("*.pickle"))) == 2


def _every_key(project: Project, root: Path) -> list[str]:
    """The keys of every version (the projection too), of the comparison of the first and
    the latest version and of every drafted act, in every language."""
    dates: list[dt.date | None] = [date for date, _ in timeline(project)]
    today = dt.date(2026, 1, 1)
    versions = plan.version_jobs(project, list(project.langs), [*dates, None],
                                 ["html", "docx"], template_dir(root), today)
    diffs = plan.diff_jobs([diff_versions(project, lang, dates[0], dates[-1], today)
                            for lang in project.langs], ["html", "json"], template_dir(root))
    acts = plan.act_jobs([draft_act(project, act, lang) for act in project.acts
                          for lang in project.langs], ["html", "txt"])
    return [job.key for job in versions + diffs + acts]


def test_a_project_from_its_files_and_from_the_cache_gives_the_same_keys(tmp_path,
                                                                          own_user_cache):
    """Which of a project's equal values are one object differs between a project read from its
    files and one read back from the cache (a field name shared with the code, say): the keys
    of the outputs made from them must not."""
    root = copy_fixture(tmp_path)
    from_files = project_cache.load_project_cached(root)
    from_cache = project_cache.load_project_cached(root)
    assert from_cache is not from_files and from_cache.cache_key == from_files.cache_key
    assert (from_cache.documents, from_cache.acts, from_cache.changes, from_cache.diagnostics) \
        == (from_files.documents, from_files.acts, from_files.changes, from_files.diagnostics)
    assert _every_key(from_files, root) == _every_key(from_cache, root)


def test_what_is_kept_beside_each_project_is_kept_for_as_many_projects(tmp_path,
                                                                        own_user_cache):
    """A workspace keeps a project per document, more than the cache's default: the validation
    and the versions' hashes of each are kept too."""
    documents = project_cache.KEPT + 2
    for index in range(documents):
        root = copy_fixture(tmp_path / f"document-{index}")
        (root / "amendments" / f"draft-{index}~").write_text("", encoding="utf-8")  # a new key
        loaded = project_cache.load_project_cached(root, kept=documents)
        project_cache.validated_cached(loaded, Diagnostics)
        hashes = project_cache.VersionHashes(loaded)
        hashes.get("a version", lambda: "its hash")
        hashes.save()
    kept = sorted(path.suffix for path in project_cache.cache_folder().iterdir())
    assert kept.count(".pickle") == kept.count(".validation") == kept.count(".versions") \
        == documents


def test_the_slowest_outputs_are_written_first(tmp_path):
    project = load_project(FIXTURE)
    dates = [dt.date(2014, 2, 10), dt.date(2016, 1, 1)]
    jobs = plan.version_jobs(project, ["kk", "ru"], dates, ["html", "docx", "pdf"],
                             template_dir(FIXTURE))
    planned = plan.split(jobs, OutputStore(tmp_path))
    assert planned.up_to_date == []
    assert [job.writer.format for job in planned.to_write] == (
        ["pdf"] * 4 + ["docx"] * 4 + ["html"] * 4)


@pytest.mark.parametrize("command", [["diff", "--format", "html,json"],
                                     ["act", "--format", "html,txt"]], ids=["diff", "act"])
def test_diffs_and_acts_are_written_only_when_they_change(tmp_path, command):
    root, out = copy_fixture(tmp_path), tmp_path / "out"

    def run(seed: str) -> subprocess.CompletedProcess[str]:
        # Each run hashes strings differently, as two runs of the command do.
        result = subprocess.run([sys.executable, "-m", "generator", *command, "--root", str(root),
                                 "--out", str(out)], capture_output=True, text=True,
                                env={**os.environ, "PYTHONHASHSEED": seed}, check=False)
        assert result.returncode == 0, result.stderr
        return result

    first = run("1")
    paths = [line for line in first.stdout.splitlines() if line.startswith(str(out))]
    assert paths and first.stderr.splitlines()[-1] == f"0 up to date, {len(paths)} written"
    again = run("2")
    assert not [line for line in again.stdout.splitlines() if line.startswith(str(out))]
    assert again.stderr.splitlines()[-1] == f"{len(paths)} up to date, 0 written"


class Pickling:
    """An executor like a cluster's: each job travels as a pickle and renders elsewhere."""

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, bytes]]:
        for job in reversed(jobs):
            yield job, pickle.loads(pickle.dumps(job)).render()


def test_another_executor_writes_what_the_local_pool_writes(project, tmp_path):
    root, out = project
    jobs = plan.version_jobs(load_project(root), ["kk", "ru"],
                             [dt.date.fromisoformat(day) for day in VERSIONS], ["html"],
                             template_dir(root))
    other = tmp_path / "other"
    executor: Executor = Pickling()
    report = produce(jobs, OutputStore(other), executor)
    assert len(report.written) == len(EVERY_OUTPUT)
    assert outputs(other) == outputs(out)
