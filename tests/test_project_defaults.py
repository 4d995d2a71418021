"""The defaults of a project's amending acts in legalgen.yaml (type, issuer, signatory) reach
`new-act`, `record --from-docx` and `record --from-act`; without them `record` asks for the
issuer, and the issuer key written is the key given."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.annotate import annotate
from generator.consolidate import consolidate
from generator.load import load_project
from generator.model.bookmarks import bookmark_name
from generator.writers.docx.version import render_docx

from .recordutil import command, record_cli
from .wordedit import WordEdit, w

W_P = w("p")

ISSUER = "ministry_energy"
# The row of the plan the order approves, which the example act amends.
ROW = "att_1__plan__row_1"
DOCX_ACT = ["--act-number", "7", "--act-date", "2023-08-01"]
EXAMPLE_ACT = ["--act-number", "2", "--act-date", "2023-06-09"]


def init(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "init", str(folder), *args],
                          capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def order(tmp_path_factory) -> Path:
    """A minister's order made by `init`, with its example act drafted as text."""
    root = tmp_path_factory.mktemp("order") / "order"
    result = init(root, "--type", "order", "--issuer", ISSUER, "--number", "22",
                  "--date", "2023-05-10")
    assert result.returncode == 0, result.stderr
    drafted = command(root, "act", "--format", "txt", "--out", str(root.parent / "acts"))
    assert drafted.returncode == 0, drafted.stderr
    return root


def copy_of(order: Path, folder: Path, defaults: bool = True) -> Path:
    root = folder / "order"
    shutil.copytree(order, root)
    if not defaults:
        config = root / "legalgen.yaml"
        text = config.read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?ms)^defaults:\n.*?^#\n", "", text), encoding="utf-8")
    return root


def act_texts(order: Path) -> list[str]:
    return [argument for path in sorted((order.parent / "acts" / "acts").glob("*/*.txt"))
            for argument in ("--from-act", str(path))]


def edited_docx(root: Path, folder: Path) -> Path:
    project = load_project(root)
    latest = max(change.effective for change in project.changes)
    data = render_docx(annotate(consolidate(project, "kk", latest), project))
    edit = WordEdit(data)
    row = edit.bookmarked(bookmark_name(ROW))
    cell = next(p for p in row.getparent().getparent().iter(W_P) if "2025" in "".join(p.itertext()))
    edit.replace_in_run(cell, "2025", "2026")
    path = folder / "edited-kk.docx"
    path.write_bytes(edit.bytes())
    return path


