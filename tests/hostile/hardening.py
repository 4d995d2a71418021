"""The second pass of the hostile corpus: names made from data, staging, project templates,
caches, special files, `record` and `init` (the classes of issue 27). Each case says how it
breaks a copy of the fixture (or the machine) and what the command must answer; a case whose
command succeeds says which files it may write (`wrote`, relative to the test's folder)."""

from __future__ import annotations

import io
import json
import os
import pickle
import zipfile
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from generator.annotate import annotate
from generator.build.project_cache import input_key
from generator.cli import main
from generator.consolidate import consolidate
from generator.draft import draft_act
from generator.load import load_project
from generator.writers.act_txt import render_act_txt
from generator.writers.docx.version import render_docx
from tests.fixtureutil import DOC_ID, edit
from tests.hostile.base import Case, nothing, put, sub

R1310 = "amendments/no-1310.yaml"
R512 = "amendments/no-512.yaml"
TEMPLATE = "templates/document.html.j2"
SITE_HOME = "templates/site/home.html.j2"
NUMBER = 'number: "1310"'
LATEST = f"out/*/2016-01-01/{DOC_ID}.*"
PDF = ["--format", "pdf", "--lang", "kk"]


def number(value: str) -> Callable[[Path], None]:
    """Act No 1310 numbered `value` (written as a JSON string, which YAML reads as it is)."""
    return sub(R1310, NUMBER, f"number: {json.dumps(value)}")


