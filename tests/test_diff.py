"""The diff of consolidated versions: the changed units, their acts, and redlines whose accepted
and rejected texts are the two versions' texts. The tests of the real content run on the sample
and on a copy grown by one act (the `sample_root` fixture)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

import lxml.html
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.annotate import annotate
from generator.cli import main
from generator.consolidate import consolidate, timeline
from generator.diff import diff_versions, word_diff
from generator.lang import language
from generator.load import load_project
from generator.model import Change, Project, kind_spec, label_number
from generator.writers.diff_html import render_diff_html
from generator.writers.docx.redline import render_diff_docx
from generator.writers.docx.version import render_docx
from generator.writers.html import render_html

from .textutil import HIDDEN, NOT_THE_ACT, differing_passages, html_words, words

QUICK = os.environ.get("LEGALGEN_FUZZ") == "quick"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WNS = {"w": W[1:-1]}
DATE_PROPERTIES = {"created", "modified"}
# Version pairs compared on the real content: the whole history, and each amending step.
PAIRS = [("2012-05-25", "2015-01-01"), ("2013-11-07", "2014-11-16"),
         ("2014-11-16", "2015-01-01")]


def run_cli(*args: str):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def project(sample_root: Path) -> Project:
    return load_project(sample_root)


@pytest.fixture(scope="module")
def diffs(sample_root: Path, tmp_path_factory) -> Path:
    """The diffs of PAIRS in every format, written once (the versions are `sample_html`)."""
    out = tmp_path_factory.mktemp("diff")
    for old, new in PAIRS:
        result = run_cli("diff", "--root", sample_root, "--out", out, "--from", old, "--to", new)
        assert result.exit_code == 0, result.output
    return out


def diff_file(out: Path, lang: str, old: str, new: str, ext: str) -> Path:
    return out / "diff" / lang / f"{old}__{new}.{ext}"


# --- Reading the outputs back -----------------------------------------------------------------

def version_words(html: bytes) -> list[str]:
    """Words of a published version, without its table of contents and version line."""
    return html_words(html, NOT_THE_ACT)


def diff_html_words(html: bytes, keep: str) -> list[str]:
    """Words of the HTML diff taking every insertion (`keep="ins"`) or every deletion."""
    drop = "del" if keep == "ins" else "ins"
    return html_words(html, f"{HIDDEN} | //header[contains(@class, 'diff-head')] "
                            f"| //section[@id='summary'] | //*[contains(@class, 'diff-tag')] "
                            f"| //{drop}")


def docx_words(data: bytes, mode: str) -> list[str]:
    """Words of the DOCX body after accepting or rejecting every tracked change, or as it is
    (`plain`, which must then hold no tracked change)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    body = root.find(f"{W}body")
    # The summary of changes (a heading and a table) opens the body: no part of either version.
    summary = body.find(f"{W}tbl")
    for node in list(body):
        body.remove(node)
        if node is summary:
            break
    if mode == "plain":
        assert not list(body.iter(f"{W}ins", f"{W}del")), "unexpected tracked changes"
    else:
        drop = f"{W}del" if mode == "accept" else f"{W}ins"
        for row in list(body.iter(f"{W}tr")):
            properties = row.find(f"{W}trPr")
            if properties is not None and properties.find(drop) is not None:
                row.getparent().remove(row)
        for element in list(body.iter(drop)):
            # A mark in a paragraph's properties holds no text; its runs are handled here.
            if element.getparent().tag != f"{W}rPr":
                element.getparent().remove(element)
    pieces = []
    # A no-break hyphen (a number bound to its suffix) is a hyphen; a tab parts words.
    shown = {f"{W}noBreakHyphen": "-", f"{W}tab": " "}
    for node in body.iter(f"{W}t", f"{W}delText", f"{W}br", f"{W}p", *shown):
        text = node.text or "" if node.tag in (f"{W}t", f"{W}delText") else "\n"
        pieces.append(shown.get(node.tag, text))
    return words("".join(pieces))


def unattributed(diff) -> list[str]:
    """Texts of the changed lines and rows of a diff that name no act."""
    found = []
    for block in diff.blocks:
        lines = [block] if not block.is_table else [
            line for row in block.rows for cell in row.cells for line in cell.lines]
        # The pending notice is editorial: it carries no act (tested on its own).
        found += [" ".join(op.text for op in line.ops) for line in lines
                  if line.changed and not line.acts and not line.role.startswith("pending")]
        if block.is_table:
            found += [row.kind for row in block.rows if row.state != "equal" and not row.acts]
    return found