def written_act(folder: Path) -> dict:
    [path] = folder.glob("*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))["act"]


def test_init_writes_the_defaults_of_amending_acts(order):
    config = yaml.safe_load((order / "legalgen.yaml").read_text(encoding="utf-8"))
    assert config["defaults"]["type"] == "order"
    assert config["defaults"]["issuer"] == ISSUER
    assert set(config["defaults"]["signatory"]) == {"kk", "ru"}
    assert command(order, "validate").returncode == 0


def test_new_act_takes_the_default_type_issuer_and_signatory(order, tmp_path):
    root = copy_of(order, tmp_path)
    result = command(root, "new-act", "--number", "5", "--date", "2023-07-01")
    assert result.returncode == 0, result.stderr
    act = written_act_of(root / "amendments", "2023-07-01-5")
    assert (act["type"], act["issuer"]) == ("order", ISSUER)
    assert act["signatory"]["ru"]["position"] == "Должность"


def test_new_act_without_defaults_takes_the_document_s_type_and_issuer(order, tmp_path):
    root = copy_of(order, tmp_path, defaults=False)
    result = command(root, "new-act", "--number", "5", "--date", "2023-07-01")
    assert result.returncode == 0, result.stderr
    act = written_act_of(root / "amendments", "2023-07-01-5")
    assert (act["type"], act["issuer"]) == ("order", ISSUER)
    assert "signatory" not in act


def written_act_of(folder: Path, stem: str) -> dict:
    return yaml.safe_load((folder / f"{stem}.yaml").read_text(encoding="utf-8"))["act"]


def test_record_from_docx_takes_the_default_issuer(order, tmp_path):
    root = copy_of(order, tmp_path)
    out = tmp_path / "out"
    result = record_cli(root, "--from-docx", str(edited_docx(root, tmp_path)), *DOCX_ACT,
                        "--out", str(out))
    assert result.returncode == 0, result.stderr
    act = written_act(out)
    assert (act["type"], act["issuer"]) == ("order", ISSUER)
    assert act["signatory"]["kk"]["position"] == "Лауазымы"


def test_record_from_docx_without_issuer_or_default_names_the_flag(order, tmp_path):
    root = copy_of(order, tmp_path, defaults=False)
    result = record_cli(root, "--from-docx", str(edited_docx(root, tmp_path)), *DOCX_ACT,
                        "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "--issuer" in result.stderr and "defaults.issuer" in result.stderr
    assert not (tmp_path / "out").exists()


def test_record_from_act_takes_the_default_issuer(order, tmp_path):
    root = copy_of(order, tmp_path)
    (example,) = (root / "amendments").glob("*.yaml")
    example.unlink()
    out = tmp_path / "out"
    result = record_cli(root, *act_texts(order), *EXAMPLE_ACT, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (written_act(out)["type"], written_act(out)["issuer"]) == ("order", ISSUER)


def test_record_from_act_writes_the_issuer_key_given(order, tmp_path):
    root = copy_of(order, tmp_path, defaults=False)
    (example,) = (root / "amendments").glob("*.yaml")
    example.unlink()
    asked = record_cli(root, *act_texts(order), *EXAMPLE_ACT, "--out", str(tmp_path / "no"))
    assert asked.returncode == 2
    assert "--issuer" in asked.stderr and "Traceback" not in asked.stderr
    out = tmp_path / "out"
    result = record_cli(root, *act_texts(order), *EXAMPLE_ACT, "--type", "order",
                        "--issuer", ISSUER, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert written_act(out)["issuer"] == ISSUER
    shutil.copy(next(out.glob("*.yaml")), root / "amendments")
    assert command(root, "validate").returncode == 0


def test_a_default_issuer_no_registry_knows_is_an_error_at_its_line(order, tmp_path):
    root = copy_of(order, tmp_path)
    config = root / "legalgen.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        f"issuer: {ISSUER}", "issuer: ministry_of_nothing"), encoding="utf-8")
    result = command(root, "validate")
    assert result.returncode == 2
    line = next(number for number, text in enumerate(config.read_text("utf-8").splitlines(), 1)
                if "ministry_of_nothing" in text)
    assert f"legalgen.yaml:{line}:" in result.stderr
    assert "unknown issuer 'ministry_of_nothing'" in result.stderr


def test_init_takes_an_issuer_of_an_issuer_file(tmp_path):
    issuers = tmp_path / "issuers.yaml"
    issuers.write_text("issuers:\n  akimat_zhanaozen:\n"
                       "    kk: {short: Жаңаөзен қаласы әкімдігінің}\n"
                       "    ru: {short: акимата города Жанаозен}\n", encoding="utf-8")
    refused = init(tmp_path / "refused", "--type", "resolution", "--issuer", "akimat_zhanaozen")
    assert refused.returncode == 2 and "unknown issuer" in refused.stderr
    root = tmp_path / "town"
    result = init(root, "--type", "resolution", "--issuer", "akimat_zhanaozen",
                  "--issuer-file", str(issuers), "--date", "2023-05-10")
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((root / "legalgen.yaml").read_text(encoding="utf-8"))
    assert config["issuers"]["akimat_zhanaozen"]["ru"]["short"] == "акимата города Жанаозен"
    assert command(root, "validate").returncode == 0
    assert command(root, "build", "--format", "html").returncode == 0


def test_an_issuer_file_with_a_problem_is_an_error_at_its_line(tmp_path):
    issuers = tmp_path / "issuers.yaml"
    issuers.write_text("akimat_zhanaozen:\n  kk: {short: Жаңаөзен қаласы әкімдігінің}\n",
                       encoding="utf-8")
    result = init(tmp_path / "town", "--issuer", "akimat_zhanaozen", "--issuer-file",
                  str(issuers))
    assert result.returncode == 2
    assert f"{issuers}:" in result.stderr and "ru" in result.stderr
    assert not (tmp_path / "town").exists()


def test_init_of_an_order_scaffolds_an_order_approving_a_plan(order):
    outline = command(order, "outline", "--lang", "ru").stdout
    for uid, kind in (("para_1", "paragraph"), ("att_1", "attachment"),
                      ("att_1__plan", "table"), (ROW, "row")):
        assert re.search(rf"^\s*{uid}\s+{kind}\b", outline, re.M), outline
    assert "sec_1" not in outline
    drafted = sorted((order.parent / "acts" / "acts" / "ru").glob("*.txt"))[0].read_text("utf-8")
    assert "в Плане мероприятий, утвержденном указанным приказом:" in drafted
    assert "ПРИКАЗЫВАЮ:" in drafted
