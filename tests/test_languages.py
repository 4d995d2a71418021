"""All language in `generator/lang/`: no word of a language elsewhere, notes as facts that hold in
every language, and a third language added by registering it, with no edit outside `lang/`."""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml
from click.testing import CliRunner

from generator.annotate import annotate
from generator.cli import main
from generator.consolidate import consolidate, timeline
from generator.lang import DRAFTING, LANGUAGES, codes, language, register, register_lazily
from generator.load import load_project
from generator.load.registry import builtin_issuers
from generator.model import Annotated, Note, NoteFacts, Project, Segment
from generator.writers.shared.pdf import language_css
from generator.writers.shared.templates import notes_html
from generator.writers.shared.typography import bind
from tests.fixtureutil import DOC_ID, FIXTURE

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
LANG_FOLDER = GENERATOR / "lang"
TEMPLATES = GENERATOR / "templates"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def sources() -> Iterator[Path]:
    """Every Python file and template of legalgen outside the language modules."""
    for path in sorted(GENERATOR.rglob("*")):
        if path.is_file() and not path.is_relative_to(LANG_FOLDER) and (
                path.suffix == ".py" or path.is_relative_to(TEMPLATES)):
            yield path


def test_no_letter_of_a_language_outside_the_language_modules():
    """Code, comments, docstrings and templates use English or name `generator/lang/`."""
    found = {}
    for path in sources():
        shown = path.relative_to(ROOT).as_posix()
        lines = [number for number, line in
                 enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if CYRILLIC.search(line)]
        if lines:
            found[shown] = lines
    assert not found


def _docstrings(tree: ast.AST) -> set[int]:
    bodies = [node.body for node in ast.walk(tree) if isinstance(
        node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)]
    return {id(body[0].value) for body in bodies
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)}


def test_no_code_outside_the_language_modules_names_a_language():
    """No branch on a language code ("kk" == ...), no `:lang(ru)` rule in a template: what
    differs by language is asked of the language."""
    named = set(codes())
    found = []
    for path in sources():
        text = path.read_text(encoding="utf-8")
        shown = path.relative_to(ROOT).as_posix()
        if path.suffix != ".py":
            found += [(shown, word) for word in re.findall(r"\b\w+\b", text) if word in named]
            continue
        tree = ast.parse(text)
        docstrings = _docstrings(tree)
        found += [(shown, node.lineno) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in docstrings
                  and node.value.split("_")[0].split("-")[0] in named]
    assert not found


# --- Notes are facts, which every language words ---------------------------------------------


@pytest.fixture(scope="module")
def fixture_project() -> Project:
    return load_project(FIXTURE)


def annotated_versions(project: Project, lang: str) -> list[Annotated]:
    return [annotate(consolidate(project, lang, date), project) for date, _ in timeline(project)]


def facts_of(annotated: Annotated) -> dict[str, Any]:
    """Every fact the version's notes state, by where they stand."""
    return {
        "notes": {uid: [note.facts for note in notes] for uid, notes in annotated.notes.items()},
        "exclusions": {uid: note.facts for uid, note in annotated.exclusions.items()},
        "repeal": annotated.repeal_note.facts if annotated.repeal_note else None,
        "pending": [note.facts for note in annotated.pending],
    }


def every_note(annotated: Annotated) -> list[Note]:
    notes = [note for items in annotated.notes.values() for note in items]
    notes += [*annotated.exclusions.values(), *annotated.pending]
    return notes + ([annotated.repeal_note] if annotated.repeal_note else [])


def test_the_facts_of_every_note_are_the_same_in_every_language(fixture_project):
    kazakh, russian = (annotated_versions(fixture_project, code) for code in ("kk", "ru"))
    stated = [facts_of(version) for version in kazakh]
    assert stated == [facts_of(version) for version in russian]
    kinds = {note.facts.operation for version in kazakh for note in every_note(version)
             if isinstance(note.facts, NoteFacts)}
    assert kinds == {"replace", "amend", "insert", "exclude", "repeal"}


def test_each_act_a_note_names_is_a_segment_with_the_act_s_key(fixture_project):
    keys = {act.key: act for act in fixture_project.acts}
    for code in ("kk", "ru"):
        latest = annotated_versions(fixture_project, code)[-1]
        for note in every_note(latest):
            named = [segment for segment in note.segments if segment.role == "act"]
            assert named, note.text
            for segment in named:
                assert segment.act in keys
                assert keys[segment.act].number in segment.text
            assert note.text == "".join(segment.text for segment in note.segments)


