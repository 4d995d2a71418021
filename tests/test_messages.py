"""legalgen's messages in the user's language: every message of the code has its Kazakh and
Russian translation in the catalogs, the compiled catalogs are those of the `.po` files, and
`validate` speaks the language LEGALGEN_LANG or the locale asks for (English by default).
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from generator.cli import main
from generator.i18n import LOCALE_DIR, catalog, chosen_language, tr

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
TRANSLATED = ("kk", "ru")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Letters of Kazakh that Russian does not have: a Kazakh message shows at least one.
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
LINE = re.compile(r"^(?P<where>\S+): (?P<severity>error|warning|info): (?P<message>.*)$")


def extracted() -> set[str]:
    """Every message id the code marks (tr and N_), as `make extract-messages` finds them."""
    found = extract_from_dir(str(GENERATOR), method_map=[("**.py", "python")],
                             keywords={"tr": None, "N_": None})
    return {message for _, _, message, _, _ in found}


def placeholders(message: str) -> list[tuple[str, str, str]]:
    """The named fields of a message with their conversion and format, in a fixed order."""
    return sorted((name, spec or "", conversion or "")
                  for _, name, spec, conversion in string.Formatter().parse(message)
                  if name is not None)


def po_file(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "legalgen.po"


def test_the_code_marks_its_messages():
    """The extraction finds the messages of every stage a drafter hears from."""
    ids = extracted()
    assert len(ids) > 150
    assert "unknown issuer '{issuer}': use a key of the registry (legalgen docs issuers) or " \
           "add it under 'issuers' in {config}" in ids
    assert "{kept} up to date, {written} written" in ids


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_translation_with_the_same_placeholders(lang):
    """Acceptance: each message id the code has is translated (not empty, not fuzzy), with the
    same named placeholders, and the catalog keeps no message the code no longer has."""
    with po_file(lang).open("rb") as handle:
        translations = read_po(handle, locale=lang)
    by_id = {message.id: message for message in translations if message.id}
    ids = extracted()
    assert sorted(ids - set(by_id)) == []  # `make update-messages`, then translate
    assert sorted(set(by_id) - ids) == []
    problems = []
    for message_id in sorted(ids):
        message = by_id[message_id]
        assert isinstance(message.string, str)
        if not message.string.strip() or message.fuzzy:
            problems.append((message_id, "untranslated or fuzzy"))
        elif placeholders(message.string) != placeholders(message_id):
            problems.append((message_id, message.string))
        elif not CYRILLIC.search(message.string) and message_id != "--in-force {exc}":
            problems.append((message_id, "not in the Cyrillic alphabet"))
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_shipped_catalogs_are_compiled_from_the_po_files(lang):
    """The `.mo` files the package ships hold exactly the translations of the `.po` files
    (`make compile-messages` after each translation)."""
    with po_file(lang).open("rb") as handle:
        source = {m.id: m.string for m in read_po(handle) if m.id and not m.fuzzy}
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "legalgen.mo").open("rb") as handle:
        compiled = {m.id: m.string for m in read_mo(handle) if m.id}
    assert compiled == source


def test_every_message_is_given_exactly_its_placeholders():
    """A `tr` call names each field of its message and no other, so that no translation fails
    on a missing field and no value is silently dropped."""
    problems = []
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                continue
            names = {name for name, _, _ in placeholders(node.args[0].value)}
            given = {keyword.arg for keyword in node.keywords}
            if names != given:
                problems.append((path.relative_to(ROOT).as_posix(), node.lineno, names, given))
    assert problems == []


# Calls whose argument at this index is a message the user reads.
MESSAGE_ARGUMENTS = {"error": 1, "warning": 1, "info": 1, "UsageError": 0, "ActSyntaxError": 2,
                     "MachineError": 0, "DocxError": 0, "FontError": 0}


def test_every_diagnostic_and_command_error_is_marked_for_translation():
    """A diagnostic, a usage error or a machine error written as a plain string or an f-string
    would stay English in every language: each goes through `tr` (or is built from messages
    that do)."""
    plain = []
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            index = MESSAGE_ARGUMENTS.get(name or "")
            if index is None or len(node.args) <= index:
                continue
            if isinstance(node.args[index], ast.Constant | ast.JoinedStr):
                plain.append((path.relative_to(ROOT).as_posix(), node.lineno))
    assert plain == []


@pytest.mark.parametrize(("environment", "expected"), [
    ({"LEGALGEN_LANG": "ru", "LANG": "kk_KZ.UTF-8"}, "ru"),
    ({"LC_ALL": "kk_KZ.UTF-8", "LANG": "ru_RU.UTF-8"}, "kk_KZ"),
    ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "C.UTF-8"}, "ru_RU"),
    ({"LANG": "ru_RU.UTF-8@euro"}, "ru_RU"),
    ({"LANG": "C.UTF-8"}, "C"),
    ({}, None),
])
def test_the_language_is_legalgen_s_own_setting_then_the_locale(monkeypatch, environment,
                                                                 expected):
    for name in ("LEGALGEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert chosen_language() == expected


def test_a_language_without_a_catalog_keeps_the_english_messages(monkeypatch):
    message = "{path} exists already"
    for chosen in ("en", "C", "de_DE"):
        monkeypatch.setenv("LEGALGEN_LANG", chosen)
        assert tr(message, path="x.yaml") == "x.yaml exists already"
    monkeypatch.setenv("LEGALGEN_LANG", "ru_RU")
    assert tr(message, path="x.yaml") == "x.yaml уже существует"
    assert catalog("ru_RU").gettext(message) == catalog("ru").gettext(message)


# --- validate on a broken project, in each language ------------------------------------------


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """A new programme with mistakes in its content and its record: an unknown field of a unit
    in each language, an unknown issuer."""
    root = tmp_path_factory.mktemp("messages") / "programme"
    made = CliRunner().invoke(main, ["init", str(root), "--title-kk", "Бағдарлама",
                                     "--title-ru", "Программа", "--number", "1",
                                     "--date", "2020-01-10"])
    assert made.exit_code == 0, made.output
    for lang in TRANSLATED:
        content = root / "content" / lang / "01-programme.yaml"
        text = content.read_text(encoding="utf-8")
        content.write_text(text.replace("    children:", "    lable: x\n    children:"),
                           encoding="utf-8")
    (record,) = (root / "amendments").glob("*.yaml")
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("issuer: government", "issuer: governmentt", 1),
                      encoding="utf-8")
    return root


def validate_in(root: Path, environment: dict[str, str]) -> list[re.Match[str]]:
    result = CliRunner(env=environment).invoke(main, ["validate", "--root", str(root)])
    assert result.exit_code == 2, result.output
    lines = [LINE.match(line) for line in result.stderr.splitlines()]
    assert lines and all(lines), result.stderr
    return [line for line in lines if line is not None]


def test_validate_speaks_english_by_default(broken):
    messages = [line["message"] for line in validate_in(broken, {"LEGALGEN_LANG": "en"})]
    assert "unit sec_1: unknown field 'lable'" in messages
    assert any(message.startswith("unknown issuer 'governmentt'") for message in messages)
    assert not any(CYRILLIC.search(message) for message in messages)


@pytest.mark.parametrize("environment", [{"LEGALGEN_LANG": "ru"},
                                         {"LEGALGEN_LANG": "", "LC_ALL": "ru_RU.UTF-8"}],
                         ids=["LEGALGEN_LANG", "locale"])
def test_validate_speaks_russian(broken, environment):
    """Acceptance: every problem in Russian, at the same places and with the same severity
    words (editors read `path:line:col: error:`)."""
    english = validate_in(broken, {"LEGALGEN_LANG": "en"})
    russian = validate_in(broken, environment)
    assert [(line["where"], line["severity"]) for line in russian] == \
        [(line["where"], line["severity"]) for line in english]
    messages = [line["message"] for line in russian]
    assert "структурный элемент sec_1: неизвестное поле 'lable'" in messages
    assert "неизвестный орган, принявший акт, 'governmentt': используйте ключ реестра " \
           "(legalgen docs issuers) или добавьте его в раздел 'issuers' файла legalgen.yaml" \
           in messages
    assert all(CYRILLIC.search(message) and not KAZAKH_ONLY.search(message)
               for message in messages)


def test_validate_speaks_kazakh(broken):
    english = validate_in(broken, {"LEGALGEN_LANG": "en"})
    kazakh = validate_in(broken, {"LEGALGEN_LANG": "kk"})
    assert [line["where"] for line in kazakh] == [line["where"] for line in english]
    messages = [line["message"] for line in kazakh]
    assert "sec_1 құрылымдық элементі: белгісіз өріс 'lable'" in messages
    assert all(KAZAKH_ONLY.search(message) for message in messages)


def test_status_lines_and_command_errors_are_translated(tmp_path):
    runner = CliRunner(env={"LEGALGEN_LANG": "ru"})
    first = runner.invoke(main, ["init", str(tmp_path / "p"), "--title-kk", "Бағдарлама",
                                 "--title-ru", "Программа", "--date", "2020-01-10"])
    assert first.exit_code == 0
    assert first.stdout.startswith("программа 'p' записана в ")
    again = runner.invoke(main, ["init", str(tmp_path / "p"), "--title-kk", "Бағдарлама",
                                 "--title-ru", "Программа", "--date", "2020-01-10"])
    assert again.exit_code == 2
    assert again.stderr.startswith("error: ") and "не пуста" in again.stderr
    checked = runner.invoke(main, ["validate", "--root", str(tmp_path / "p")])
    assert checked.exit_code == 0
    assert checked.stderr.startswith("в порядке: структурных элементов (на каждом языке): ")


def test_a_project_cached_in_one_language_warns_in_another(tmp_path):
    """The project cache keeps a project with the warnings it was read with: a command run in
    another language reads the project again and warns in that language."""
    root = tmp_path / "p"
    made = CliRunner().invoke(main, ["init", str(root), "--title-kk", "Бағдарлама",
                                     "--title-ru", "Программа", "--date", "2020-01-10"])
    assert made.exit_code == 0, made.output
    (root / "amendments" / "no-1169.yml").write_text("act: {}\n", encoding="utf-8")
    english = CliRunner(env={"LEGALGEN_LANG": "en"}).invoke(main, ["validate", "--root", str(root)])
    assert "not read: amendment records are *.yaml files" in english.stderr
    russian = CliRunner(env={"LEGALGEN_LANG": "ru"}).invoke(main, ["validate", "--root", str(root)])
    assert english.exit_code == russian.exit_code == 0, russian.output
    warning = russian.stderr.split(": warning: ", 1)[1]
    assert CYRILLIC.search(warning) and "not read" not in warning, russian.stderr
