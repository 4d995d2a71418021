"""The command line on the fixture project: versions, build (HTML), outline, usage errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import lxml.html
import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from generator.annotate import annotate
from generator.cli import COMMANDS, main
from generator.cli.common import LazyConsole
from generator.consolidate import consolidate
from generator.load import load_project
from tests.fixtureutil import DOC_ID, FIXTURE, copy_fixture, edit, files_under
from tests.textutil import html_text

VERSIONS = ["2014-02-10", "2014-05-20", "2014-07-01", "2014-11-16", "2015-01-01", "2015-02-03",
            "2016-01-01"]
POINT_3 = "att_1__sec_3__subsec_2__point_3"
INSERTED = "att_1__sec_3__subsec_2__point_2__subpoint_2-1"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def build(root: Path, out: Path, *args: str) -> Result:
    return run("build", "--root", str(root), "--format", "html", "--out", str(out), *args)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = build(FIXTURE, out, "--as-of", "all")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def project():
    return load_project(FIXTURE)


def page(built: Path, lang: str, date: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built / lang / date / f"{DOC_ID}.html").read_bytes())


# --- versions ----------------------------------------------------------------------------------


def test_versions_json_lists_dates_acts_and_pending():
    result = run("versions", "--json", "--root", str(FIXTURE))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"] == DOC_ID
    entries = {entry["date"]: entry for entry in data["versions"]}
    assert list(entries) == VERSIONS
    acts = {date: [act["number"] for act in entry["acts"]] for date, entry in entries.items()}
    assert acts == {
        "2014-02-10": [], "2014-05-20": ["512"], "2014-07-01": ["512"],
        "2014-11-16": ["1020"], "2015-01-01": ["845", "1310"], "2015-02-03": ["30"],
        "2016-01-01": ["1200"],
    }
    pending = {
        date: [(act["number"], act["in_force"]) for act in entry["pending"]]
        for date, entry in entries.items()
    }
    assert pending == {
        "2014-02-10": [], "2014-05-20": [("512", "2014-07-01")], "2014-07-01": [],
        "2014-11-16": [("845", "2015-01-01")], "2015-01-01": [], "2015-02-03": [],
        "2016-01-01": [],
    }
    first = entries["2014-11-16"]["acts"][0]
    assert first == {"number": "1020", "date": "2014-10-28", "type": "resolution",
                     "issuer": "government", "file": "amendments/no-1020.yaml",
                     "name": "ҚР Үкіметінің 28.10.2014 № 1020 қаулысы",
                     "in_force": "2014-11-16", "rule": {"after_publication_days": 10},
                     "rule_text": "(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн "
                                  "өткен соң қолданысқа енгізіледі)"}


def test_versions_as_text_in_the_chosen_language():
    kk = run("versions", "--root", str(FIXTURE)).stdout.splitlines()
    assert [line.split()[0] for line in kk] == VERSIONS
    assert kk[0] == "2014-02-10  бастапқы мәтін"
    assert kk[3] == (
        "2014-11-16  ҚР Үкіметінің 28.10.2014 № 1020 қаулысы  (Қолданысқа әлі енгізілмеген "
        "өзгерістер: ҚР Үкіметінің 15.08.2014 № 845 қаулысы — 01.01.2015 бастап қолданысқа "
        "енгізіледі)"
    )
    ru = run("versions", "--root", str(FIXTURE), "--lang", "ru").stdout.splitlines()
    assert ru[0] == "2014-02-10  первоначальная редакция"
    assert ru[3] == (
        "2014-11-16  Постановление Правительства РК от 28.10.2014 № 1020  (Изменения, не "
        "вступившие в силу: Постановление Правительства РК от 15.08.2014 № 845 — вводится в "
        "действие с 01.01.2015)"
    )
    for line in kk + ru:  # no English word between the dates and the act names
        assert not re.search(r"[A-Za-z]", line[10:]), line


# --- build -------------------------------------------------------------------------------------


def test_build_writes_one_file_per_version_and_language(built):
    assert sorted(files_under(built)) == sorted(
        f"{lang}/{date}/{DOC_ID}.html" for lang in ("kk", "ru") for date in VERSIONS
    )


def pending_items(built: Path, lang: str, date: str) -> list[str]:
    return [" ".join(item.text_content().split())
            for item in page(built, lang, date).xpath("//*[@class='pending']//li")]


def test_build_of_a_date_between_versions_consolidates_on_that_date(tmp_path, project):
    """2014-09-01 lies between the versions of 2014-07-01 and 2014-11-16: the text is the one in
    force then; No 845, signed 2014-08-15 and in force 2015-01-01, is pending (No 1020 is not
    signed yet); the folder and the version line name the date itself."""
    result = build(FIXTURE, tmp_path, "--as-of", "2014-09-01")
    assert result.exit_code == 0, result.output
    assert sorted(files_under(tmp_path)) == [f"{lang}/2014-09-01/{DOC_ID}.html"
                                             for lang in ("kk", "ru")]
    assert page(tmp_path, "kk", "2014-09-01").xpath("string(//*[@class='version-line'])") == (
        "01.09.2014 күнгі жағдай бойынша редакция")
    assert page(tmp_path, "ru", "2014-09-01").xpath("string(//*[@class='version-line'])") == (
        "Редакция по состоянию на 01.09.2014")
    assert pending_items(tmp_path, "kk", "2014-09-01") == [
        "ҚР Үкіметінің 15.08.2014 № 845 (01.01.2015 бастап қолданысқа енгізіледі) қаулысы"]
    shown = html_text(tmp_path / "kk" / "2014-09-01" / f"{DOC_ID}.html")
    in_force = consolidate(project, "kk", dt.date(2014, 7, 1))
    assert " ".join(in_force.index["para_4"].text.split()) in " ".join(shown.split())


def test_an_act_without_its_publication_date_is_pending_from_its_signing(tmp_path):
    root, out = copy_fixture(tmp_path), tmp_path / "out"
    edit(root / "amendments" / "no-30.yaml", "  published: 2015-02-03\n", "")
    result = build(root, out, "--as-of", "2015-06-01")
    assert result.exit_code == 0, result.output
    assert pending_items(out, "kk", "2015-06-01") == [
        "ҚР Үкіметінің 27.01.2015 № 30 (алғашқы ресми жарияланған күнінен бастап қолданысқа "
        "енгізіледі) қаулысы — қолданысқа енгізілетін күні әлі белгісіз"]
    assert pending_items(out, "ru", "2015-06-01") == [
        "постановлением Правительства РК от 27.01.2015 № 30 (вводится в действие со дня его "
        "первого официального опубликования) — дата введения в действие пока не известна"]
    # Not before its signing.
    build(root, out, "--as-of", "2015-01-26")
    assert pending_items(out, "kk", "2015-01-26") == []
    data = json.loads(run("versions", "--json", "--root", str(root), "--lang", "ru").stdout)
    pending = {entry["date"]: [(act["number"], act["in_force"], act["rule"])
                               for act in entry["pending"]] for entry in data["versions"]}
    assert "2015-02-03" not in pending  # no version of its own: its in-force date is unknown
    assert pending["2015-01-01"] == []
    assert pending["2016-01-01"] == [("30", None, "on_publication")]
    text = run("versions", "--root", str(root), "--lang", "ru").stdout.splitlines()
    latest = next(line for line in text if line.startswith("2016-01-01"))
    assert latest.endswith("№ 30 — дата введения в действие пока не известна)")
    # Still pending today, after the last version.
    assert text[-1].endswith("№ 30 — дата введения в действие пока не известна")


@pytest.mark.parametrize(
    "args",
    [("--format", "xyz"), ("--format", "html,xyz"), ("--lang", "en"), ("--as-of", "2013-13-45"),
     ("--as-of", "2010-01-01")],
)
def test_usage_errors_write_nothing(tmp_path, args):
    out = tmp_path / "out"
    result = run("build", "--root", str(FIXTURE), "--out", str(out), *args)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert args[1].split(",")[-1] in result.output
    assert not out.exists()


def test_a_failed_build_keeps_the_last_good_output(tmp_path):
    root, out = copy_fixture(tmp_path), tmp_path / "out"
    assert build(root, out).exit_code == 0
    good = files_under(out)
    assert list(good) == [f"{lang}/2016-01-01/{DOC_ID}.html" for lang in ("kk", "ru")]
    edit(root / "amendments" / "no-30.yaml", "target: att_1__app_1__p_3", "target: att_1__app_9")
    result = build(root, out)
    assert result.exit_code == 2
    assert "amendments/no-30.yaml:" in result.stderr and "att_1__app_9" in result.stderr
    assert files_under(out) == good


# --- outline and help --------------------------------------------------------------------------


def test_outline_prints_every_unit_id(project):
    result = run("outline", "--root", str(FIXTURE), "--lang", "ru", "--as-of", "latest")
    assert result.exit_code == 0, result.output
    printed = {line.split()[0]: line for line in result.stdout.splitlines()}
    version = consolidate(project, "ru", dt.date(2016, 1, 1))
    assert set(printed) == set(version.index)
    assert printed[POINT_3].rstrip().endswith("[excluded]")
    assert "  subpoint  2-1)  реконструкция сетей теплоснабжения;" in printed[INSERTED]
    original = run("outline", "--root", str(FIXTURE))
    assert original.exit_code == 0
    assert INSERTED not in original.stdout and "[excluded]" not in original.stdout


def test_python_m_generator_help():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    for command in ("validate", "outline", "versions", "build"):
        assert command in result.stdout


def test_the_help_of_the_command_table_is_each_commands_own():
    context = click.Context(main)
    for name, (_, help_text) in COMMANDS.items():
        command = main.get_command(context, name)
        assert command is not None
        assert help_text == command.get_short_help_str(limit=10_000), name


# What a language loads beyond its words only when first needed: its drafting grammar, its
# published forms and its reader of published notes.
LANGUAGE_PARTS = re.compile(r"generator\.lang\.(?:\w+_(?:drafting|published|reading)|reading"
                            r"|published_base)")


def test_help_and_a_warm_command_import_only_what_they_use(tmp_path):
    """`--help` imports no command's module; `versions` on a cached project neither the YAML
    reader, nor the input schema, nor rich, nor babel, nor any language but the one it lists
    in, nor any language's drafting grammar, published forms or reader of notes."""
    script = ("import sys\nfrom generator.cli import main\ntry:\n    main(sys.argv[1:])\n"
              "except SystemExit:\n    pass\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))

    def imported(*args: str) -> set[str]:
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                              text=True, env=env, check=False)
        return set(done.stderr.split())

    assert not {name for name in imported("--help") if name.endswith("_cmd")}
    versions = ("versions", "--root", str(FIXTURE))
    assert "yaml" in imported(*versions), "the first run reads the YAML"
    warm = imported(*versions)
    assert "generator.cli.versions_cmd" in warm
    assert {"generator.lang", "generator.lang.kk"} <= warm
    assert not {"yaml", "generator.load.project", "generator.load.schema",
                "generator.lang.ru"} & warm
    assert not {name for name in warm if name.split(".")[0] in ("rich", "babel")
                or LANGUAGE_PARTS.fullmatch(name)}