def test_the_site_links_the_act_segments_and_searches_no_text():
    """Words that look like an act's date and number in plain text stay plain; only the segment
    that names the act links, wherever its key leads."""
    kazakh = language("kk")
    note = Note(
        NoteFacts("amend", (), (), "resolution"),
        (Segment("Not 07.11.2013 № 1169 itself, but "), Segment("07.11.2013 № 1169", "act", "k"),
         Segment(" "), Segment("(01.01.2015 бастап)", "bracket")),
    )
    html = str(notes_html(kazakh, {"k": "acts/one.html"})(note))
    assert html.count('class="act-link"') == 1
    assert '<a class="act-link" href="acts/one.html">07.11.2013 <span class="nobr">№ 1169' in html
    assert str(notes_html(kazakh)(note)).count("<a") == 0


# --- Forms the languages give ----------------------------------------------------------------


def test_print_rules_follow_the_language():
    """Kazakh has no hyphenation patterns: its text is set ragged-right, over the page's own
    justified style (the rule is important: WeasyPrint takes the sheet as a user sheet)."""
    assert "html:lang(kk) main .note" in language_css(language("kk"))
    assert "html:lang(kk) main .unit > p" in language_css(language("kk"))
    assert "text-align: left !important" in language_css(language("kk"))
    assert language_css(language("ru")) == ""


def test_the_unit_words_kept_with_a_number_are_the_language_s():
    assert bind("5 мың теңге", language("kk")) == "5\u00a0мың теңге"
    assert bind("5 тыс. тенге", language("ru")) == "5\u00a0тыс. тенге"
    assert bind("5 тыс. тенге", language("kk")) == "5 тыс. тенге"


# --- A third language ------------------------------------------------------------------------

TOY_LANGUAGE = '''
"""English, a toy third language: its words over the same facts as every language's."""


from babel.dates import format_date

from generator.lang.base import act_reference, by_issuer, capitalize, with_bracket
from generator.model import InForceAfterDays, InForceDate, Language, kind_names
from generator.model.diff import CHANGE_PHRASES
from generator.model.language import PHRASE_KEYS, StarterTexts
from generator.model.notes import NoteFacts, Words, joined, words

UNIT_WORDS = {kind: kind for kind in kind_names()} | {
    "paragraph": "point", "subpoint": "sub-point", "text": "paragraph", "preamble": "paragraph",
    "group": "row", "total": "row"}
ACT_WORDS = {"law": "Law", "code": "Code", "decree": "Decree"}
PHRASES = {key: key.replace("_", " ").capitalize() for key in PHRASE_KEYS}


class English(Language):
    code = "en"
    locale = "en_GB"
    note_word = "Note."
    unit_words = UNIT_WORDS
    unit_word = str
    characters = "«»"
    amount_units = ("million", "thousand")
    hyphenation = True
    starter = StarterTexts("Programme", "General provisions", "The Programme runs in {year}.",
                           "Position", "A. Name", "On amending the Programme (example)",
                           "of the Akimat of Zhanaozen")
    phrases = {**PHRASES, "contents": "Contents", "pending": "Changes not yet in force",
               "pending_intro": "This version does not show the changes made by:",
               "number_sign": "No", "language_name": "English"}

    def date(self, date):
        return format_date(date, "d MMMM y", locale=self.locale)

    def unit_name(self, unit):
        word = self.unit_words[unit.kind]
        label = (unit.label or "").strip().rstrip(".")
        return f"{word} {label}" if label else word

    def amount_year(self, year):
        return f"{year}"

    def version_heading(self, date):
        return f"Version as in force on {self.short_date(date)}"

    def act_word(self, act, count=1):
        word = ACT_WORDS.get(act.type, act.type)
        return f"{word}s" if count > 1 else word

    def act_name(self, act):
        return (f"{capitalize(self.act_word(act))} of {self.issuer(act)} of "
                f"{self.short_date(act.date)} No {act.number}")

    def document_name(self, document_type):
        return capitalize(ACT_WORDS.get(document_type, document_type))

    def in_force_bracket(self, mention):
        if mention.in_force_text is not None:
            return f"({mention.in_force_text[self.code]})"
        if isinstance(mention.rule, InForceDate):
            return f"(takes effect on {self.short_date(mention.rule.date)})"
        if isinstance(mention.rule, InForceAfterDays):
            return (f"(takes effect {mention.rule.after_publication_days} calendar days after "
                    "its first official publication)")
        if mention.rule == "on_publication":
            return "(takes effect on its first official publication)"
        return ""

    def in_force_from(self, date):
        return f"takes effect on {self.short_date(date)}"

    def _acts(self, mentions) -> Words:
        return joined("; ", (self._group(group) for group in by_issuer(mentions)))

    def _group(self, group) -> Words:
        dated = joined("; of ", (words(act_reference(self, mention), with_bracket(self, mention))
                                 for mention in group))
        return words(f"the {self.act_word(group[0], len(group))} of {self.issuer(group[0])} of ",
                     dated)

    def pending_act(self, mention):
        return self._acts([mention])

    def change_word(self, change, kind, document_type):
        return self.phrase(CHANGE_PHRASES[change])

    def note(self, facts: NoteFacts) -> Words:
        acts = self._acts(facts.acts)
        if facts.operation == "insert":
            holder = self.unit_name(facts.units[0]) if facts.units else self.document_name(
                facts.document_type)
            return words(f"{self.note_word} {capitalize(holder)} supplemented with "
                         f"{self.unit_name(facts.added)} by ", acts, ".")
        verb = "worded" if facts.operation == "replace" else "changed"
        return words(f"{self.note_word} {capitalize(self.unit_name(facts.units[0]))} as {verb} "
                     "by ", acts, ".")

    def exclusion(self, facts, with_label=True):
        unit = facts.units[0]
        label = f"{unit.label.strip()} " if unit.label and with_label else ""
        return words(f"{label}Excluded by ", self._acts(facts.acts), ".")

    def repeal_note(self, facts):
        return words(f"{self.note_word} Lost force by ", self._acts(facts.acts), ".")

    def adoption_line(self, document):
        return (f"{capitalize(self.act_word(document))} of {self.issuer(document, long=True)} "
                f"of {self.date(document.date)} No {document.number}.")

    def repeal_line(self, act, document_type):
        return (f"Lost force by the {self.act_word(act)} of {self.issuer(act, long=True)} of "
                f"{self.date(act.date)} No {act.number}")
'''


