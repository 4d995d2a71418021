"""A unit kind added through the kind table alone: a module outside legalgen registers a toy
kind of the numbered family and its word in every language, and a copy of the fixture that uses
it builds as HTML, DOCX and PDF (and drafts its amending act), each showing the unit as a unit
of its family with the notes worded by the registered words. A writer or stage that still
switched on kind names would leave it out, misplace it or fail."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import docx
import lxml.html
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.lang import LANGUAGES, register_unit_words, unregister_unit_words
from generator.model import KINDS, register_kind, unregister_kind
from generator.model.bookmarks import bookmark_name
from tests.fixtureutil import DOC_ID, copy_fixture, edit
from tests.textutil import words

# An extension as a project would write it: no file of legalgen is edited.
TOY_MODULE = '''
from generator.lang import register_unit_words
from generator.lang.ru import Noun
from generator.model import KindSpec, register_kind

CLAUSE = KindSpec("clause", "clause", "numbered", fields=("text",), required=("text",),
                  label_required=True)
register_kind(CLAUSE)
register_unit_words("clause", {"kk": "ереже",
                               "ru": Noun("оговорка", "оговорку", "оговорке", "оговоркой", "f")})
'''
UID = "att_1__sec_2__clause_7"
# The clause as adopted, at the end of section 2, and the act that amends it.
CLAUSE = {
    "kk": ("Аудан орталығы – Шиелі кентінде сумен жабдықтау желілерінің тозуы 65 пайызды "
           "құрайды, кәріз жүйесі ішінара ғана жұмыс істейді.",
           "Аудан әкімдігі бағдарламаның орындалуын жыл сайын қорытындылайды."),
    "ru": ("В районном центре – поселке Шиели износ сетей водоснабжения составляет 65 "
           "процентов, система канализации функционирует лишь частично.",
           "Акимат района ежегодно подводит итоги исполнения программы."),
}
# The words before it in every version: the end of the text it follows.
BEFORE = {"kk": "кәріз жүйесі ішінара ғана жұмыс істейді.",
          "ru": "система канализации функционирует лишь частично."}
AMENDED = {"kk": "Аудан әкімдігі бағдарламаның орындалуын тоқсан сайын қорытындылайды.",
           "ru": "Акимат района ежеквартально подводит итоги исполнения программы."}
RECORD = """act:
  type: resolution
  issuer: government
  number: "77"
  date: 2014-03-20
  in_force: on_signing
  title:
    kk: "Қазақстан Республикасы Үкіметінің № 95 қаулысына өзгеріс енгізу туралы"
    ru: "О внесении изменения в постановление Правительства Республики Казахстан № 95"
changes:
  - target: att_1__sec_2__clause_7
    action: amend
    edits:
      - find: {kk: "жыл сайын", ru: "ежегодно"}
        replace: {kk: "тоқсан сайын", ru: "ежеквартально"}
"""
# What the registered words make of the clause: its notes and the act's instruction.
NOTES = {
    "kk": "Ескерту. 7-ережеге өзгеріс енгізілді - ҚР Үкіметінің 20.03.2014 № 77 қаулысымен.",
    "ru": "Сноска. Оговорка 7 с изменениями, внесенными постановлением Правительства РК от "
          "20.03.2014 № 77.",
}
INSTRUCTIONS = {
    "kk": "7-ережеде «жыл сайын» деген сөздер «тоқсан сайын» деген сөздермен ауыстырылсын.",
    "ru": "в оговорке 7 слово «ежегодно» заменить словом «ежеквартально».",
}


def _forget_clause() -> None:
    unregister_unit_words("clause")
    unregister_kind("clause")
    sys.modules.pop("toy_clause", None)


@pytest.fixture
def clause_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    folder = tmp_path / "extension"
    folder.mkdir()
    (folder / "toy_clause.py").write_text(TOY_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    try:
        yield importlib.import_module("toy_clause")
    finally:
        _forget_clause()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture with a clause 7 closing section 2 in both languages, and an act amending it."""
    root = copy_fixture(tmp_path)
    for lang, (last_text, clause) in CLAUSE.items():
        edit(root / "content" / lang / "02-programme.yaml", f'text: "{last_text}"',
             f'text: "{last_text}"\n'
             f'          - kind: clause\n            label: "7."\n            text: "{clause}"')
    (root / "amendments" / "no-77.yaml").write_text(RECORD, encoding="utf-8")
    return root


