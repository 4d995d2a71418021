"""The tools for a programme of one's own: init, new-act, schema, templates and their overrides."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
import yaml
from click.testing import CliRunner, Result
from pypdf import PdfReader

from generator.cli import main
from generator.load import load_project
from generator.writers.shared.templates import TEMPLATES
from tests.fixtureutil import DOC_ID, copy_fixture


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    result = run("init", str(tmp_path / "prog"), "--title-kk", "Бағдарлама А",
                 "--title-ru", "Программа А", "--type", "order", "--issuer", "ministry_energy",
                 "--number", "22-н/қ", "--date", "2023-05-10")
    assert result.exit_code == 0, result.output
    return tmp_path / "prog"


# --- init ------------------------------------------------------------------------------------


def test_init_writes_a_programme_that_validates_with_its_example_act(programme: Path):
    names = {str(path.relative_to(programme)) for path in programme.rglob("*") if path.is_file()}
    assert names == {
        ".gitignore", "README.md", "legalgen.yaml", "amendments/2023-06-09-example.yaml",
        "content/kk/manifest.yaml", "content/kk/01-programme.yaml",
        "content/ru/manifest.yaml", "content/ru/01-programme.yaml",
        "schemas/amendment.schema.json", "schemas/content.schema.json",
        "schemas/legalgen.schema.json", "schemas/manifest.schema.json",
    }
    assert (programme / ".gitignore").read_text() == "build/\n"
    assert run("validate", "--strict", "--root", str(programme)).exit_code == 0
    project = load_project(programme)
    document = project.documents["ru"]
    assert (document.id, document.type, document.number) == ("prog", "order", "22-н/қ")
    assert project.documents["kk"].title == "Бағдарлама А"
    (act,) = project.acts
    assert act.issuer_names["ru"].short == "Министра энергетики РК"
    assert [change.action for change in project.changes] == ["amend"]


def test_every_scaffolded_yaml_file_names_its_schema(programme: Path):
    for path in programme.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), path
        assert (path.parent / first.removeprefix(prefix)).resolve().is_file(), path


def test_init_refuses_a_folder_that_is_not_empty(programme: Path):
    result = run("init", str(programme))
    assert result.exit_code == 2 and "not empty" in result.output


def test_init_refuses_an_unknown_issuer(tmp_path: Path):
    result = run("init", str(tmp_path / "x"), "--issuer", "ministry_of_magic")
    assert result.exit_code == 2 and "unknown issuer 'ministry_of_magic'" in result.output
    assert not (tmp_path / "x").exists()


# --- new-act ---------------------------------------------------------------------------------


def test_new_act_writes_a_skeleton_that_names_what_is_missing(programme: Path):
    result = run("new-act", "--root", str(programme), "--number", "231-V",
                 "--date", "2024-01-15", "--type", "law", "--issuer", "parliament")
    assert result.exit_code == 0, result.output
    path = programme / "amendments" / "2024-01-15-231-V.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert record["act"]["number"] == "231-V" and record["act"]["type"] == "law"
    assert record["changes"] == []
    checked = run("validate", "--root", str(programme))
    assert checked.exit_code == 2
    assert "amendments/2024-01-15-231-V.yaml" in checked.output
    assert "'changes' must be a non-empty list" in checked.output
    again = run("new-act", "--root", str(programme), "--number", "231-V",
                "--date", "2024-01-15", "--type", "law", "--issuer", "parliament")
    assert again.exit_code == 2 and "exists already" in again.output
    # Another act of the same number and day (the government's resolution) gets a record of
    # its own, its name told apart by a short hash.
    other = run("new-act", "--root", str(programme), "--number", "231-V",
                "--date", "2024-01-15")
    assert other.exit_code == 0, other.output
    names = sorted(item.name for item in (programme / "amendments").glob("2024-01-15-231-V*"))
    assert len(names) == 2 and names[1].startswith("2024-01-15-231-V~"), names


# --- issuers of the project --------------------------------------------------------------------


def test_legalgen_yaml_adds_an_issuer(programme: Path):
    config = programme / "legalgen.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("issuers: {}\n", (
        "issuers:\n"
        "  maslikhat_zhanaozen:\n"
        "    kk: {short: Жаңаөзен қалалық мәслихатының}\n"
        "    ru: {short: Жанаозенского городского маслихата}\n")), encoding="utf-8")
    record = next((programme / "amendments").glob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8")
                      .replace("type: order", "type: decision")
                      .replace("issuer: ministry_energy", "issuer: maslikhat_zhanaozen"),
                      encoding="utf-8")
    project = load_project(programme)
    names = project.acts[0].issuer_names
    assert (names["kk"].short, names["ru"].long) == (
        "Жаңаөзен қалалық мәслихатының", "Жанаозенского городского маслихата")


def test_an_unknown_issuer_is_reported_at_its_line(programme: Path):
    record = next((programme / "amendments").glob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8").replace(
        "issuer: ministry_energy", "issuer: ministry_of_magic"), encoding="utf-8")
    line = next(number for number, text in enumerate(
        record.read_text(encoding="utf-8").splitlines(), 1) if "ministry_of_magic" in text)
    result = run("validate", "--root", str(programme))
    assert result.exit_code == 2
    assert f"amendments/{record.name}:{line}:" in result.output
    assert "unknown issuer 'ministry_of_magic'" in result.output


def test_a_bad_issuer_entry_in_legalgen_yaml_is_reported(programme: Path):
    (programme / "legalgen.yaml").write_text("issuers:\n  x:\n    kk: {short: X}\n",
                                             encoding="utf-8")
    result = run("validate", "--root", str(programme))
    assert result.exit_code == 2
    assert "legalgen.yaml:2:3:" in result.output and "missing field 'issuers.x.ru'" in \
        result.output


# --- schema ----------------------------------------------------------------------------------


def test_schema_lists_the_issuers_of_the_registry_and_the_project(programme: Path, tmp_path):
    (programme / "legalgen.yaml").write_text(
        "issuers:\n  akimat_zhanaozen:\n    kk: {short: Жаңаөзен қаласы әкімдігінің}\n"
        "    ru: {short: акимата города Жанаозен}\n", encoding="utf-8")
    out = tmp_path / "schemas-out"
    result = run("schema", "--root", str(programme), "--out", str(out))
    assert result.exit_code == 0, result.output
    amendment = json.loads((out / "amendment.schema.json").read_text(encoding="utf-8"))
    issuers = amendment["$defs"]["ActIn"]["properties"]["issuer"]["enum"]
    assert {"akimat_zhanaozen", "government", "ministry_energy",
            "agency_financial_monitoring", "maslikhat_almaty_region"} <= set(issuers)


# --- templates -------------------------------------------------------------------------------


def test_a_project_stylesheet_overrides_the_built_in_one(tmp_path: Path):
    root = copy_fixture(tmp_path / "project")
    (root / "templates").mkdir()
    (root / "templates" / "style.css").write_text("body { color: #123456; }\n",
                                                  encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", "--root", str(root), "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = next(out.glob(f"kk/*/{DOC_ID}.html")).read_text(encoding="utf-8")
    style = "".join(lxml.html.fromstring(html).xpath("//style/text()"))
    assert style.strip() == "body { color: #123456; }"
    listing = run("templates", "--list", "--root", str(root)).output
    lines = dict(line.split("\t")[:2] for line in listing.splitlines())
    built_in = {str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*")
                if path.is_file()}
    assert lines == {name: "project" if name == "style.css" else "built-in"
                     for name in built_in}


def test_a_project_print_stylesheet_reaches_the_pdf(tmp_path: Path):
    root = copy_fixture(tmp_path / "project")
    result = run("templates", "--copy", "print.css", "--root", str(root))
    assert result.exit_code == 0, result.output
    copied = root / "templates" / "print.css"
    assert copied.read_bytes() == (TEMPLATES / "print.css").read_bytes()
    # A page corner of the project's own shows that its print.css was the one used.
    with copied.open("a", encoding="utf-8") as handle:
        handle.write('@page { @bottom-left { content: "PROJECTCSS"; } }\n')
    out = tmp_path / "out"
    result = run("build", "--root", str(root), "--format", "pdf", "--lang", "kk",
                 "--as-of", "2014-02-10", "--out", str(out))
    assert result.exit_code == 0, result.output
    pages = PdfReader(out / "kk" / "2014-02-10" / f"{DOC_ID}.pdf").pages
    assert "PROJECTCSS" in pages[1].extract_text()