@pytest.mark.parametrize("line", [
    "2014-02-10  ҚР Үкіметінің 07.11.2013 № 1169 қаулысы", "pending: 01.01.2015", "",
    "a :smile: b", "a:b:c", "tab\there", "carriage\rreturn", "bell\a", "[bold]x[/bold]",
    "two\nlines", "trailing  ", "\x1b[1mraw\x1b[0m"])
@pytest.mark.parametrize("options", [{}, {"markup": False}, {"markup": True}, {"markup": None}])
def test_a_line_the_console_writes_without_rich_is_the_line_rich_writes(line, options,
                                                                         monkeypatch):
    """The command line's console writes a line of plain text itself (no rich imported) as
    rich would write it, and leaves anything rich would change to rich."""
    written = {}
    for name, console in (("lazy", LazyConsole(stderr=False)),
                          ("rich", Console(highlight=False, soft_wrap=True))):
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        console.print(line, **options)
        written[name] = sys.stdout.getvalue()
    assert written["lazy"] == written["rich"]


def test_plain_lines_are_written_without_making_a_rich_console(monkeypatch):
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    console = LazyConsole(stderr=False)
    console.print("2015-01-01  ҚР Үкіметінің 31.03.2014 № 279 қаулысы", markup=False)
    assert "console" not in console.__dict__
    console.print("a :smile: b", markup=False)
    assert "console" in console.__dict__


