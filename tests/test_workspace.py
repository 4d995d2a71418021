"""A workspace of two documents (tests/workspaceutil.py: the sample and resolution No 103 of the
corpus) with one record of an act amending both: each document is validated, versioned and
built with its share of the record, `--doc` picks one, and a grouped record that names no
document of the workspace, or stands outside a workspace, is an error at its place; the act
is drafted whole and read back into the same record; references across documents are checked;
the site lists the documents on its home. The fixture is skipped without the corpus; the
slower tests are in the full tier."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.load.json_schema import json_schemas
from tests.workspaceutil import (
    ACT_RECORD,
    DOCUMENTS,
    RECORD,
    SAMPLE,
    SECOND,
)

NOTE = {"kk": "01.12.2014 № 9001", "ru": "01.12.2014 № 9001"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_document_of_the_workspace_validates_with_its_share_of_the_act(workspace):
    code, _, stderr = run("validate", "--root", str(workspace))
    assert code == 0, stderr
    assert f"{SAMPLE}: ok: 447 units in each language, 5 acts" in stderr
    assert f"{SECOND}: ok: 22 units in each language, 5 acts" in stderr


def test_doc_picks_one_document(workspace):
    code, stdout, stderr = run("versions", "--root", str(workspace), "--doc", SECOND,
                               "--lang", "ru")
    assert code == 0, stderr
    assert stdout.splitlines()[0].startswith("2005-02-04")
    assert "2014-12-01" in stdout
    code, _, stderr = run("outline", "--root", str(workspace))
    assert code == 2
    assert f"is a workspace: give --doc, one of {', '.join(DOCUMENTS)}" in stderr
    code, _, stderr = run("outline", "--root", str(workspace), "--doc", "nowhere")
    assert code == 2
    assert "no document 'nowhere' in the workspace" in stderr


def test_a_workspace_build_writes_each_document_with_the_act_s_note(workspace, tmp_path):
    out = tmp_path / "out"
    code, stdout, stderr = run("build", "--root", str(workspace), "--format", "html",
                               "--as-of", "2014-12-01", "--out", str(out), "--jobs", "1")
    assert code == 0, stderr
    for doc in DOCUMENTS:
        for lang in ("kk", "ru"):
            page = (out / lang / "2014-12-01" / f"{doc}.html").read_text(encoding="utf-8")
            assert NOTE[lang] in re.sub(r"<[^>]+>", "", page), (doc, lang)
    assert len(stdout.split()) == 4


def test_each_document_s_redline_has_a_folder_of_its_own(workspace, tmp_path):
    out = tmp_path / "out"
    for doc in DOCUMENTS:
        code, stdout, stderr = run("diff", "--root", str(workspace), "--doc", doc, "--from",
                                   "2014-11-16", "--to", "2014-12-01", "--format", "json",
                                   "--lang", "ru", "--out", str(out))
        assert code == 0, stderr
        written = out / "diff" / "ru" / doc / "2014-11-16__2014-12-01.json"
        assert stdout.splitlines()[-1] == str(written)
    assert {path.parent.name for path in (out / "diff").rglob("*.json")} == set(DOCUMENTS)


def test_the_single_document_layout_takes_no_doc(tmp_path):
    code, _, stderr = run("outline", "--doc", SAMPLE)
    assert code == 2
    assert "holds one document, not a workspace" in stderr


def test_a_record_naming_a_document_outside_the_workspace_is_an_error(workspace, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(workspace, broken)
    record = broken / "amendments" / ACT_RECORD
    record.write_text(RECORD.replace(f"'{SECOND}':", "'elsewhere':"), encoding="utf-8")
    code, _, stderr = run("validate", "--root", str(broken))
    assert code == 2
    line = next(number for number, text in enumerate(RECORD.splitlines(), 1)
                if text.strip() == f"'{SECOND}':")
    assert (f"amendments/{ACT_RECORD}:{line}:3: error: no document 'elsewhere' in the "
            f"workspace (legalgen.yaml lists {', '.join(DOCUMENTS)})") in stderr
    assert stderr.count("no document 'elsewhere'") == 1


def test_a_grouped_record_needs_a_workspace(tmp_path):
    single = tmp_path / "single"
    source = Path(__file__).resolve().parent.parent
    for folder in ("content", "amendments"):
        shutil.copytree(source / folder, single / folder)
    (single / "amendments" / ACT_RECORD).write_text(RECORD, encoding="utf-8")
    code, _, stderr = run("validate", "--root", str(single))
    assert code == 2
    line = RECORD.splitlines().index("documents:") + 1
    assert (f"amendments/{ACT_RECORD}:{line}:1: error: changes grouped per document "
            "('documents') need a workspace") in stderr


def test_act_drafts_the_whole_act_and_record_reads_it_back(workspace, tmp_path):
    out = tmp_path / "acts"
    record = workspace / "amendments" / ACT_RECORD
    code, _, stderr = run("act", "--root", str(workspace), str(record), "--format", "txt",
                          "--out", str(out))
    assert code == 0, stderr
    texts = {lang: (out / "acts" / lang / ACT_RECORD.replace(".yaml", ".txt"))
             for lang in ("kk", "ru")}
    ru = texts["ru"].read_text(encoding="utf-8").splitlines()
    points = [line for line in ru if re.match(r"^\d+\. ", line)]
    # One point per document, in the order of their adoption (No 103 of 2005, then No 683 of
    # 2012), then the point on entry into force, once; the enacting formula once.
    assert [point[:3] for point in points] == ["1. ", "2. ", "3. "]
    assert "от 4 февраля 2005 года № 103" in points[0]
    assert "от 25 мая 2012 года № 683" in points[1]
    assert points[2] == "3. Настоящее постановление вводится в действие со дня его подписания."
    assert ru.count("Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:") == 1
    kk = texts["kk"].read_text(encoding="utf-8").splitlines()
    kk_points = [line for line in kk if re.match(r"^\d+\. ", line)]
    assert len(kk_points) == 3
    assert kk_points[0].endswith("№ 103 қаулысына мынадай өзгеріс енгізілсін:")
    assert kk_points[1].endswith("№ 683 қаулысына мынадай өзгеріс енгізілсін:")

    records = tmp_path / "records"
    code, stdout, stderr = run("record", "--root", str(workspace), "--from-act",
                               str(texts["kk"]), "--from-act", str(texts["ru"]),
                               "--out", str(records))
    assert code == 0, stderr
    written = records / ACT_RECORD
    assert stdout.split() == [str(written)]
    assert yaml.safe_load(written.read_text(encoding="utf-8")) == yaml.safe_load(RECORD)


def test_act_in_a_workspace_refuses_a_record_of_none_of_its_documents(workspace):
    code, stdout, stderr = run("act", "--root", str(workspace), "--doc", SECOND,
                               str(workspace / "amendments" / "none.yaml"))
    assert code == 2
    assert stdout == ""
    assert "'" + str(workspace / "amendments" / "none.yaml") + "' is no amendment record of " \
        "the project (records: " in stderr
    assert f"amendments/{ACT_RECORD}" in stderr


@pytest.mark.full  # the site of two documents: seconds
def test_the_site_of_a_workspace_lists_its_documents_on_its_home(workspace, tmp_path):
    out = tmp_path / "site"
    code, _, stderr = run("site", "--root", str(workspace), "--no-downloads", "--out", str(out))
    assert code == 0, stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)">', home)
    assert links == [(f"{doc}/{lang}/index.html", lang)
                     for lang in ("kk", "ru") for doc in DOCUMENTS]
    for doc in DOCUMENTS:  # each document's pages as a document's own site has them
        for lang in ("kk", "ru"):
            assert (out / doc / lang / "index.html").is_file()
            assert (out / doc / lang / "2014-12-01.html").is_file()


@pytest.mark.full  # every version of both documents consolidated, three times
@pytest.mark.parametrize(("target", "problem"), [
    (f"{SECOND}#para_1", None),
    (f"{SECOND}#para_9", f"leads to no unit of document {SECOND} in force on 2012-05-25"),
    ("nowhere#para_1", "names no document of the workspace"),
])
def test_references_to_another_document_are_checked_at_every_version(workspace, tmp_path,
                                                                      target, problem):
    copy = tmp_path / "workspace"
    shutil.copytree(workspace, copy)
    for lang in ("kk", "ru"):
        content = copy / "documents" / SAMPLE / "content" / lang / "01-resolution.yaml"
        text = content.read_text(encoding="utf-8")
        edited = re.sub(r'(label: "6\."\n    text: ")', rf'\1[{SECOND}](ref:{target}) ', text)
        assert edited != text
        content.write_text(edited, encoding="utf-8")
    code, _, stderr = run("validate", "--root", str(copy))
    if problem is None:
        assert code == 0, stderr
    else:
        assert code == 2
        # Told once, at the first language's unit, whichever versions and languages show it.
        kk = copy / "documents" / SAMPLE / "content" / "kk" / "01-resolution.yaml"
        line = kk.read_text(encoding="utf-8").splitlines().index('    label: "6."')
        errors = [line for line in stderr.splitlines() if ": error: " in line]
        assert errors == [f"documents/{SAMPLE}/content/kk/01-resolution.yaml:{line}:5: error: "
                          f"unit para_6: the reference to '{target}' {problem}"]


@pytest.mark.full  # a second copy of the workspace read, drafted and read back
def test_an_act_repealing_one_document_and_amending_another_is_drafted_and_read_whole(
        workspace, tmp_path):
    copy = tmp_path / "workspace"
    shutil.copytree(workspace, copy)
    repealing = RECORD.replace(
        "      - target: para_1\n        action: amend\n", "      - target: '22806'\n"
        "        action: repeal\n").split("        edits:\n          - find:\n"
                                         "              kk: Мәдениет")[0]
    (copy / "amendments" / ACT_RECORD).write_text(repealing, encoding="utf-8")
    out = tmp_path / "acts"
    code, _, stderr = run("act", "--root", str(copy), "--format", "txt", "--out", str(out),
                          "--doc", SECOND)
    assert code == 0, stderr
    texts = [out / "acts" / lang / ACT_RECORD.replace(".yaml", ".txt") for lang in ("kk", "ru")]
    ru = [line for line in texts[1].read_text(encoding="utf-8").splitlines()
          if re.match(r"^\d+\. ", line)]
    # The amendment first, the repeal after it, whatever the documents' dates.
    assert ru[0].startswith("1. Внести в постановление") and "№ 683" in ru[0]
    assert ru[1].startswith("2. Признать утратившим силу постановление") and "№ 103" in ru[1]
    assert ru[2].startswith("3. Настоящее постановление вводится в действие")
    records = tmp_path / "records"
    code, _, stderr = run("record", "--root", str(copy), "--from-act", str(texts[0]),
                          "--from-act", str(texts[1]), "--out", str(records))
    assert code == 0, stderr
    assert yaml.safe_load((records / ACT_RECORD).read_text(encoding="utf-8")) == \
        yaml.safe_load(repealing)


def test_the_record_schema_takes_changes_grouped_per_document_or_to_one_document():
    schema = json_schemas(["government"], ("kk", "ru"))["amendment.schema.json"]
    grouped = json.loads(json.dumps(yaml.safe_load(RECORD), default=str))
    jsonschema.validate(grouped, schema)
    single = json.loads(json.dumps(
        yaml.safe_load(RECORD.split("documents:")[0] + "changes: []"), default=str))
    single["changes"] = grouped["documents"][SAMPLE]["changes"]
    jsonschema.validate(single, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**grouped, "changes": single["changes"]}, schema)