def assert_same_words(actual: list[str], expected: list[str], what: str) -> None:
    assert actual == expected, f"{what}:\n{differing_passages(expected, actual)}"


# --- Expectations derived from the amendment records -----------------------------------------

def inserted_ids(change: Change) -> list[str]:
    raw = change.content["kk"]
    ids = []
    for unit in raw if isinstance(raw, list) else [raw]:
        own = unit.get("id")
        if own is None:
            assert unit.get("label"), "an inserted unit needs a label or an id to predict its id"
            own = f"{kind_spec(unit['kind']).prefix}_{label_number(unit['label'])}"
        ids.append(f"{change.target}__{own}")
    return ids


def expected_changes(project: Project) -> dict[str, list[Change]]:
    """Each unit the records change, with its changes; a note_on host is not a target."""
    by_id: dict[str, list[Change]] = {}
    for change in project.changes:
        ids = inserted_ids(change) if change.action == "insert" else [change.target]
        for uid in ids:
            by_id.setdefault(uid, []).append(change)
    return by_id


EXPECTED_KIND = {"delete": "excluded", "insert": "added", "replace": "reworded",
                 "amend": "reworded", "repeal": "repealed"}


# --- The real content --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_original_to_latest_lists_exactly_the_amended_units(diffs, project, lang):
    for ext in ("html", "docx", "json"):
        assert diff_file(diffs, lang, *PAIRS[0], ext).stat().st_size > 0
    data = json.loads(diff_file(diffs, lang, *PAIRS[0], "json").read_text(encoding="utf-8"))
    listed = {entry["id"]: entry for entry in data["changes"]}
    expected = expected_changes(project)
    assert set(listed) == set(expected)
    assert len(listed) == len(data["changes"]), "a unit is listed twice"
    for uid, changes in expected.items():
        entry = listed[uid]
        last = max(changes, key=lambda c: c.sort_key)
        assert entry["change"] == EXPECTED_KIND[last.action], uid
        ordered = sorted(changes, key=lambda c: c.sort_key)
        numbers = list(dict.fromkeys(change.act.number for change in ordered))
        assert [act["number"] for act in entry["acts"]] == numbers, uid
        reconstructed = any(change.provenance == "reconstructed" for change in changes)
        assert entry["reconstructed"] == reconstructed, uid
        assert entry["before"] != entry["after"], uid
    # The records' own highlights, named by their place in the programme.
    doc_id = project.doc_id
    assert listed[doc_id]["change"] == "repealed"
    assert {"para_3", "para_5"} <= set(listed)
    assert listed["att_1__sec_4__subsec_3__dir_2__point_6"]["change"] == "excluded"
    assert listed["att_1__sec_7__action_plan__row_10"]["change"] == "excluded"
    assert all(not uid.endswith(("__sec_1", "__sec_2", "__sec_7")) for uid in listed)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_change_names_its_acts(project, lang, old, new):
    diff = diff_versions(project, lang, dt.date.fromisoformat(old), dt.date.fromisoformat(new))
    assert diff.changes and all(change.acts for change in diff.changes)
    assert unattributed(diff) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_reworded_paragraph_reads_as_one_deletion_and_one_insertion(diffs, lang):
    data = json.loads(diff_file(diffs, lang, *PAIRS[0], "json").read_text(encoding="utf-8"))
    entry = next(e for e in data["changes"] if e["id"] == "para_3")
    edits = [kind for kind, _ in entry["diff"] if kind != "equal"]
    assert edits == ["delete", "insert"]
    assert "".join(t for k, t in entry["diff"] if k != "insert") == entry["before"]
    assert "".join(t for k, t in entry["diff"] if k != "delete") == entry["after"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_accepting_gives_the_later_version_and_rejecting_the_earlier(sample_html, diffs, lang,
                                                                     old, new):
    later = version_words(
        (sample_html / lang / new / "monotowns-2012-2020.html").read_bytes())
    earlier = version_words(
        (sample_html / lang / old / "monotowns-2012-2020.html").read_bytes())
    assert later != earlier
    docx = diff_file(diffs, lang, old, new, "docx").read_bytes()
    assert_same_words(docx_words(docx, "accept"), later, "DOCX, every change accepted")
    assert_same_words(docx_words(docx, "reject"), earlier, "DOCX, every change rejected")
    html = diff_file(diffs, lang, old, new, "html").read_bytes()
    assert_same_words(diff_html_words(html, "ins"), later, "HTML, insertions kept")
    assert_same_words(diff_html_words(html, "del"), earlier, "HTML, deletions kept")


def test_tracked_changes_are_authored_by_the_acts_and_dated_in_force(diffs, project):
    docx = diff_file(diffs, "kk", *PAIRS[0], "docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    marks = list(root.iter(f"{W}ins", f"{W}del"))
    authors = {mark.get(f"{W}author") for mark in marks}
    assert "ҚР Үкіметінің 07.11.2013 № 1169 қаулысы" in authors
    names = {language("kk").act_name(act) for act in project.acts}
    for author in authors:
        assert set(author.split("; ")) <= names, f"{author!r} is not made of act names"
    dates = {mark.get(f"{W}date") for mark in marks}
    assert {c.effective.isoformat() + "T00:00:00Z" for c in project.changes} <= dates
    deleted_rows = root.xpath("//w:trPr/w:del", namespaces={"w": W[1:-1]})
    assert deleted_rows, "the excluded action-plan row's earlier text is a deleted row"
    deleted_marks = root.xpath("//w:pPr/w:rPr/w:del", namespaces={"w": W[1:-1]})
    assert deleted_marks, "the earlier paragraphs of point 6 are deleted paragraphs"


def test_html_summary_links_to_every_change(diffs):
    html = diff_file(diffs, "kk", *PAIRS[0], "html").read_bytes()
    data = json.loads(diff_file(diffs, "kk", *PAIRS[0], "json").read_text(encoding="utf-8"))
    tree = lxml.html.fromstring(html)
    links = [a.get("href")[1:] for a in tree.xpath("//section[@id='summary']//a[@href]")]
    assert links == [entry["id"] for entry in data["changes"]]
    for uid in links:
        assert tree.xpath(f"//*[@id='{uid}']"), uid
    assert tree.xpath("//ins[@title]") and tree.xpath("//del[@title]")
    assert tree.xpath("//p[contains(@class, 'note')]"), "notes are shown"


def test_libreoffice_opens_the_docx(real_redlines, office_pdfs):
    """The redline of the whole history (PAIRS[0]), converted with the session's Word files."""
    pdf = office_pdfs[real_redlines["ru"]]
    assert real_redlines["ru"].name == f"{PAIRS[0][0]}__{PAIRS[0][1]}.docx"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


@pytest.mark.full  # every redline of the sample written twice
def test_two_runs_give_identical_docx_bytes(sample_root, tmp_path):
    """Redlines are dated by the later version: every zip entry, the core properties."""
    outs = [tmp_path / "first", tmp_path / "second"]
    for out in outs:
        result = run_cli("diff", "--root", sample_root, "--out", out, "--from", "original", "--to",
                         "latest", "--format", "docx")
        assert result.exit_code == 0, result.output
    old, new = PAIRS[0]
    later = dt.date.fromisoformat(new)
    for lang in ("kk", "ru"):
        first, second = (diff_file(out, lang, old, new, "docx").read_bytes() for out in outs)
        assert first == second, lang
        with zipfile.ZipFile(io.BytesIO(first)) as package:
            stamps = {info.date_time for info in package.infolist()}
            core = etree.fromstring(package.read("docProps/core.xml"))
        assert stamps == {(later.year, later.month, later.day, 0, 0, 0)}, lang
        dates = {node.text for node in core if etree.QName(node).localname in DATE_PROPERTIES}
        assert dates == {f"{new}T00:00:00Z"}, lang


@pytest.mark.full  # the version's DOCX, laid out as its PDF
def test_redline_has_the_font_pages_and_tables_of_the_version_docx(diffs, project):
    old, new = PAIRS[0]
    annotated = annotate(consolidate(project, "ru", dt.date.fromisoformat(new)), project)
    version = docx_parts(render_docx(annotated))
    redline = docx_parts(diff_file(diffs, "ru", old, new, "docx").read_bytes())
    fonts = [parts["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", WNS)
             for parts in (version, redline)]
    assert [dict(node.attrib) for node in fonts] == [dict(fonts[0].attrib)] * 2
    assert set(fonts[1].attrib.values()) == {"Liberation Serif"}
    alternative = redline["word/fontTable.xml"].find(
        "w:font[@w:name='Liberation Serif']/w:altName", WNS)
    assert alternative.get(f"{W}val") == "Times New Roman"
    version_sections, redline_sections = (
        body_sections(parts["word/document.xml"].find(f"{W}body")) for parts in (version, redline))
    for tag in ("pgSz", "pgMar"):
        assert dict(redline_sections[0][0].find(f"{W}{tag}").attrib) == \
            dict(version_sections[0][0].find(f"{W}{tag}").attrib), tag
    assert redline_sections[0][0].find(f"{W}pgSz").get(f"{W}orient") is None
    # The action plan alone is on landscape pages, with the grid of the version's table.
    landscape = [elements for sect, elements in redline_sections
                 if sect.find(f"{W}pgSz").get(f"{W}orient") == "landscape"]
    assert len(landscape) == 1
    assert [table_style(e) for e in landscape[0] if e.tag == f"{W}tbl"] == ["ActionPlanTable"]
    portrait = [e for sect, elements in redline_sections for e in elements
                if sect.find(f"{W}pgSz").get(f"{W}orient") is None]
    assert "ActionPlanTable" not in {table_style(e) for e in portrait if e.tag == f"{W}tbl"}
    grids = [[col.get(f"{W}w") for col in table.iter(f"{W}gridCol")]
             for parts in (version, redline)
             for table in parts["word/document.xml"].iter(f"{W}tbl")
             if table_style(table) == "ActionPlanTable"]
    assert len(grids) == 2 and grids[0] == grids[1]


def docx_parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: etree.fromstring(package.read(name)) for name in package.namelist()
                if name.endswith(".xml")}


def body_sections(body) -> list[tuple[etree._Element, list]]:
    """(w:sectPr, body elements) of each section in order."""
    sections, current = [], []
    for child in body:
        properties = child if child.tag == f"{W}sectPr" else child.find(f"{W}pPr/{W}sectPr")
        if child.tag != f"{W}sectPr":
            current.append(child)
        if properties is not None:
            sections.append((properties, current))
            current = []
    return sections


def table_style(table) -> str | None:
    style = table.find(f"{W}tblPr/{W}tblStyle")
    return style.get(f"{W}val") if style is not None else None


def test_version_against_itself_is_empty_and_a_change_exits_1(sample_root, tmp_path):
    same = run_cli("diff", "--root", sample_root, "--out", tmp_path, "--from", "latest", "--to",
                   "2015-06-30", "--lang", "kk", "--exit-code")
    assert same.exit_code == 0, same.output
    data = json.loads(diff_file(tmp_path, "kk", "2015-01-01", "2015-06-30", "json").read_text())
    assert data["changes"] == []
    docx = diff_file(tmp_path, "kk", "2015-01-01", "2015-06-30", "docx").read_bytes()
    assert docx_words(docx, "plain")
    changed = run_cli("diff", "--root", sample_root, "--out", tmp_path, "--from", "2014-11-16",
                      "--lang", "ru", "--format", "json", "--exit-code")
    assert changed.exit_code == 1, changed.output
    assert "att_1__sec_4__subsec_3__dir_2__point_6" not in changed.output.replace("\n", "")
    assert "monotowns-2012-2020" in changed.output


def test_dates_between_versions_are_compared_on_those_dates(sample_root, tmp_path):
    result = run_cli("diff", "--root", sample_root, "--out", tmp_path, "--from", "2013-12-01",
                     "--to", "2014-12-31", "--lang", "kk", "--format", "json,html")
    assert result.exit_code == 0, result.output
    data = json.loads(diff_file(tmp_path, "kk", "2013-12-01", "2014-12-31", "json").read_text())
    assert (data["from"], data["to"]) == ("2013-12-01", "2014-12-31")
    # No 1154 took effect in between; Nos 279 and 728, pending on 2014-12-31, change no text.
    assert {"att_1__sec_4__subsec_3__p_3", "att_1__sec_7__action_plan__row_10"} <= {
        entry["id"] for entry in data["changes"]}
    numbers = {act["number"] for entry in data["changes"] for act in entry["acts"]}
    assert "1154" in numbers and not numbers & {"279", "728", "1169"}
    html = diff_file(tmp_path, "kk", "2013-12-01", "2014-12-31", "html").read_text()
    # The summary gives each act's in-force date, not its signing date only.
    assert "30.10.2014 № 1154 қаулысы — 16.11.2014 бастап қолданысқа енгізіледі" in html


@pytest.mark.parametrize("args", [
    ["--from", "latest", "--to", "original"],
    ["--from", "yesterday"],
    ["--to", "2001-01-01"],
    ["--format", "pdf"],
    ["--lang", "en"],
])
def test_bad_input_exits_2(sample_root, tmp_path, args):
    result = run_cli("diff", "--root", sample_root, "--out", tmp_path, *args)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "diff").exists()


