"""`legalgen import` stops at what it cannot import, names the place, exits 2 and writes
nothing: two languages whose structures differ, a note that names no act it can read, a table
that is not closed, an issuer the registry does not know."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.importutil import CORPUS, needs_corpus, run_import

# A short order in the mirrors' Markdown form, in words of its own, with the adopting act given
# on the command line (there is no meta.yaml beside it).
ORDER = """# Об утверждении Правил учета образцов

В соответствии со статьей 5 Закона Республики Казахстан «Об образцах» ПРИКАЗЫВАЮ:

1. Утвердить прилагаемые Правила учета образцов.

{note}

2. Настоящий приказ вводится в действие со дня подписания.

{table}

**Министр**

**А. Сериков**
"""
NOTE = ("> *Сноска. Пункт 1 в редакции приказа Министра юстиции РК от 01.02.2020 № 12 (вводится "
        "в действие по истечении десяти календарных дней после дня его первого официального "
        "опубликования).*")
# The same order in Kazakh.
KAZAKH = """# Үлгілерді есепке алу қағидаларын бекіту туралы

«Үлгілер туралы» Қазақстан Республикасы Заңының 5-бабына сәйкес БҰЙЫРАМЫН:

1. Қоса беріліп отырған Үлгілерді есепке алу қағидалары бекітілсін.

{note}

2. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.

**Министр**

**А. Сериков**
""".format(note="> *Ескерту. 1-тармақ жаңа редакцияда - ҚР Әділет министрінің 01.02.2020 № 12 "
                "(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
                "қолданысқа енгізіледі) бұйрығымен.*")
HEAD = ["--type", "order", "--issuer", "ministry_justice", "--number", "5",
        "--date", "2019-01-10"]


def _order(tmp_path: Path, note: str = NOTE, table: str = "") -> Path:
    path = tmp_path / "rus.md"
    path.write_text(ORDER.format(note=note, table=table), encoding="utf-8")
    return path


def _import(into: Path, text: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["import", "--ru", str(text), "--into", str(into), *HEAD])
    return result.exit_code, result.output


def test_the_short_order_imports(tmp_path):
    """The sound text, for the cases below: what breaks them is what they change."""
    code, output = _import(tmp_path / "project", _order(tmp_path))
    assert code == 0, output
    assert (tmp_path / "project" / "amendments" / "2020-02-01-12.yaml").is_file()


@needs_corpus
def test_two_languages_whose_structures_differ_name_both_places(tmp_path):
    """The publisher numbered one appendix 4 in Kazakh and 5 in Russian (ministerial/123851)."""
    assert CORPUS is not None
    source = CORPUS / "ministerial" / "123851"
    into = tmp_path / "project"
    code, output = run_import(into, kk=source / "kaz.md", ru=source / "rus.md")
    assert code == 2
    line = next(line for line in output.splitlines() if "structure differs" in line)
    assert "rus.md:667:1: error: structure differs from the" in line
    assert "appendix 5 here, appendix 4 at" in line and "kaz.md:666:1" in line
    assert not into.exists()


def test_a_note_that_names_no_act_it_can_read_stops_the_import(tmp_path):
    note = "> *Сноска. Пункт 1 в редакции приказа Министра юстиции РК.*"
    into = tmp_path / "project"
    code, output = _import(into, _order(tmp_path, note=note))
    assert code == 2
    assert "rus.md:7:1: error: unreadable note: no act" in output
    assert not into.exists()


def test_a_note_in_a_form_the_grammar_does_not_know_is_kept_as_a_todo(tmp_path):
    """Readable but unknown in form: kept verbatim with its place, as information."""
    note = ("> *Сноска. Пункт 1 пересмотрен приказом Министра юстиции РК от 01.02.2020 № 12.*")
    into = tmp_path / "project"
    code, output = _import(into, _order(tmp_path, note=note))
    assert code == 0, output
    manifest = (into / "content" / "ru" / "manifest.yaml").read_text(encoding="utf-8")
    assert "kind: note-unread" in manifest and "пересмотрен приказом" in manifest
    assert "rus.md:7:1" in manifest


def test_a_table_that_is_not_closed_stops_the_import(tmp_path):
    table = "<table>\n<tr>\n<td>1</td>\n<td>Образец</td>\n</tr>"
    into = tmp_path / "project"
    code, output = _import(into, _order(tmp_path, table=table))
    assert code == 2
    assert "rus.md:11:1: error: the table is not closed" in output
    assert not into.exists()


def test_an_issuer_the_registry_does_not_know_stops_the_import(tmp_path):
    note = NOTE.replace("Министра юстиции РК", "Министра туризма РК")
    into = tmp_path / "project"
    code, output = _import(into, _order(tmp_path, note=note))
    assert code == 2
    assert "rus.md:7:1: error: unknown issuer 'Министра туризма РК'" in output
    assert "legalgen.yaml" in output
    assert not into.exists()


def test_a_folder_of_other_files_is_no_place_for_a_project(tmp_path, monkeypatch):
    """Run where the published files lie, the import's default folder (`.`) holds them: it stops,
    says to give a folder with --into, and leaves the folder as it was."""
    text = _order(tmp_path)
    monkeypatch.chdir(tmp_path)
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["import", "--ru", text.name, *HEAD])
    assert result.exit_code == 2
    assert ".: error: the folder holds files but no project: give a new or empty folder with " \
        "`--into DIR`" in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["rus.md"]


@pytest.mark.parametrize("case", ["structure", "note", "table", "issuer"])
def test_a_failed_import_into_a_project_changes_nothing_there(tmp_path, case):
    """The project of a first language stays as it was when the other one cannot come in."""
    into = tmp_path / "project"
    code, output = _import(into, _order(tmp_path))
    assert code == 0, output
    before = {path: path.read_bytes() for path in into.rglob("*") if path.is_file()}
    broken = {
        "structure": KAZAKH.replace("2. Осы бұйрық", "3. Осы бұйрық"),
        "note": KAZAKH.replace(" 01.02.2020 № 12", ""),
        "table": KAZAKH + "\n<table>\n<tr><td>1</td></tr>\n",
        "issuer": KAZAKH.replace("Әділет министрінің", "Туризм министрінің"),
    }[case]
    other = tmp_path / "kaz.md"
    other.write_text(broken, encoding="utf-8")
    code, output = run_import(into, kk=other)
    assert code == 2, output
    assert {path: path.read_bytes() for path in into.rglob("*") if path.is_file()} == before


def test_the_other_language_comes_in_later(tmp_path):
    into = tmp_path / "project"
    assert _import(into, _order(tmp_path))[0] == 0
    other = tmp_path / "kaz.md"
    other.write_text(KAZAKH, encoding="utf-8")
    code, output = run_import(into, kk=other)
    assert code == 0, output
    record = (into / "amendments" / "2020-02-01-12.yaml").read_text(encoding="utf-8")
    assert "kk: 1-тармақ" not in record and "label: '1.'" in record
    assert (into / "content" / "kk" / "manifest.yaml").is_file()


def test_a_path_that_is_no_regular_file_stops_the_import_without_blocking(tmp_path):
    """A FIFO given for a text would block a reader that opens it: it is refused at its path."""
    fifo = tmp_path / "rus.md"
    os.mkfifo(fifo)
    into = tmp_path / "project"
    code, output = _import(into, fifo)
    assert code == 2
    errors = [line for line in output.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].endswith(
        "rus.md:1:1: error: the path is a FIFO (named pipe), not a regular file"), output
    assert not into.exists()
