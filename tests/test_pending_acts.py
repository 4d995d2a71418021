"""Acts signed and not yet in force, where a drafter and a reviewer look: `versions` lists them,
the latest version's notice names them, and the projection — `build --as-of projected`, `diff
--from latest --to projected` — shows the text once they take effect, marked as a projection on
every page and in the file name."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.lang import language

from .fixtureutil import FIXTURE
from .recordutil import command

TODAY = dt.date.today()
POINT = "att_1__sec_3__subsec_2__point_1"
# Signed ten days ago, not published: its in-force day is not known yet.
UNPUBLISHED = TODAY - dt.timedelta(days=10)
# Signed five days ago, published yesterday, in force when 60 days from its publication have
# passed (on the 61st day after it): a version to come.
PUBLISHED = TODAY - dt.timedelta(days=5)
IN_FORCE = TODAY - dt.timedelta(days=1) + dt.timedelta(days=61)
TITLE = ('    kk: "Қазақстан Республикасы Үкіметінің 2014 жылғы 10 ақпандағы № 95 қаулысына '
         'өзгеріс енгізу туралы"\n'
         '    ru: "О внесении изменения в постановление Правительства Республики Казахстан от '
         '10 февраля 2014 года № 95"\n')


def record(number: str, signed: dt.date, rule: str, find: tuple[str, str],
           replace: tuple[str, str], target: str) -> str:
    return (f"act:\n  type: resolution\n  issuer: government\n  number: \"{number}\"\n"
            f"  date: {signed.isoformat()}\n{rule}  title:\n{TITLE}"
            f"changes:\n  - target: {target}\n    action: amend\n    edits:\n"
            f"      - find: {{kk: \"{find[0]}\", ru: \"{find[1]}\"}}\n"
            f"        replace: {{kk: \"{replace[0]}\", ru: \"{replace[1]}\"}}\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The fixture without its repeal, with an act not yet published and one published and in
    force in two months."""
    root = tmp_path_factory.mktemp("pending") / "project"
    shutil.copytree(FIXTURE, root)
    (root / "amendments" / "no-1200.yaml").unlink()
    (root / "amendments" / "draft-777.yaml").write_text(record(
        "777", UNPUBLISHED, "  in_force: on_publication\n", ("2018 жылға", "к 2018 году"),
        ("2019 жылға", "к 2019 году"), POINT), encoding="utf-8")
    (root / "amendments" / "soon-888.yaml").write_text(record(
        "888", PUBLISHED, f"  published: {(TODAY - dt.timedelta(days=1)).isoformat()}\n"
        "  in_force: {after_publication_days: 60}\n", ("20 пайызға", "на 20 процентов"),
        ("25 пайызға", "на 25 процентов"), POINT), encoding="utf-8")
    return root


def run(root: Path, *args: str) -> str:
    result = command(root, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def projection(lang: str) -> str:
    return language(lang).phrase("projection")


def test_versions_lists_the_acts_signed_and_not_in_force(project):
    lang = language("ru")
    text = run(project, "versions", "--lang", "ru")
    tail = text[text.index(lang.phrase("pending_now")):]
    assert f"№ 777 — {lang.phrase('in_force_unknown')}" in tail
    assert f"№ 888 — {lang.in_force_from(IN_FORCE)}" in tail
    data = json.loads(run(project, "versions", "--json"))
    assert data["today"] == TODAY.isoformat()
    pending = {item["number"]: item for item in data["pending"]}
    assert pending["777"]["in_force"] is None and pending["777"]["rule"] == "on_publication"
    assert pending["888"]["in_force"] == IN_FORCE.isoformat()


def test_the_latest_version_notices_every_act_signed_by_today(project, tmp_path):
    run(project, "build", "--as-of", "latest", "--format", "html", "--out", str(tmp_path))
    for lang in ("kk", "ru"):
        [page] = (tmp_path / lang / IN_FORCE.isoformat()).glob("*.html")
        html = page.read_text(encoding="utf-8")
        notice = html[html.index(language(lang).phrase("pending")):]
        assert "777" in notice and language(lang).phrase("in_force_unknown") in notice


def test_as_of_today_builds_the_text_in_force_today(project, tmp_path):
    run(project, "build", "--as-of", "today", "--format", "html", "--out", str(tmp_path))
    html = (tmp_path / "ru" / TODAY.isoformat() / "district-2014-2018.html").read_text("utf-8")
    assert "к 2018 году" in html and "к 2019 году" not in html
    assert "777" in html and "888" in html  # both pending today


def _docx_text(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if re.fullmatch(part, name)]
        return "".join(archive.read(name).decode("utf-8") for name in names)


@pytest.mark.full  # the projection's PDF
def test_the_projection_shows_every_pending_act_and_says_so_on_every_page(project, tmp_path):
    run(project, "build", "--as-of", "projected", "--format", "html,docx,pdf",
        "--out", str(tmp_path))
    for lang, wording in (("kk", "2019 жылға"), ("ru", "к 2019 году")):
        folder = tmp_path / lang / "projected"
        assert sorted(path.name for path in folder.iterdir()) == [
            f"district-2014-2018-projected.{ext}" for ext in ("docx", "html", "pdf")]
        html = (folder / "district-2014-2018-projected.html").read_text("utf-8")
        assert wording in html and projection(lang) in html
        docx = folder / "district-2014-2018-projected.docx"
        assert projection(lang) in _docx_text(docx, r"word/header\d*\.xml")
        assert wording in _docx_text(docx, r"word/document\.xml")
        first_word = projection(lang).split()[0]
        pages = PdfReader(folder / "district-2014-2018-projected.pdf").pages
        assert len(pages) > 2
        for number, page in enumerate(pages, 1):
            assert first_word in page.extract_text(), f"{lang} page {number}"


def test_the_diff_to_the_projection_is_the_redline_of_the_pending_acts(project, tmp_path):
    run(project, "diff", "--from", "latest", "--to", "projected", "--format", "html,docx,json",
        "--out", str(tmp_path))
    for lang in ("kk", "ru"):
        stem = tmp_path / "diff" / lang / f"{IN_FORCE.isoformat()}__projected"
        data = json.loads(stem.with_suffix(".json").read_text("utf-8"))
        assert data["projected"] is True and data["to_heading"] == projection(lang)
        [change] = data["changes"]
        assert change["id"] == POINT
        assert [(act["number"], act["in_force"]) for act in change["acts"]] == [("777", None)]
        assert projection(lang) in stem.with_suffix(".html").read_text("utf-8")
        assert projection(lang) in _docx_text(stem.with_suffix(".docx"), r"word/header\d*\.xml")


def test_validate_consolidates_the_projection(project, tmp_path):
    broken = tmp_path / "project"
    shutil.copytree(project, broken)
    draft = broken / "amendments" / "draft-777.yaml"
    draft.write_text(draft.read_text("utf-8").replace("2018 жылға", "2099 жылға"), "utf-8")
    result = command(broken, "validate")
    assert result.returncode == 2
    assert "draft-777.yaml" in result.stderr and "'2099 жылға' (kk) not found" in result.stderr


def test_the_projection_of_a_project_without_pending_acts_is_its_latest_text(tmp_path):
    run(FIXTURE, "build", "--as-of", "projected", "--format", "html", "--out", str(tmp_path))
    html = (tmp_path / "ru" / "projected" / "district-2014-2018-projected.html").read_text("utf-8")
    assert projection("ru") in html
    assert "777" not in html and "к 2019 году" not in html