def fifo(path: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        target = root / path
        if target.exists():
            target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(target)

    return make


def link(path: str, to: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        target = root / path
        target.unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(to)

    return make


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        for step in steps:
            step(root)

    return run


def exists(*paths: str) -> Callable[[Path], None]:
    def check(tmp: Path) -> None:
        for path in paths:
            assert (tmp / path).exists(), f"{path} was not written"

    return check


def absent(*paths: str) -> Callable[[Path], None]:
    def check(tmp: Path) -> None:
        for path in paths:
            assert not (tmp / path).exists(), f"{path} was written"

    return check


# --- Names made from data ---------------------------------------------------------------------

def _twin_of_1310(root: Path) -> None:
    """A second act signed the same day as No 1310, amending the text No 1310 wrote."""
    text = (root / R1310).read_text(encoding="utf-8")
    twin = text.replace(
        'find: {kk: "Ұлттық экономика министрлігіне", ru: "Министерство национальной экономики '
        'Республики Казахстан"}',
        'find: {kk: "және Қызылорда облысының әкімдігіне", ru: "и акимат Кызылординской '
        'области"}').replace(
        'replace: {kk: "Ұлттық экономика министрлігіне және Қызылорда облысының әкімдігіне", '
        'ru: "Министерство национальной экономики Республики Казахстан и акимат '
        'Кызылординской области"}',
        'replace: {kk: "және облыстың әкімдігіне", ru: "и акимат области"}')
    assert twin != text
    (root / "amendments" / "no-1310b.yaml").write_text(
        twin.replace(NUMBER, 'number: "1310-"'), encoding="utf-8")
    edit(root / R1310, NUMBER, 'number: "1310+"')


def _site_twins(root: Path) -> None:
    """Two records whose names a file name holds alike: `no+1310.yaml` and `no-1310.yaml`."""
    _twin_of_1310(root)
    (root / R1310).rename(root / "amendments" / "no+1310.yaml")
    (root / "amendments" / "no-1310b.yaml").rename(root / R1310)


def _two_act_files(tmp: Path) -> None:
    names = sorted(path.name for path in (tmp / "out" / "acts" / "kk").iterdir())
    twins = [name for name in names if name.startswith("2014-12-20-1310~")]
    assert len(twins) == 2, names


def _two_site_pages(tmp: Path) -> None:
    pages = sorted(path.name for path in (tmp / "out" / "site" / "kk" / "acts").iterdir())
    assert "no-1310.html" in pages and len([p for p in pages if "1310" in p]) == 2, pages


def _short_name(tmp: Path) -> None:
    names = [path.name for path in (tmp / "out" / "acts" / "kk").iterdir()]
    longest = max(len(name.encode()) for name in names)
    assert longest <= 170, names


def _names_cases() -> list[Case]:
    k = "unsafe name"
    acts = ("out/acts/*",)
    return [
        Case("act number climbing out", k, number("/../../../x"), needle="written",
             code=0, args=["cmd:act"], wrote=acts,
             check=exists("out/acts/kk/2014-12-20-x.txt")),
        Case("act number with a slash", k, number("22-н/қ"), needle="written", code=0,
             args=["cmd:act"], wrote=acts, check=exists("out/acts/kk/2014-12-20-22-н-қ.txt")),
        Case("act number only dots", k, number(".."), needle="written", code=0,
             args=["cmd:act"], wrote=acts, check=exists("out/acts/ru/2014-12-20.txt")),
        Case("act number of 300 characters", k, number("9" * 300), needle="written", code=0,
             args=["cmd:act"], wrote=acts, check=_short_name),
        Case("two act numbers one file name", k, _twin_of_1310, needle="written", code=0,
             args=["cmd:act"], wrote=acts, check=_two_act_files),
        Case("two record names one page name", k, _site_twins, needle="written", code=0,
             args=["cmd:site"], wrote=("out/site/*",), check=_two_site_pages),
        Case("act number with a NUL", k, number("13\x0010"), R1310, "number:", "U+0000"),
        Case("act number with a line break", k, number("13\n10"), needle="written", code=0,
             args=["cmd:act"], wrote=acts, check=exists("out/acts/kk/2014-12-20-13-10.txt")),
        Case("new-act number climbing out", k, nothing, needle="2015-03-01-x.yaml", code=0,
             args=["cmd:new-act", "--number", "/../../x", "--date", "2015-03-01"],
             wrote=("project/amendments/2015-03-01-x.yaml",)),
        Case("new-act name of another act", k,
             lambda root: (root / R1310).rename(root / "amendments" / "2014-12-20-1310.yaml"),
             needle="2014-12-20-1310~", code=0,
             args=["cmd:new-act", "--number", "1310+", "--date", "2014-12-20"],
             wrote=("project/amendments/2014-12-20-1310~*.yaml",)),
        Case("new-act of an act recorded", k,
             lambda root: (root / R1310).rename(root / "amendments" / "2014-12-20-1310.yaml"),
             None, None, "exists already",
             args=["cmd:new-act", "--number", "1310", "--date", "2014-12-20"]),
        Case("record number climbing out", k, _without_512, needle="2014-05-20-x.yaml", code=0,
             args=["cmd:record", "--from-act", "{tmp}/act-kk.txt", "--from-act",
                   "{tmp}/act-ru.txt", "--act-number", "/../../x", "--act-date", "2014-05-20"],
             prepare=_act_texts, wrote=("project/amendments/2014-05-20-x.yaml",)),
    ]


# --- Staging owns only what it made -----------------------------------------------------------

def _users_temporary_files(tmp: Path, out: Path) -> None:
    (out / "ru" / ".notes.tmp").write_text("the user's notes")
    (out / "kk" / f".{DOC_ID}.html.4194323.x1y2.tmp").write_text("the user's, named like ours")
    (tmp / ".out.staging-4194323-mine").mkdir()
    (tmp / ".out.staging-4194323-mine" / "keep.txt").write_text("no marker: the user's")


def _staging_cases() -> list[Case]:
    k = "staging"
    return [
        Case("the user's temporary files", k, nothing, needle="written", code=0,
             prepare=_users_temporary_files, wrote=(LATEST,)),
        Case("a FIFO where an output goes", k, nothing, needle="written", code=0,
             prepare=lambda tmp, out: _fifo_output(out), wrote=(LATEST,)),
        Case("out on a link to a folder", k, nothing, needle="written", code=0,
             prepare=_out_through_a_link, wrote=(LATEST,)),
    ]


def _fifo_output(out: Path) -> None:
    target = out / "kk" / "2016-01-01" / f"{DOC_ID}.html"
    target.unlink()
    os.mkfifo(target)


def _out_through_a_link(tmp: Path, out: Path) -> None:
    (out / "kk").rename(tmp / "kk-elsewhere")
    (out / "kk").symlink_to(tmp / "kk-elsewhere")


# --- Project templates ------------------------------------------------------------------------

def template(text: str, name: str = TEMPLATE) -> Callable[[Path], None]:
    return put(name, text)


def _runs_a_command(root: Path) -> None:
    """A template that, outside a sandbox, makes a folder beside the project."""
    command = f"mkdir {root.parent / 'pwned'}"
    put(TEMPLATE, "<p>\n{{ cycler.__init__.__globals__.os.popen(" + json.dumps(command)
        + ").read() }}\n")(root)


def _template_cases() -> list[Case]:
    k = "template"
    return [
        Case("template syntax error", k, template("<p>\n{% if %}\n"), TEMPLATE, "{% if %}",
             "Expected an expression"),
        Case("template undefined name", k, template("<p>\n{{ nothing.at_all }}\n"), TEMPLATE,
             "nothing.at_all", "'nothing' is undefined"),
        Case("template extends itself", k, template('{% extends "document.html.j2" %}\n'),
             TEMPLATE, "extends", "extends or includes itself"),
        Case("templates include each other", k,
             both(template('{% include "b.html.j2" %}\n'),
                  template('{% include "document.html.j2" %}\n', "templates/b.html.j2")),
             TEMPLATE, "include", "extends or includes itself"),
        Case("template runs a command", k, _runs_a_command, TEMPLATE, "popen",
             "not allowed in a template", check=absent("pwned")),
        Case("template changes a value", k, template("<p>\n{{ a.version.units.clear() }}\n"),
             TEMPLATE, "clear()", "not allowed in a template"),
        Case("template reads a class", k, template("<p>\n{{ a.__class__ }}\n"), TEMPLATE,
             "__class__", "not allowed in a template"),
        Case("template includes a link out", k,
             both(template('<p>\n{% include "x.html.j2" %}\n'),
                  link("templates/x.html.j2", "/etc/hostname")),
             "templates/x.html.j2", None, "link leading out"),
        Case("template is a link out", k, link(TEMPLATE, "/etc/passwd"), TEMPLATE, None,
             "link leading out"),
        Case("templates folder is a link out", k, link("templates", "/etc"), "templates", None,
             "leading out of the project"),
        Case("template is a FIFO", k, fifo(TEMPLATE), TEMPLATE, None, "FIFO"),
        Case("stylesheet is a link out", k, link("templates/style.css", "/etc/passwd"),
             "templates/style.css", None, "link leading out"),
        Case("print stylesheet is a link out", k, link("templates/print.css", "/etc/passwd"),
             "templates/print.css", None, "link leading out", args=PDF),
        Case("print stylesheet is a FIFO", k, fifo("templates/print.css"),
             "templates/print.css", None, "FIFO", args=PDF),
        Case("print stylesheet imports a link out", k,
             both(template('@import "evil.css";\n', "templates/print.css"),
                  link("templates/evil.css", "/etc/passwd")),
             "templates/evil.css", None, "link leading out", args=PDF),
        Case("copy of a template out of the folder", k, nothing, None, None,
             "no built-in template", args=["cmd:templates", "--copy", "../../etc/passwd"]),
        Case("template not UTF-8", k, put(TEMPLATE, b"<p>\xff\xfe</p>\n"), TEMPLATE, None,
             "not UTF-8"),
        Case("template includes a missing one", k, template('<p>\n{% include "none.j2" %}\n'),
             TEMPLATE, "include", "no template named 'none.j2'"),
        Case("validate: site template syntax", k,
             template("{% block %}\n", SITE_HOME), SITE_HOME, "block", "template:",
             args=["cmd:validate"]),
        Case("validate: site template undefined", k,
             template('{% extends "site/page.html.j2" %}\n{% block main %}{{ bogus }}'
                      "{% endblock %}\n", SITE_HOME), SITE_HOME, "bogus",
             "'bogus' is undefined", args=["cmd:validate"]),
        Case("validate: template extends itself", k,
             template('{% extends "document.html.j2" %}\n'), TEMPLATE, "extends",
             "extends or includes itself", args=["cmd:validate"]),
        Case("validate: template runs a command", k, _runs_a_command, TEMPLATE, "popen",
             "not allowed", args=["cmd:validate"], check=absent("pwned")),
    ]


# --- Caches that cannot run code --------------------------------------------------------------

def _built(tmp: Path, out: Path) -> list[Path]:
    """Build first, as the case will, and give the output store's records."""
    result = CliRunner().invoke(main, ["build", "--root", str(tmp / "project"), "--out",
                                       str(out), "--format", "html,docx"])
    assert result.exit_code == 0, result.output
    return sorted((out / ".cache" / "outputs").rglob("*.json"))


def _records(damage: Callable[[Path], None]) -> Callable[[Path, Path], None]:
    def prepare(tmp: Path, out: Path) -> None:
        for record in _built(tmp, out):
            damage(record)

    return prepare


def _nested(depth: int) -> Callable[[Path], None]:
    return lambda record: record.write_text("[" * depth + "]" * depth)


def _fifo_record(record: Path) -> None:
    record.unlink()
    os.mkfifo(record)


class _Payload:
    """What a planted pickle would run when unpickled: it makes a folder."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (self.path,)


def _planted_pickle(tmp: Path, out: Path) -> None:
    """A pickle in the project cache of this case alone (no other command can push it out),
    under the project's key, as the old format sealed it (its SHA-256 first): unpickling it
    would run code."""
    import hashlib

    body = pickle.dumps(_Payload(str(tmp / "pwned")))
    path = _own_cache(tmp) / f"{input_key(tmp / 'project')}.pickle"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(hashlib.sha256(body).digest() + body)


def _own_cache(tmp: Path) -> Path:
    """The project cache of a case whose command is run with OWN_CACHE."""
    return tmp / "cache" / "legalgen" / "projects"


def _shared_key(tmp: Path, out: Path) -> None:
    cache = _own_cache(tmp)
    cache.mkdir(parents=True)
    (cache / "signing.key").write_bytes(b"k" * 32)
    (cache / "signing.key").chmod(0o644)


OWN_CACHE = "env:XDG_CACHE_HOME={tmp}/cache"


def _cache_cases() -> list[Case]:
    k = "cache"
    return [
        Case("output record nested 500 deep", k, nothing, needle="written", code=0,
             prepare=_records(_nested(500))),
        Case("output record nested 100000 deep", k, nothing, needle="written", code=0,
             prepare=_records(_nested(100_000))),
        Case("output record is a FIFO", k, nothing, needle="written", code=0,
             prepare=_records(_fifo_record)),
        Case("output record of 3 MB", k, nothing, needle="written", code=0,
             prepare=_records(lambda record: record.write_text(" " * 3_000_000 + "{}"))),
        Case("planted project pickle", k, nothing, needle="written", code=0,
             prepare=_planted_pickle, wrote=(LATEST,), args=[OWN_CACHE],
             check=absent("pwned")),
        Case("project cache key readable by others", k, nothing, needle="written", code=0,
             prepare=_shared_key, wrote=(LATEST,), args=[OWN_CACHE],
             check=lambda tmp: _nothing_kept(_own_cache(tmp))),
    ]


def _nothing_kept(folder: Path) -> None:
    assert not list(folder.glob("*.pickle")), "a pickle was kept under a key others can read"


# --- Only regular files are read --------------------------------------------------------------

def _special_cases() -> list[Case]:
    k = "special file"
    return [
        Case("FIFO among the records", k, fifo("amendments/no-9999.yaml"),
             "amendments/no-9999.yaml", None, "is a FIFO"),
        Case("FIFO as legalgen.yaml", k, fifo("legalgen.yaml"), "legalgen.yaml", None,
             "is a FIFO"),
        Case("FIFO as a content file", k, fifo("content/kk/04-action-plan.yaml"),
             "content/kk/04-action-plan.yaml", None, "is a FIFO"),
        Case("FIFO as a manifest", k, fifo("content/ru/manifest.yaml"),
             "content/ru/manifest.yaml", None, "is a FIFO"),
        Case("record is /dev/zero", k, link("amendments/no-9999.yaml", "/dev/zero"),
             "amendments/no-9999.yaml", None, "is a character device"),
        Case("legalgen.yaml a folder, cache warm", k,
             lambda root: (root / "legalgen.yaml").mkdir(), "legalgen.yaml", None,
             "is a folder", warm=True),
        Case("record a folder, cache warm", k,
             both(lambda root: (root / R1310).unlink(), lambda root: (root / R1310).mkdir()),
             R1310, None, "is a folder", warm=True),
        Case("record a FIFO, cache warm", k, fifo(R1310), R1310, None, "is a FIFO", warm=True),
        Case("act text is a FIFO", k, nothing, "{tmp}/fifo.txt", None, "FIFO",
             args=["cmd:record", "--from-act", "{tmp}/fifo.txt"],
             prepare=lambda tmp, out: os.mkfifo(tmp / "fifo.txt")),
        Case("Word file is a FIFO", k, nothing, "{tmp}/fifo.docx", None, "FIFO",
             args=["cmd:record", "--from-docx", "{tmp}/fifo.docx", "--act-number", "9",
                   "--act-date", "2014-06-01", "--issuer", "government"],
             prepare=lambda tmp, out: os.mkfifo(tmp / "fifo.docx")),
    ]


# --- record and init --------------------------------------------------------------------------

def _without_512(root: Path) -> None:
    (root / R512).unlink()


def _act_texts(tmp: Path, out: Path, bom: bool = False) -> None:
    """The act texts of No 512, drafted from the fixture's record (gone from the copy)."""
    from tests.fixtureutil import FIXTURE

    project = load_project(FIXTURE)
    act = next(item for item in project.acts if item.number == "512")
    for lang in ("kk", "ru"):
        text = render_act_txt(draft_act(project, act, lang))
        (tmp / f"act-{lang}.txt").write_bytes(b"\xef\xbb\xbf" + text if bom else text)


def _long_act_texts(tmp: Path, out: Path) -> None:
    """The act texts of a No 512 whose new paragraph 3 is very long (a record larger than
    the limit the case sets, each act text smaller)."""
    root = tmp / "long"
    import shutil

    from tests.fixtureutil import FIXTURE

    shutil.copytree(FIXTURE, root)
    edit(root / R512, "ақпарат берсін.", "ақпарат берсін" + " және тағы" * 400 + ".")
    edit(root / R512, "о ходе реализации Программы.",
         "о ходе реализации Программы" + " и еще" * 400 + ".")
    project = load_project(root)
    act = next(item for item in project.acts if item.number == "512")
    for lang in ("kk", "ru"):
        (tmp / f"act-{lang}.txt").write_bytes(render_act_txt(draft_act(project, act, lang)))
    shutil.rmtree(root)


def _docx(tmp: Path, identifier: str | None = None, body: bytes | None = None) -> None:
    from tests.fixtureutil import FIXTURE

    project = load_project(FIXTURE)
    data = render_docx(annotate(consolidate(project, "kk", project.adoption_date), project))
    files = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            files[name] = archive.read(name)
    if identifier is not None:
        core = files["docProps/core.xml"].decode()
        start = core.index("<dc:identifier>") + len("<dc:identifier>")
        end = core.index("</dc:identifier>")
        files["docProps/core.xml"] = (core[:start] + identifier + core[end:]).encode()
    if body is not None:
        files["word/document.xml"] = body
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in files.items():
            archive.writestr(name, part)
    (tmp / "edited.docx").write_bytes(buffer.getvalue())


def _zip_bomb(tmp: Path, out: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (80 * 1024 * 1024))
    (tmp / "edited.docx").write_bytes(buffer.getvalue())


XXE = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
DOCX = ["cmd:record", "--from-docx", "{tmp}/edited.docx", "--act-number", "9", "--act-date",
        "2014-06-01", "--issuer", "government"]
ACT_TEXTS = ["cmd:record", "--from-act", "{tmp}/act-kk.txt", "--from-act", "{tmp}/act-ru.txt"]
ACT_512 = [*ACT_TEXTS, "--act-number", "512", "--act-date", "2014-05-20"]


def _no_root_in_output(tmp: Path) -> None:
    assert not (tmp / "project" / "amendments" / "2014-06-01-9.yaml").exists()


def _record_cases() -> list[Case]:
    k = "record"
    return [
        Case("act text with a byte-order mark", k, _without_512, needle="2014-05-20-512.yaml",
             code=0, args=ACT_512, prepare=lambda tmp, out: _act_texts(tmp, out, bom=True),
             wrote=("project/amendments/2014-05-20-512.yaml",)),
        Case("record larger than the limit", k, _without_512, None, None,
             "more than the limit", args=[*ACT_512, "env:LEGALGEN_MAX_FILE_SIZE=12K"],
             prepare=_long_act_texts),
        Case("zip bomb", k, nothing, "{tmp}/edited.docx", None, "would inflate", args=DOCX,
             prepare=_zip_bomb),
        Case("impossible day in the identifier", k, nothing, "{tmp}/edited.docx", None,
             "names no day", args=DOCX,
             prepare=lambda tmp, out: _docx(tmp, identifier=f"{DOC_ID}@2014-02-30")),
        Case("outside entity in the Word file", k, nothing, "{tmp}/edited.docx", None, "",
             args=DOCX, prepare=lambda tmp, out: _docx(tmp, body=XXE),
             check=_no_root_in_output),
        Case("not a Word file", k, nothing, "{tmp}/edited.docx", None, "not a Word document",
             args=DOCX, prepare=lambda tmp, out: (tmp / "edited.docx").write_text("plain")),
        Case("in force 400 days after publication", k, nothing, None, None, "365",
             args=[*DOCX, "--in-force", "days:400"],
             prepare=lambda tmp, out: _docx(tmp)),
        Case("act dated in year 1", k, _without_512, "{tmp}/act-kk.txt", None,
             "outside the dates", args=[*ACT_TEXTS, "--act-number", "5", "--act-date",
                                        "0001-01-01"], prepare=_act_texts),
    ]


def _init_cases() -> list[Case]:
    k = "init"
    new = "{tmp}/new"
    return [
        Case("init id climbing out", k, nothing, None, None, "--id '../../x'",
             args=["cmd:init", new, "--id", "../../x"], check=absent("new", "x")),
        Case("init id breaking the YAML", k, nothing, None, None, "--id",
             args=["cmd:init", new, "--id", "x\nissuer: evil"], check=absent("new")),
        Case("init date 9999-12-31", k, nothing, None, None, "--date",
             args=["cmd:init", new, "--date", "9999-12-31"], check=absent("new")),
        Case("init date 0999-01-01", k, nothing, None, None, "outside the dates",
             args=["cmd:init", new, "--date", "0999-01-01"], check=absent("new")),
        Case("init title with a control character", k, nothing, None, None, "U+0007",
             args=["cmd:init", new, "--title-kk", "бағдарлама\x07"], check=absent("new")),
        Case("init blank title", k, nothing, None, None, "blank",
             args=["cmd:init", new, "--title-ru", "   "], check=absent("new")),
        Case("init number with a NUL", k, nothing, None, None, "U+0000",
             args=["cmd:init", new, "--number", "1\x002"], check=absent("new")),
    ]


def hardening_cases() -> list[Case]:
    return [*_names_cases(), *_staging_cases(), *_template_cases(), *_cache_cases(),
            *_special_cases(), *_record_cases(), *_init_cases()]