# --- The word-level diff -----------------------------------------------------------------------

TEXT = st.lists(st.sampled_from(["а", "бір", "екі", "және", "Министрлігі", ",", "\n", "  "]),
                max_size=30).map(" ".join)


@given(TEXT, TEXT)
def test_word_operations_rebuild_both_texts(old, new):
    ops = word_diff(old, new)
    assert "".join(op.text for op in ops if op.kind != "insert") == old
    assert "".join(op.text for op in ops if op.kind != "delete") == new
    kinds = [op.kind for op in ops]
    for first, second in zip(kinds, kinds[1:], strict=False):
        assert (first, second) not in {("insert", "delete"), ("delete", "delete"),
                                       ("insert", "insert")}


def test_a_replaced_phrase_is_one_deletion_and_one_insertion():
    ops = word_diff("Экономикалық даму және сауда министрлігіне жүктелсін.",
                    "Өңірлік даму министрлігіне жүктелсін.")
    assert [(op.kind, op.text) for op in ops] == [
        ("delete", "Экономикалық даму және сауда "), ("insert", "Өңірлік даму "),
        ("equal", "министрлігіне жүктелсін."),
    ]


# --- Random histories on a small project -------------------------------------------------------

ADOPTED = dt.date(2020, 1, 10)
WORDS = {"kk": ("Қазақша", "мәтін"), "ru": ("Русский", "текст")}


