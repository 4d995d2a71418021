"""Acceptance 4: malformed act texts and DOCX files, each a clean error at its line (or
paragraph), exit 2, no traceback, nothing written."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.annotate import annotate
from generator.cli import main
from generator.consolidate import consolidate
from generator.draft import draft_act
from generator.load import load_project
from generator.writers.act_txt import render_act_txt
from generator.writers.docx.version import render_docx

from .fixtureutil import FIXTURE
from .wordedit import WordEdit, w

PROJECT = load_project(FIXTURE)
ACT = next(item for item in PROJECT.acts if item.number == "512")
TEXT = render_act_txt(draft_act(PROJECT, ACT, "kk")).decode("utf-8")
LINES = TEXT.splitlines()
VERSION = consolidate(PROJECT, "kk", PROJECT.adoption_date)
DOCX = render_docx(annotate(VERSION, PROJECT))
OPTIONS = ["--act-number", "512", "--act-date", "2014-05-20", "--issuer", "government"]


def line_no(marker: str) -> int:
    return next(n for n, line in enumerate(LINES, 1) if marker in line)


def with_lines(edit) -> str:
    lines = list(LINES)
    edit(lines)
    return "\n".join(lines) + "\n"


def replaced(marker: str, new: str) -> str:
    return with_lines(lambda lines: lines.__setitem__(line_no(marker) - 1, new))


def dropped(marker: str) -> str:
    return with_lines(lambda lines: lines.pop(line_no(marker) - 1))


# (name, the act's text, the line of the error)
ACT_CASES = [
    ("empty", "", 1),
    ("plain prose", "Бұл акт емес.\nМүлдем.\n", 1),
    ("no formula", dropped("ҚАУЛЫ ЕТЕДІ"), 1),
    ("formula of another issuer garbled", replaced("ҚАУЛЫ ЕТЕДІ",
                                                   "Қазақстан Республикасының Үкіметі ШЕШТІ:"), 1),
    ("point 1 of another act", replaced("1. «Шиелі", "1. Басқа қаулыға өзгерістер енгізілсін:"),
     line_no("1. «Шиелі")),
    ("unknown instruction form", replaced("1) 3-тармақ", "1) 3-тармақ қайта жазылсын:"),
     line_no("1) 3-тармақ")),
    ("unknown unit", replaced("1) 3-тармақ", "1) 99-тармақ мынадай редакцияда жазылсын:"),
     line_no("1) 3-тармақ")),
    ("unknown group", replaced("2-бөлімде:", "9-бөлімде:"), line_no("2-бөлімде:")),
    ("line without a colon", replaced("2-бөлімде:", "2-бөлімде"), line_no("2-бөлімде:")),
    ("wording missing", dropped("«3. Қызылорда"), line_no("«3. Қызылорда")),
    ("wording never closed", replaced("«2-1) жылумен", "«2-1) жылумен жабдықтау;"),
     line_no("«2-1) жылумен")),
    ("numbering skips", replaced("4) «15", "7) «15 пайызға» деген сөздер «20 пайызға» деген "
                                 "сөздермен ауыстырылсын;"), line_no("4) «15")),
    ("amendment under no unit", with_lines(lambda lines: lines.insert(
        line_no("1) 3-тармақ") - 1, "1) «а» деген сөз «б» деген сөзбен ауыстырылсын;")),
     line_no("1) 3-тармақ")),
    ("no point 2", "\n".join(LINES[:line_no("2. Осы")-1]) + "\n", line_no("2. Осы") - 1),
    ("entry into force unknown", replaced("2. Осы", "2. Осы қаулы ертең күшіне енеді."),
     line_no("2. Осы")),
    ("exception unknown", replaced("2. Осы", LINES[line_no("2. Осы") - 1] + " Басқасы."),
     line_no("2. Осы")),
    ("amendment of words not in the unit's text", replaced(
        "2) екінші", "2) екінші абзацта «жоқ сөз» деген сөздер «басқа» деген сөздермен "
                     "ауыстырылсын;"), 0),
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["record", "--root", str(FIXTURE), *args,
                                       "--out", "/nonexistent-out"])
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize(("name", "text", "line"), ACT_CASES, ids=[c[0] for c in ACT_CASES])
def test_malformed_act_texts(name, text, line, tmp_path):
    path = tmp_path / "act-kk.txt"
    path.write_text(text, encoding="utf-8")
    code, stderr = run("--from-act", str(path), *OPTIONS)
    assert code == 2
    assert "Traceback" not in stderr
    errors = re.findall(rf"^{re.escape(str(path))}:(\d+):(\d+): error: .+$", stderr, re.M)
    assert errors, stderr
    if line:
        assert int(errors[0][0]) == line, stderr


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _docx_with(name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as archive:
        files = {item: archive.read(item) for item in archive.namelist()}
    files[name] = data
    return _zip(files)


def _untracked_change() -> bytes:
    """A unit's text changed without Track Changes: it no longer matches its version."""
    edit = WordEdit(DOCX)
    paragraph = edit.bookmarked("para_3")
    for t in paragraph.iter(w("t")):
        if "тоқсан" in (t.text or "") or "жарты" in (t.text or ""):
            t.text = "Басқа мәтін " + t.text
            break
    edit.replace_in_run(edit.bookmarked("para_4"), "бақылау", "қадағалау")
    return edit.bytes()


def _paragraph_of(data: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = __import__("lxml.etree").etree.fromstring(archive.read("word/document.xml"))
    paragraphs = list(root.iter(w("p")))
    start = root.find(f".//{w('bookmarkStart')}[@{w('name')}='{name}']")
    return paragraphs.index(start.getparent()) + 1


DOCX_CASES = [
    ("text file", b"not a word document", 1),
    ("zip without a document", _zip({"readme.txt": b"x"}), 1),
    ("broken XML", _docx_with("word/document.xml", b"<w:document><w:body>\n<w:p>"), 0),
    ("no tracked change", DOCX, 1),
    ("language of no project", _docx_with("docProps/core.xml", DOCX_CORE := (
        b'<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
        b'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b'<dc:language>en-US</dc:language></cp:coreProperties>')), 1),
    ("text changed without tracking", _untracked_change(), -1),
]


@pytest.mark.parametrize(("name", "data", "paragraph"), DOCX_CASES,
                         ids=[c[0] for c in DOCX_CASES])
def test_malformed_docx_files(name, data, paragraph, tmp_path):
    path = tmp_path / "edited.docx"
    path.write_bytes(data)
    code, stderr = run("--from-docx", str(path), *OPTIONS)
    assert code == 2
    assert "Traceback" not in stderr
    errors = re.findall(rf"^{re.escape(str(path))}:(\d+):(\d+): error: .+$", stderr, re.M)
    assert errors, stderr
    if paragraph == -1:
        assert int(errors[0][0]) == _paragraph_of(data, "para_3"), stderr
    elif paragraph:
        assert int(errors[0][0]) == paragraph, stderr


def test_two_documents_of_one_language(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    first.write_bytes(DOCX)
    second.write_bytes(DOCX)
    code, stderr = run("--from-docx", str(first), "--from-docx", str(second), *OPTIONS)
    assert code == 2
    assert f"{second}:1:1: error: a second kk document" in stderr


def test_the_corpus_holds_at_least_twenty_malformed_files():
    assert len(ACT_CASES) + len(DOCX_CASES) + 1 >= 20
    assert Path(__file__).name
