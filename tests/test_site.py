"""`legalgen site` and the live preview's rebuilds, read without a browser (lxml).

The browser tests (tests/test_site_browser.py) click through the same site in Chromium.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.live import Preview
from generator.cli import main
from generator.consolidate import consolidate, timeline
from generator.lang import language
from generator.load import load_project
from generator.site import history
from generator.writers import Writer
from generator.writers.shared.templates import Templates
from tests.conftest import DOC, ROOT
from tests.fixtureutil import DOC_ID, FIXTURE, copy_fixture, edit, line_of
from tests.siteutil import crawl, ids, page

SUBSECTION = "att_1__sec_4__subsec_3"
ROW_10 = "att_1__sec_7__action_plan__row_10"


def site(*args: str):
    return CliRunner().invoke(main, ["site", *args])


def dates(root: Path) -> list[str]:
    result = CliRunner().invoke(main, ["versions", "--root", str(root), "--json"])
    return [entry["date"] for entry in json.loads(result.output)["versions"]]


def test_every_version_redline_and_act_has_its_page_in_both_languages(real_site):
    days = dates(ROOT)
    acts = sorted(path.stem for path in (ROOT / "amendments").glob("*.yaml"))
    for lang in ("kk", "ru"):
        folder = real_site / lang
        assert sorted(p.stem for p in folder.glob("*.html")) == sorted(
            [*days, "index", "search"])
        assert sorted(p.stem for p in (folder / "acts").glob("*.html")) == acts
        assert sorted(p.stem for p in (folder / "diff").glob("*.html")) == [
            f"{old}__{new}" for old, new in zip(days, days[1:], strict=False)]
        assert page(real_site, f"{lang}/{days[1]}.html").get("lang") == lang


def test_the_crawler_reaches_every_page_and_finds_no_broken_link_or_anchor(real_site):
    reached, broken = crawl(real_site)
    assert broken == []
    on_disk = {str(path.relative_to(real_site)) for path in real_site.rglob("*")
               if path.is_file()}
    assert reached == on_disk


def test_every_search_result_leads_to_a_unit_of_the_latest_version(real_site):
    latest = dates(ROOT)[-1]
    row_23 = {"kk": "Серіктестік бағдарламасының шараларын іске асыру",
              "ru": "Реализация мер программы партнерства"}
    for lang, words in row_23.items():
        script = (real_site / "assets" / f"search-{lang}.js").read_text(encoding="utf-8")
        index = json.loads(script.removeprefix("window.LEGALGEN_SEARCH = ").rstrip(";\n"))
        assert index["page"] == f"{latest}.html"
        anchors = ids(real_site, f"{lang}/{latest}.html")
        assert {uid for uid, _, _ in index["units"]} <= anchors
        texts = {uid: text for uid, _, text in index["units"]}
        assert words in texts["att_1__sec_7__action_plan__row_23"]
        assert ROW_10 not in texts  # excluded: the page shows its exclusion text only


def test_notes_and_exclusions_link_to_the_acts_pages(real_site):
    for lang in ("kk", "ru"):
        tree = page(real_site, f"{lang}/2014-11-16.html")
        note_links = tree.xpath(f"//*[@id='{SUBSECTION}']/p[@class='note']//a/@href")
        assert note_links == ["acts/2014-10-30-1154.html"]
        row = tree.xpath(f"//*[@id='{ROW_10}']//a[@class='act-link']/@href")
        assert row == ["acts/2014-10-30-1154.html"]
        pending = tree.xpath("//*[@id='pending']//a/@href")
        assert pending == ["acts/2014-03-31-279.html", "acts/2014-06-28-728.html"]


def test_an_acts_page_links_each_unit_it_changed_into_its_version_and_the_redline(real_site):
    tree = page(real_site, "ru/acts/2014-10-30-1154.html")
    changed = tree.xpath("//table[@class='changed-units']//a/@href")
    assert changed == [f"../2014-11-16.html#{SUBSECTION}__p_3", f"../2014-11-16.html#{ROW_10}"]
    assert tree.xpath("//p[@class='act-redline']/a/@href") == [
        "../diff/2013-11-07__2014-11-16.html"]
    drafted = " ".join(tree.xpath("//main")[0].text_content().split())
    assert "строку, порядковый номер 10, исключить" in drafted
    repeal = page(real_site, "kk/acts/2014-06-28-728.html")
    assert repeal.xpath("//table[@class='changed-units']//a/@href") == [
        f"../2015-01-01.html#{DOC}"]


def test_the_home_page_shows_the_status_the_timeline_and_the_acts(real_site):
    tree = page(real_site, "kk/index.html")
    assert tree.xpath("//p[contains(@class, 'badge')]")[0].text_content().startswith(
        "Күшін жойған")
    steps = tree.xpath("//section[@id='timeline']/ol/li")
    assert [step.xpath(".//p[@class='step-date']/a/@href")[0] for step in steps] == [
        f"{day}.html" for day in dates(ROOT)]
    assert steps[2].xpath(".//ul[@class='step-acts']//a/@href") == [
        "acts/2014-10-30-1154.html"]
    # Repealed by today: its last text is marked as the last one, never as in force.
    assert "step-final" in steps[-1].get("class")
    assert "соңғы редакция, күші жойылған" in steps[-1].text_content()
    assert "қазір қолданыста" not in tree.text_content()


def test_status_and_timeline_follow_the_day_they_are_read():
    project = load_project(FIXTURE)
    latest_day = dt.date.fromisoformat(dates(FIXTURE)[-1])
    before = project.adoption_date - dt.timedelta(days=1)
    assert history.status(project, _latest(project), before).kind == "not_yet"
    assert history.status(project, _latest(project), project.adoption_date).kind == "in_force"
    states = [step.state for step in history.steps(project, project.adoption_date)]
    assert states[0] == "current" and set(states[1:]) == {"future"}
    repeal = next(change.effective for change in project.changes if change.action == "repeal")
    assert [step.state for step in history.steps(project, repeal - dt.timedelta(days=1))][
        -2:] == ["current", "future"]
    # The fixture's last version is its repeal: from that day on, the last text is final.
    assert [step.state for step in history.steps(project, latest_day)][-1] == "final"
    pending = history.pending_acts(project, dt.date(2014, 6, 1))
    assert pending and all(day is None or day > dt.date(2014, 6, 1) for _, day in pending)


def _latest(project):
    return consolidate(project, "kk", timeline(project)[-1][0])


def test_the_version_page_switches_language_compares_and_lists_the_versions(real_site):
    tree = page(real_site, "kk/2014-11-16.html")
    assert tree.xpath("//a[@class='lang-switch']/@href") == ["../ru/2014-11-16.html"]
    assert tree.xpath("//a[@rel='prev']/@href") == ["diff/2013-11-07__2014-11-16.html"]
    assert tree.xpath("//a[@aria-current='page']/text()") == ["16.11.2014"]
    assert not tree.xpath("//a[@download]")  # built with --no-downloads


@pytest.mark.full  # the PDF and DOCX of every version of the fixture
def test_downloads_are_the_build_writers_files_rendered_once(tmp_path, monkeypatch):
    out, build = tmp_path / "site", tmp_path / "build"
    days = dates(FIXTURE)
    first = site("--root", str(FIXTURE), "--lang", "kk", "--out", str(out), "--jobs", "2")
    assert first.exit_code == 0, first.output
    files = sum(1 for path in out.rglob("*") if path.is_file() and ".cache" not in path.parts)
    assert first.stderr.splitlines()[-1] == (
        f"0 up to date, {files} written ({2 * len(days)} downloads rendered)")
    last = days[-1]
    built = CliRunner().invoke(main, ["build", "--root", str(FIXTURE), "--lang", "kk", "--format",
                                      "pdf,docx", "--as-of", last, "--out", str(build)])
    assert built.exit_code == 0, built.output
    tree = page(out, f"kk/{last}.html")
    downloads = tree.xpath("//a[@download]/@href")
    assert downloads == [f"files/{DOC_ID}-{last}.pdf", f"files/{DOC_ID}-{last}.docx"]
    for link, ext in zip(downloads, ("pdf", "docx"), strict=True):
        data = (out / "kk" / link).read_bytes()
        assert data == (build / "kk" / last / f"{DOC_ID}.{ext}").read_bytes()
    with zipfile.ZipFile(out / "kk" / downloads[1]) as docx:
        assert "word/document.xml" in docx.namelist()
    # The second run renders nothing and rewrites nothing: every writer would fail here.
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}

    def never(*args, **kwargs):
        raise AssertionError("a download was rendered again")
    monkeypatch.setattr(Writer, "render", never)
    again = site("--root", str(FIXTURE), "--lang", "kk", "--out", str(out), "--jobs", "2")
    assert again.exit_code == 0, again.output
    assert again.stderr.splitlines()[-1] == f"{files} up to date, 0 written (0 downloads rendered)"
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()} == before


def test_a_projects_templates_override_the_sites(tmp_path):
    root = copy_fixture(tmp_path)
    (root / "templates" / "site").mkdir(parents=True)
    (root / "templates" / "site" / "site.css").write_text("/* our house style */\n")
    home = (root / "templates" / "site" / "home.html.j2")
    home.write_text('{% extends "site/page.html.j2" %}{% block title %}T{% endblock %}'
                    '{% block main %}<h1>{{ a.title }} — our own home</h1>{% endblock %}\n')
    out = tmp_path / "site"
    result = site("--root", str(root), "--no-downloads", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "assets" / "site.css").read_text() == "/* our house style */\n"
    assert page(out, "ru/index.html").xpath("//h1")[0].text_content().endswith("our own home")


def test_an_invalid_project_is_reported_with_its_lines_and_writes_nothing(tmp_path):
    root = copy_fixture(tmp_path)
    record = root / "amendments" / "no-512.yaml"
    edit(record, "- target: para_3\n", "- target: no_such_unit\n")
    line = line_of(record, "no_such_unit")
    out = tmp_path / "site"
    result = site("--root", str(root), "--no-downloads", "--out", str(out))
    assert result.exit_code == 2
    assert f"amendments/no-512.yaml:{line}:" in result.output and "error:" in result.output
    assert not out.exists()


def test_the_preview_rebuilds_only_the_edited_language_and_keeps_the_last_good_text(tmp_path):
    root, out = copy_fixture(tmp_path), tmp_path / "site"
    preview = Preview(root, out, ["kk", "ru"], downloads=False)
    assert preview.refresh() and preview.errors == []
    first = dates(root)[0]
    kk_page, ru_page = out / "kk" / f"{first}.html", out / "ru" / f"{first}.html"
    before = {path: path.stat().st_mtime_ns for path in (kk_page, ru_page)}
    assert not preview.refresh()  # nothing changed, nothing rebuilt
    source = next(path for path in sorted((root / "content" / "kk").glob("*.yaml"))
                  if "text:" in path.read_text(encoding="utf-8"))
    text = source.read_text(encoding="utf-8")
    word = text.split("text:", 1)[1].split()[1].strip("\"'")
    source.write_text(text.replace(word, "ӨҢДЕЛГЕН", 1), encoding="utf-8")
    os.utime(source, ns=(before[kk_page] + 10**9, before[kk_page] + 10**9))
    assert preview.refresh() and preview.errors == []
    assert "ӨҢДЕЛГЕН" in kk_page.read_text(encoding="utf-8")
    assert ru_page.stat().st_mtime_ns == before[ru_page]
    source.write_text(text + "\n  - kind: [unclosed\n", encoding="utf-8")
    assert preview.refresh()
    relative = source.relative_to(root)
    assert preview.errors and all(": error: " in line for line in preview.errors)
    assert any(line.startswith(f"{relative}:") for line in preview.errors), preview.errors
    assert "ӨҢДЕЛГЕН" in kk_page.read_text(encoding="utf-8")  # the last good text stays


def test_the_preview_names_the_file_edited_and_puts_its_problems_first(tmp_path):
    """A Russian label changed breaks parity, which is told at the Kazakh unit: the error page
    still names the Russian file, and the problem naming it comes first."""
    root, out = copy_fixture(tmp_path), tmp_path / "site"
    preview = Preview(root, out, ["kk", "ru"], downloads=False)
    assert preview.refresh() and preview.edited == []
    source = root / "content" / "ru" / "03-section-3.yaml"
    edit(source, 'label: "1."\n            text: "Диверсификация',
         'label: "1)"\n            text: "Диверсификация')
    os.utime(source, ns=(source.stat().st_mtime_ns + 10**9,) * 2)
    assert preview.refresh()
    state = preview.state("ru/index.html")
    assert state["edited"] == ["content/ru/03-section-3.yaml"]
    assert "content/ru/03-section-3.yaml" in state["errors"][0]
    html = Templates().environment().get_template("site/errors.html.j2").render(
        lang=language("ru"), errors=state["errors"], edited=state["edited"], last_good="/")
    assert (f'{language("ru").phrase("site_edited")}: <code>content/ru/03-section-3.yaml</code>'
            in html)