# --- the HTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("date", ["2014-11-16", "2016-01-01"])
def test_html_structure(built, project, lang, date):
    tree = page(built, lang, date)
    assert tree.get("lang") == lang
    version = consolidate(project, lang, dt.date.fromisoformat(date))
    ids = set(tree.xpath("//@id"))
    assert set(version.index) <= ids
    toc = tree.xpath("//nav[contains(@class, 'toc')]//a/@href")
    assert {"#att_1__sec_1", "#att_1__sec_3", "#att_1__sec_4", "#att_1__app_1"} <= set(toc)
    assert all(href[1:] in ids for href in toc)
    annotated = annotate(version, project)
    shown = [" ".join(p.text_content().split()) for p in tree.xpath("//*[@class='note']")]
    expected = [note.text for notes in annotated.notes.values() for note in notes]
    assert expected and set(expected) <= set(shown)
    text = " ".join(html_text(built / lang / date / f"{DOC_ID}.html").split())
    for exclusion in annotated.exclusions.values():
        assert exclusion.text in text


def test_html_pending_notice(built):
    assert pending_items(built, "kk", "2014-11-16") == [
        "ҚР Үкіметінің 15.08.2014 № 845 (01.01.2015 бастап қолданысқа енгізіледі) қаулысы"]
    # "…изменения, внесенные:" takes the instrumental.
    assert pending_items(built, "ru", "2014-11-16") == [
        "постановлением Правительства РК от 15.08.2014 № 845 (вводится в действие с 01.01.2015)"]
    assert not page(built, "kk", "2015-01-01").xpath("//*[@class='pending']")