def text(lang: str, marker: str) -> str:
    first, last = WORDS[lang]
    return f"{first} {marker} {last} <b>"


class History:
    """The small project's units as a history leaves them: which exist, which are excluded,
    the marker word each one's text holds; it writes each change as a record would."""

    def __init__(self):
        self.counter = 0
        self.units: dict[str, dict] = {}
        self.children: dict[str, list[str]] = {"": []}
        for number in (1, 2, 3):
            self._add("", f"para_{number}", "paragraph", f"{number}.")
        self._add("", "sec_1", "section", "1.")
        for number in (1, 2):
            self._add("sec_1", f"sec_1__p_{number}", "text", None)
        self._add("sec_1", "sec_1__point_1", "point", "1.")
        self._add("sec_1__point_1", "sec_1__point_1__subpoint_1", "subpoint", "1)")
        self._add("", "table_1", "table", None, marker=None)
        for number in (1, 2):
            self._add("table_1", f"table_1__row_{number}", "row", f"{number}.")

    def _marker(self) -> str:
        self.counter += 1
        return f"m{self.counter}"

    def _add(self, parent: str, uid: str, kind: str, label: str | None, marker="new") -> None:
        self.units[uid] = {"kind": kind, "label": label, "parent": parent, "excluded": False,
                           "marker": self._marker() if marker else None}
        self.children.setdefault(uid, [])
        self.children[parent].append(uid)

    def content(self, uid: str, lang: str) -> dict:
        unit = self.units[uid]
        raw: dict = {"kind": unit["kind"]}
        if unit["label"]:
            raw["label"] = unit["label"]
        marker = unit["marker"]
        if unit["kind"] == "section":
            raw["heading"] = text(lang, marker)
        elif unit["kind"] == "row":
            raw["cells"] = [text(lang, marker), 12.5]
        elif unit["kind"] == "table":
            raw["header"] = [["№", "A", "B"]]
        elif marker:
            raw["text"] = text(lang, marker)
        kids = [self.content(child, lang) for child in self.children[uid]]
        if kids:
            raw["children"] = kids
        return raw

    def hidden(self, uid: str) -> bool:
        """Excluded, or inside an excluded unit."""
        while uid:
            if self.units[uid]["excluded"]:
                return True
            uid = self.units[uid]["parent"]
        return False

    def targets(self) -> list[str]:
        """Units a change may address: those with text, not hidden."""
        return sorted(uid for uid, unit in self.units.items()
                      if unit["marker"] and not self.hidden(uid))

    def _forget_children(self, uid: str) -> None:
        for child in self.children.pop(uid, []):
            self._forget_children(child)
            del self.units[child]
        self.children[uid] = []

    def change(self, action: str, draw) -> tuple[dict, str] | None:
        """A change record of `action` on a unit drawn from the valid ones, and the id it
        touches; the history is updated as consolidation will."""
        if action == "insert":
            return self._insert(draw)
        targets = self.targets()
        if not targets:
            return None
        uid = draw(st.sampled_from(targets))
        unit = self.units[uid]
        if action == "delete":
            unit["excluded"] = True
            return {"target": uid, "action": "delete"}, uid
        if action == "amend":
            old, new = unit["marker"], self._marker()
            unit["marker"] = new
            return {"target": uid, "action": "amend", "edits": [{
                "find": {"kk": old, "ru": old}, "replace": {"kk": new, "ru": new}}]}, uid
        unit["marker"] = self._marker()
        self._forget_children(uid)
        return {"target": uid, "action": "replace",
                "content": {lang: self.content(uid, lang) for lang in ("kk", "ru")}}, uid

    def _insert(self, draw) -> tuple[dict, str] | None:
        where = draw(st.sampled_from(["", "sec_1", "table_1"]))
        if where and self.hidden(where):
            return None
        kind, prefix = {"": ("paragraph", "para"), "sec_1": ("point", "point"),
                        "table_1": ("row", "row")}[where]
        number = f"9{self._marker()[1:]}"
        uid = f"{where}__{prefix}_{number}" if where else f"{prefix}_{number}"
        record: dict = {"target": where or "tiny", "action": "insert"}
        siblings = [s for s in self.children[where] if not self.hidden(s)]
        position = len(self.children[where])
        if siblings:
            anchor = draw(st.sampled_from(siblings))
            record["after"] = anchor
            position = self.children[where].index(anchor) + 1
        self._add(where, uid, kind, f"{number}.")
        self.children[where].remove(uid)
        self.children[where].insert(position, uid)
        record["content"] = {lang: [self.content(uid, lang)] for lang in ("kk", "ru")}
        return record, uid