def _run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _contains(text: str, part: str) -> bool:
    """`part` in `text` word for word, whatever lines and spaces the format set between."""
    inner, outer = words(part), words(text)
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


@pytest.mark.full  # the PDF of a version
def test_a_kind_registered_from_outside_builds_in_every_format(clause_kind, project, tmp_path):
    out = tmp_path / "build"
    _run("build", "--root", str(project), "--format", "html,docx,pdf", "--as-of", "latest",
         "--out", str(out), "--force")
    _run("act", str(project / "amendments" / "no-77.yaml"), "--root", str(project),
         "--format", "txt", "--out", str(out))
    for lang in LANGUAGES:
        [folder] = (out / lang).iterdir()
        shown = f"7. {AMENDED[lang]}"

        page = lxml.html.fromstring((folder / f"{DOC_ID}.html").read_bytes())
        [unit] = page.xpath(f'//*[@id="{UID}"]')
        # Laid out as its family: the generic unit block, label first, its note under it.
        assert unit.get("class") == "unit clause"
        assert unit.xpath('string(p[@class="text"]/span[@class="label"])') == "7."
        assert _contains(unit.xpath('string(p[@class="text"])'), shown)
        assert unit.xpath('string(p[@class="note"])') == NOTES[lang]

        document = docx.Document(str(folder / f"{DOC_ID}.docx"))
        paragraphs = document.paragraphs
        [index] = [i for i, p in enumerate(paragraphs) if p.text == shown]
        # Styled as the document's numbered paragraphs, its note under it.
        numbered = {p.style.style_id for p in paragraphs if p.text.startswith("1. ")}
        assert paragraphs[index].style.style_id in numbered
        # Word binds "№" to its number with a no-break space.
        assert paragraphs[index + 1].text.replace("\u00a0", " ") == NOTES[lang]
        assert paragraphs[index + 1].style.style_id == "EditorialNote"
        bookmarks = paragraphs[index]._p.xpath("./w:bookmarkStart/@w:name")
        assert bookmarks == [bookmark_name(UID)]

        reader = PdfReader(folder / f"{DOC_ID}.pdf")
        pdf = "\n".join(sheet.extract_text() for sheet in reader.pages)
        assert _contains(pdf, f"{BEFORE[lang]} {shown} {NOTES[lang]}")

        [act] = (out / "acts" / lang).glob("*-77.txt")
        assert _contains(act.read_text(encoding="utf-8"), INSTRUCTIONS[lang])


def test_the_registration_leaves_nothing_behind(clause_kind):
    assert KINDS["clause"].family == "numbered"
    assert all("clause" in lang.unit_words for lang in LANGUAGES.values())
    _forget_clause()
    assert "clause" not in KINDS
    assert all("clause" not in lang.unit_words for lang in LANGUAGES.values())


def test_a_kind_of_the_table_cannot_be_replaced_or_lose_its_words():
    with pytest.raises(ValueError, match="exists already"):
        register_kind(KINDS["point"])
    with pytest.raises(ValueError, match="built in"):
        unregister_kind("point")
    with pytest.raises(ValueError, match="built in"):
        unregister_unit_words("point")


def test_words_for_a_kind_are_given_in_every_language_or_refused(clause_kind):
    _forget_clause()
    with pytest.raises(ValueError, match="not in the kind table"):
        register_unit_words("clause", {"kk": "ереже", "ru": clause_kind.Noun(
            "оговорка", "оговорку", "оговорке", "оговоркой", "f")})
    register_kind(clause_kind.CLAUSE)
    with pytest.raises(ValueError, match="no ru word"):
        register_unit_words("clause", {"kk": "ереже"})
    with pytest.raises(ValueError, match="the ru word is not a Noun"):
        register_unit_words("clause", {"kk": "ереже", "ru": "оговорка"})
    assert all("clause" not in lang.unit_words for lang in LANGUAGES.values())