def test_html_repealed_version_opens_with_the_status(built):
    kk, ru = page(built, "kk", "2016-01-01"), page(built, "ru", "2016-01-01")
    assert kk.xpath("string(//*[@class='status'])") == "Күшін жойған"
    assert ru.xpath("string(//*[@class='status'])") == "Утратило силу"
    assert not page(built, "kk", "2015-02-03").xpath("//*[@class='status']")


def test_html_escapes_unit_text(tmp_path):
    root = copy_fixture(tmp_path)
    hostile = "<script>alert('x')</script> & <b>"
    for lang, old in (("kk", "Аудан орталығын абаттандыру"),
                      ("ru", "Повышение уровня благоустройства")):
        edit(root / "content" / lang / "03-section-3.yaml", old, f"{hostile} {old}")
    edit(root / "content" / "kk" / "03-section-3.yaml", 'heading: "Мақсаты"',
         'heading: "Мақсаты <i>"')
    out = tmp_path / "out"
    result = build(root, out, "--as-of", "original")
    assert result.exit_code == 0, result.output
    for lang in ("kk", "ru"):
        path = out / lang / "2014-02-10" / f"{DOC_ID}.html"
        raw = path.read_text(encoding="utf-8")
        assert "<script>" not in raw and "<b>" not in raw
        assert "&lt;script&gt;alert(" in raw
        assert hostile in html_text(path)
    assert "Мақсаты <i>" in html_text(out / "kk" / "2014-02-10" / f"{DOC_ID}.html")


def test_outputs_get_the_usual_permissions_not_private_ones(built):
    mask = os.umask(0)
    os.umask(mask)
    path = built / "kk" / VERSIONS[-1] / f"{DOC_ID}.html"
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_commands_that_write_no_pdf_or_docx_never_import_their_libraries(tmp_path):
    # fontTools may load: validate reads the PDF font's character map (a small library).
    out = str(tmp_path / "out")
    commands = [["--help"], ["versions"], ["outline"], ["validate"],
                ["diff", "--format", "html,json", "--out", out],
                ["build", "--format", "html", "--as-of", "all", "--out", out, "--jobs", "2"]]
    script = (
        "import sys\nfrom generator.cli import main\n"
        f"for args in {commands!r}:\n"
        f"    try:\n        main([*args, *(['--root', {str(FIXTURE)!r}] if args[0] != '--help' "
        "else [])])\n"
        "    except SystemExit as exc:\n        assert not exc.code, (args, exc.code)\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} "
        "& {'weasyprint', 'docx', 'lxml', 'pydyf'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