@pytest.fixture
def english(tmp_path: Path) -> Iterator[Any]:
    """The toy language, defined in a module of its own outside legalgen and registered for
    the test's length."""
    path = tmp_path / "toy_english.py"
    path.write_text(TOY_LANGUAGE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("toy_english", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    register(module.English())
    try:
        yield module
    finally:
        LANGUAGES.pop("en")
        DRAFTING.pop("en", None)


def with_every_language_key(value: Any) -> Any:
    """A record's values with an English one wherever it has a Russian one (the same text)."""
    if isinstance(value, list):
        return [with_every_language_key(item) for item in value]
    if not isinstance(value, dict):
        return value
    result = {key: with_every_language_key(item) for key, item in value.items()}
    if {"kk", "ru"} <= set(value):
        result["en"] = copy.deepcopy(result["ru"])
    return result


def english_project(folder: Path) -> Path:
    """The fixture with `content/en/` (the Russian text) and `en` in its records and issuers."""
    root = folder / "project"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(root / "content" / "ru", root / "content" / "en")
    for record in sorted((root / "amendments").glob("*.yaml")):
        data = yaml.safe_load(record.read_text(encoding="utf-8"))
        record.write_text(yaml.safe_dump(with_every_language_key(data), allow_unicode=True,
                                         sort_keys=False), encoding="utf-8")
    government = {code: forms.model_dump(exclude_none=True)
                  for code, forms in builtin_issuers().forms["government"].items()}
    government["en"] = {"short": "the Government of the RK",
                        "long": "the Government of the Republic of Kazakhstan"}
    (root / "legalgen.yaml").write_text(
        yaml.safe_dump({"issuers": {"government": government}}, allow_unicode=True),
        encoding="utf-8")
    return root


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def page_notes(page: Path) -> list[str]:
    tree = lxml.html.fromstring(page.read_bytes())
    return [" ".join(node.text_content().split())
            for node in tree.xpath("//p[@class='note'] | //p[starts-with(@class, 'excluded')]"
                                   " | //tr[@class='excluded']/td[last()]"
                                   " | //aside[@id='pending']//li")]


def test_a_third_language_is_registered_and_built_with_no_edit_outside_lang(
        english, tmp_path, own_user_cache):
    root = english_project(tmp_path)
    assert codes() == ("kk", "ru", "en")
    run("validate", "--root", str(root))
    out = tmp_path / "build"
    run("build", "--format", "html", "--as-of", "all", "--root", str(root), "--out", str(out))

    project = load_project(root)
    assert project.langs == ("kk", "ru", "en")
    dates = [date for date, _ in timeline(project)]
    for code in project.langs:
        assert sorted(path.name for path in (out / code).iterdir()) == [
            date.isoformat() for date in dates]
    latest = out / "en" / dates[-1].isoformat() / f"{DOC_ID}.html"
    html = latest.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Contents" in html
    assert "Сноска" not in html and "Ескерту" not in html
    act = "the resolution of the Government of the RK of"
    assert page_notes(latest) == [
        f"Note. Lost force by {act} 29.12.2015 No 1200 (takes effect on 01.01.2016).",
        f"Note. Point 3 as worded by {act} 20.05.2014 No 512.",
        "Note. Point 4 as changed by the resolutions of the Government of the RK of 15.08.2014 "
        "No 845 (takes effect on 01.01.2015); of 20.12.2014 No 1310 (takes effect on "
        "01.01.2015).",
        f"Note. Section 2 as changed by {act} 20.05.2014 No 512 (takes effect on 01.07.2014).",
        f"Note. Section 3 as changed by {act} 20.05.2014 No 512.",
        "Note. Subsection as changed by the resolutions of the Government of the RK of "
        "28.10.2014 No 1020 (takes effect 10 calendar days after its first official "
        "publication); of 15.08.2014 No 845 (takes effect on 01.01.2015).",
        f"Note. Point 2 supplemented with sub-point 2-1) by {act} 20.05.2014 No 512.",
        f"3. Excluded by {act} 15.08.2014 No 845 (takes effect on 01.01.2015).",
        f"Note. Section 4 as changed by {act} 28.10.2014 No 1020 (takes effect 10 calendar "
        "days after its first official publication).",
        f"Excluded by {act} 28.10.2014 No 1020 (takes effect 10 calendar days after its first "
        "official publication).",
        f"Note. Appendix 1 as changed by {act} 27.01.2015 No 30 (takes effect on its first "
        "official publication).",
    ]
    pending = out / "en" / "2014-11-16" / f"{DOC_ID}.html"
    assert f"{act} 15.08.2014 No 845 (takes effect on 01.01.2015)" in page_notes(pending)

    # The notes of the third language state the facts the others state.
    third, first = (annotated_versions(project, code) for code in ("en", "kk"))
    assert [facts_of(version) for version in third] == [facts_of(version) for version in first]

    # The site links the acts English notes name; an act has its page without a drafted text.
    site = tmp_path / "site"
    run("site", "--root", str(root), "--out", str(site), "--no-downloads")
    page = site / "en" / f"{dates[-1].isoformat()}.html"
    links = lxml.html.fromstring(page.read_bytes()).xpath("//a[@class='act-link']")
    assert {" ".join(link.text_content().split()) for link in links} >= {
        "20.05.2014 No 512", "29.12.2015 No 1200", "28.10.2014 No 1020"}
    assert all((page.parent / link.get("href")).is_file() for link in links)
    listing = run("versions", "--lang", "en", "--root", str(root))
    assert f"{dates[-1].isoformat()}  Resolution of the Government of the RK of 29.12.2015" in (
        listing)


def test_a_project_without_the_third_language_s_values_is_told_where_they_are_missing(
        english, tmp_path, monkeypatch):
    """Registered, a language is every project's: each record value and issuer lacking it is an
    error at its line."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(root / "content" / "ru", root / "content" / "en")
    result = CliRunner().invoke(main, ["validate", "--root", str(root)])
    assert result.exit_code == 2
    assert ("content/en/manifest.yaml:4:3: error: the issuer 'government' has no names in en: "
            "give them under 'issuers' in legalgen.yaml") in result.output
    assert re.search(r"amendments/no-30\.yaml:\d+:\d+: error: act: missing field 'title\.en'",
                     result.output)


def test_a_language_s_modules_load_when_its_parts_are_first_needed():
    """The codes need no language module; a language's words load its module alone; its
    drafting grammar, published forms and reader of notes each load with their first use."""
    script = (
        "import json, sys\n"
        "from generator.lang import READERS, codes, drafting, language, published_forms\n"
        "def loaded():\n"
        "    return sorted(name.rsplit('.', 1)[1] for name in sys.modules\n"
        "                  if name.startswith('generator.lang.'))\n"
        "steps = [(codes(), loaded())]\n"
        "for use in (language, drafting, published_forms, READERS.__getitem__):\n"
        "    use('kk')\n"
        "    steps.append(loaded())\n"
        "print(json.dumps(steps))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    (found_codes, before), words, grammar, forms, reader = json.loads(done.stdout)
    assert found_codes == ["kk", "ru"] and before == []
    assert words == ["base", "kk"]
    assert set(grammar) - set(words) == {"kk_drafting"}
    assert set(forms) - set(grammar) == {"kk_published", "published_base"}
    assert set(reader) - set(forms) == {"kk_reading", "reading"}


@pytest.fixture
def english_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The toy language's module, importable by its name and not imported yet."""
    (tmp_path / "toy_english_lazy.py").write_text(TOY_LANGUAGE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        yield "toy_english_lazy"
    finally:
        LANGUAGES.pop("en", None)
        sys.modules.pop("toy_english_lazy", None)


def test_a_language_registered_by_its_class_is_imported_when_first_used(english_module):
    register_lazily("en", f"{english_module}:English")
    assert codes() == ("kk", "ru", "en") and "en" in LANGUAGES
    assert english_module not in sys.modules
    assert language("en").phrase("contents") == "Contents"
    assert english_module in sys.modules
    assert language("en") is LANGUAGES["en"]
    assert "en" not in DRAFTING
    with pytest.raises(ValueError, match="'en' is registered already"):
        register_lazily("en", f"{english_module}:English")