def write_project(root: Path, acts: list[list[dict]]) -> None:
    initial = History()
    for lang in ("kk", "ru"):
        folder = root / "content" / lang
        folder.mkdir(parents=True)
        manifest = {
            "document": {"id": "tiny", "type": "resolution", "issuer": "government",
                         "number": "1", "date": ADOPTED.isoformat(), "title": "T",
                         "signatory": {"position": "P", "name": "N"}},
            "files": ["01-units.yaml"],
        }
        (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True))
        units = [initial.content(uid, lang) for uid in initial.children[""]]
        (folder / "01-units.yaml").write_text(yaml.safe_dump({"units": units},
                                                             allow_unicode=True))
    (root / "amendments").mkdir()
    for number, changes in enumerate(acts, 1):
        date = ADOPTED + dt.timedelta(days=number)
        record = {"act": {"type": "resolution", "issuer": "government", "number": str(number),
                          "date": date.isoformat(), "in_force": "on_signing",
                          "title": {"kk": f"Акт {number}", "ru": f"Акт {number}"}},
                  "changes": changes}
        (root / "amendments" / f"{number:02d}.yaml").write_text(
            yaml.safe_dump(record, allow_unicode=True))


# 20 histories in `make test`, 8 in `make check` (LEGALGEN_FUZZ=quick, its fast profile).
@settings(max_examples=8 if QUICK else 20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_histories_report_exactly_the_units_each_act_touched(data):
    history = History()
    acts: list[list[dict]] = []
    touched: list[set[str]] = []
    for _ in range(data.draw(st.integers(1, 3), label="acts")):
        changes, ids, existing = [], set(), set(history.units)
        for _ in range(data.draw(st.integers(1, 3), label="changes")):
            action = data.draw(st.sampled_from(["replace", "amend", "insert", "delete"]))
            made = history.change(action, data.draw)
            if made is not None:
                changes.append(made[0])
                ids.add(made[1])
        if changes:
            acts.append(changes)
            # A unit inserted and wiped out by the same act is in neither version.
            touched.append({uid for uid in ids if uid in existing or uid in history.units})
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_project(root, acts)
        project = load_project(root)
        dates = [date for date, _ in timeline(project)]
        assert len(dates) == len(acts) + 1
        for index, (old, new) in enumerate(zip(dates, dates[1:], strict=False)):
            lang = "kk" if index % 2 == 0 else "ru"
            diff = diff_versions(project, lang, old, new)
            assert {change.uid for change in diff.changes} == touched[index]
            for change in diff.changes:
                assert [item.act.number for item in change.acts] == [str(index + 1)]
            check_redlines(project, lang, old, new, diff)


def check_redlines(project: Project, lang: str, old: dt.date, new: dt.date, diff) -> None:
    """The redlines of a random step accept to the later version and reject to the earlier."""
    later = version_words(render_html(annotate(consolidate(project, lang, new), project)))
    earlier = version_words(
        render_html(annotate(consolidate(project, lang, old), project)))
    assert unattributed(diff) == []
    docx = render_diff_docx(diff)
    assert_same_words(docx_words(docx, "accept"), later, "DOCX accepted")
    assert_same_words(docx_words(docx, "reject"), earlier, "DOCX rejected")
    html = render_diff_html(diff)
    assert b"<b>" not in html, "text is escaped"
    assert_same_words(diff_html_words(html, "ins"), later, "HTML insertions")
    assert_same_words(diff_html_words(html, "del"), earlier, "HTML deletions")


def test_children_reordered_by_a_replacement_are_moved_inside_the_replaced_unit(tmp_path):
    history = History()
    section = {lang: history.content("sec_1", lang) for lang in ("kk", "ru")}
    for content in section.values():
        first, second, point = content["children"]
        content["children"] = [point, first, second]
    write_project(tmp_path, [[{"target": "sec_1", "action": "replace", "content": section}]])
    project = load_project(tmp_path)
    old, new = (date for date, _ in timeline(project))
    diff = diff_versions(project, "ru", old, new)
    assert [(change.uid, change.change) for change in diff.changes] == [("sec_1", "reworded")]
    marker = history.units["sec_1__point_1"]["marker"]
    places = [block.state for block in diff.blocks
              if not block.is_table and block.ops and marker in block.ops[0].text]
    assert places == ["inserted", "deleted"], "point 1 leaves the end and comes in first"
    check_redlines(project, "ru", old, new, diff)


def test_the_pending_notice_is_no_change_of_the_text(project):
    """Nos 279 and 728 are pending on 2014-11-16, not in force: the notice's lines carry no act,
    and no changed unit is theirs."""
    diff = diff_versions(project, "kk", dt.date(2013, 11, 7), dt.date(2014, 11, 16))
    pending = [block for block in diff.blocks
               if not block.is_table and block.role.startswith("pending")]
    assert pending and all(line.state == "inserted" and not line.acts for line in pending)
    numbers = {item.act.number for change in diff.changes for item in change.acts}
    assert "1154" in numbers and not numbers & {"279", "728"}


def test_russian_summary_agrees_with_the_unit_and_gives_in_force_dates(project):
    diff = diff_versions(project, "ru", dt.date(2013, 11, 7), dt.date(2015, 1, 1))
    words = {change.uid: (change.name, diff.change_word(change)) for change in diff.changes}
    # Named by the path of printed labels a reader finds them by.
    assert words["att_1__sec_7__action_plan__row_10"] == ("раздел 7, строка 10", "исключена")
    assert words["att_1__sec_4__subsec_3__dir_2__point_6"] == (
        "раздел 4, «Задачи», «Второе направление: Развитие малого и среднего …», пункт 6",
        "исключен")
    assert words["monotowns-2012-2020"] == ("Постановление", "утратило силу")
    repeal = next(c for c in diff.changes if c.uid == "monotowns-2012-2020")
    assert diff.summary_names(repeal.acts) == [
        "Постановление Правительства РК от 28.06.2014 № 728 — вводится в действие с 01.01.2015"]
    html = render_diff_html(diff).decode("utf-8")
    assert "<td>исключена</td>" in html and "<td>утратило силу</td>" in html
