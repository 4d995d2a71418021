"""The hostile-input corpus: each case breaks a copy of the fixture project (or the command line)
in one way and says which exit code, file, line and words the command must answer with."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tests.fixtureutil import FIXTURE, edit
from tests.hostile.base import Case, add, nothing, put, sub
from tests.hostile.hardening import hardening_cases

KK = "content/kk"
RES = f"{KK}/01-resolution.yaml"
MANIFEST = f"{KK}/manifest.yaml"
SEC3 = f"{KK}/03-section-3.yaml"
PLAN = f"{KK}/04-action-plan.yaml"
R512 = "amendments/no-512.yaml"
# The reason (in both languages) of No 512's reconstructed change, as the fixture writes it.
REASON_512 = next(
    block for block in (FIXTURE / R512).read_text(encoding="utf-8").split("    provenance: ")
    if block.startswith("reconstructed\n    reason:")
).split("\n", 1)[1].split("    content:")[0]
R1310 = "amendments/no-1310.yaml"
R1020 = "amendments/no-1020.yaml"
PREAMBLE = "ҚАУЛЫ ЕТЕДІ:"
PARA_2 = "шаралар қабылдасын."


def _dir_for_file(path: str) -> Callable[[Path], None]:
    def replace(root: Path) -> None:
        (root / path).unlink()
        (root / path).mkdir()

    return replace


def _symlink_loop(path: str) -> Callable[[Path], None]:
    def replace(root: Path) -> None:
        (root / path).unlink()
        os.symlink(root / path, root / path)

    return replace


def _nested(depth: int) -> str:
    return "units: " + "[" * depth + "]" * depth + "\n"


def _alias_bomb() -> str:
    lines = ["units:", "  - &a0 {kind: text, text: x}"]
    for level in range(1, 10):
        prev = f"*a{level - 1}"
        lines.append(f"  - &a{level} [{', '.join([prev] * 10)}]")
    return "\n".join(lines) + "\n"


def _yaml_cases() -> list[Case]:
    k = "bad YAML"
    return [
        Case("unclosed quote", k, sub(RES, f'{PREAMBLE}"', PREAMBLE), RES, 'label: "1."', "YAML"),
        Case(
            "tab indentation",
            k,
            sub(RES, '  - kind: paragraph\n    label: "1."', '  - kind: paragraph\n\tlabel: "1."'),
            RES,
            None,
            "YAML",
        ),
        Case(
            "duplicate key",
            k,
            sub(RES, 'label: "1."', 'label: "1."\n    label: "1."'),
            RES,
            None,
            "duplicate key 'label'",
        ),
        Case(
            "custom tag",
            k,
            sub(RES, "kind: preamble", "kind: !!python/name:os.system x"),
            RES,
            "python/name",
            "YAML",
        ),
        Case(
            "value unfit for its tag",
            k,
            sub(RES, "kind: preamble", "kind: !!int preamble"),
            RES,
            "!!int",
            "'preamble' is not a valid !!int value",
        ),
        Case("empty file", k, put(RES, ""), RES, None, "empty"),
        Case("only a comment", k, put(RES, "# nothing\n"), RES, None, "empty"),
        Case("nested 200 levels", k, put(SEC3, _nested(200)), SEC3, "units", "nested more than"),
        Case(
            "nested 100000 levels",
            k,
            put(SEC3, _nested(100_000)),
            SEC3,
            "units",
            "nested more than",
        ),
        Case("alias bomb in content", k, put(SEC3, _alias_bomb()), SEC3, "&a5", "aliases counted"),
        Case("recursive alias", k, put(SEC3, "units: &u [*u]\n"), SEC3, "units", "own anchor"),
        Case("undefined alias", k, put(SEC3, "units: [*nowhere]\n"), SEC3, "units", "alias"),
        Case(
            "file over the size limit",
            k,
            put(SEC3, "units: [" + "1, " * 800_000 + "1]\n"),
            SEC3,
            None,
            "more than the limit",
        ),
        Case(
            "50 MB flow list",
            k,
            put(SEC3, "units: [" + "0," * 25_000_000 + "0]\n"),
            SEC3,
            None,
            "more than the limit",
        ),
        Case("NUL byte", k, sub(RES, PARA_2, "шаралар\x00 қабылдасын."), RES, "шаралар", "U+0000"),
        Case(
            "raw control character",
            k,
            sub(RES, PARA_2, "шаралар\x01 қабылдасын."),
            RES,
            "шаралар",
            "U+0001",
        ),
        Case(
            "raw vertical tab",
            k,
            sub(RES, PARA_2, "шаралар\x0b қабылдасын."),
            RES,
            "шаралар",
            "U+000B",
        ),
        Case(
            "Latin-1 bytes",
            k,
            put(RES, b'units:\n  - kind: preamble\n    text: "caf\xe9"\n'),
            RES,
            "caf",
            "not UTF-8",
        ),
        Case("UTF-16 file", k, put(RES, "units: []\n".encode("utf-16")), RES, None, "not UTF-8"),
        Case(
            "top level is a list", k, put(RES, "- kind: preamble\n"), RES, None, "valid dictionary"
        ),
        Case("top level is a string", k, put(RES, "hello\n"), RES, None, ""),
        Case("record is a list", k, put(R1310, "- 1\n- 2\n"), R1310, None, ""),
        Case(
            "bad date in YAML",
            k,
            sub(R1310, "date: 2014-12-20", "date: 2014-13-45"),
            R1310,
            "2014-13-45",
            "invalid date '2014-13-45'",
        ),
    ]


def _record_cases() -> list[Case]:
    k = "bad record"
    return [
        Case(
            "unknown action",
            k,
            sub(R1310, "action: amend", "action: obliterate"),
            R1310,
            "obliterate",
            "unknown action 'obliterate'; expected one of",
        ),
        Case(
            "unknown issuer",
            k,
            sub(R1310, "issuer: government", "issuer: senate"),
            R1310,
            "senate",
            "unknown issuer 'senate'",
        ),
        Case(
            "unknown act type",
            k,
            sub(R1310, "type: resolution", "type: memo"),
            R1310,
            "memo",
            "unknown type 'memo'",
        ),
        Case(
            "unknown in-force rule",
            k,
            sub(R1310, "in_force: {date: 2015-01-01}", "in_force: someday"),
            R1310,
            "someday",
            "someday",
        ),
        Case(
            "unknown field",
            k,
            sub(R1310, "action: amend", "action: amend\n    colour: red"),
            R1310,
            "colour",
            "unknown field 'colour'",
        ),
        Case(
            "missing target",
            k,
            sub(R1310, "  - target: para_4\n    action: amend", "  - action: amend"),
            R1310,
            "action: amend",
            "missing field 'target'",
        ),
        Case(
            "missing act",
            k,
            put(R1310, "changes: [{target: para_4, action: delete}]\n"),
            R1310,
            None,
            "act",
        ),
        Case(
            "changes not a list",
            k,
            put(
                R1310,
                (
                    "act: {type: resolution, issuer: government, number: '1', date: 2014-12-20, "
                    "title: {kk: a, ru: b}}\nchanges: 5\n"
                ),
            ),
            R1310,
            "changes",
            "non-empty list",
        ),
        Case(
            "empty changes",
            k,
            put(
                R1310,
                (
                    "act: {type: resolution, issuer: government, number: '1', date: 2014-12-20, "
                    "title: {kk: a, ru: b}}\nchanges: []\n"
                ),
            ),
            R1310,
            "changes",
            "non-empty list",
        ),
        Case(
            "number is a mapping",
            k,
            sub(R1310, 'number: "1310"', "number: {a: 1}"),
            R1310,
            "number:",
            "'number'",
        ),
        Case(
            "date is text",
            k,
            sub(R1310, "date: 2014-12-20", "date: yesterday"),
            R1310,
            "yesterday",
            "'yesterday'",
        ),
        Case(
            "date is a number",
            k,
            sub(R1310, "date: 2014-12-20", "date: 20141220"),
            R1310,
            "20141220",
            "date",
        ),
        Case(
            "date after 9997",
            k,
            sub(R1310, "in_force: {date: 2015-01-01}", "in_force: {date: 9999-06-01}"),
            R1310,
            "9999-06-01",
            "outside the dates",
        ),
        Case(
            "publication near 9999",
            k,
            sub(R1020, "published: 2014-11-05", "published: 9999-12-25"),
            R1020,
            "9999-12-25",
            "outside the dates",
        ),
        Case(
            "adoption before year 1000",
            k,
            sub(MANIFEST, "date: 2014-02-10", "date: 0999-02-10"),
            MANIFEST,
            "0999",
            "outside the dates",
        ),
        Case(
            "publication days out of range",
            k,
            sub(R1020, "after_publication_days: 10", "after_publication_days: 100000"),
            R1020,
            "in_force",
            "365",
        ),
        Case(
            "in force before signing",
            k,
            sub(R1310, "in_force: {date: 2015-01-01}", "in_force: {date: 2001-01-01}"),
            R1310,
            "in_force: {date: 2001-01-01}",
            "before act No 1310 is signed",
        ),
        Case(
            "target does not exist",
            k,
            sub(R1310, "target: para_4", "target: para_44"),
            R1310,
            None,
            "para_44",
        ),
        Case(
            "reconstructed without reason",
            k,
            sub(R512, REASON_512, ""),
            R512,
            "provenance: reconstructed",
            "needs a 'reason'",
        ),
        Case(
            "control character in reason",
            k,
            sub(R512, "реконструирована.", "реконстр\\x01уирована."),
            R512,
            "target: para_3",
            "U+0001",
        ),
        Case(
            "vertical tab in a title",
            k,
            sub(R1310, "өзгеріс енгізу туралы", "өзгеріс\\vенгізу туралы"),
            R1310,
            None,
            "U+000B",
        ),
        Case(
            "Arabic in an edit",
            k,
            sub(R1310, "және Қызылорда", "және عربي"),
            R1310,
            "target: para_4",
            "cannot set U+0639",
        ),
        Case(
            "empty title",
            k,
            sub(
                R1310,
                'kk: "Қазақстан Республикасы Үкіметінің 2014 жылғы '
                '10 ақпандағы № 95 қаулысына өзгеріс енгізу туралы"',
                'kk: ""',
            ),
            R1310,
            'kk: ""',
            "title.kk",
        ),
        Case(
            "empty record",
            k,
            put("amendments/no-1310-copy.yaml", ""),
            "amendments/no-1310-copy.yaml",
            None,
            "empty",
        ),
        Case(
            "boolean as number",
            k,
            sub(R1310, 'number: "1310"', "number: yes"),
            R1310,
            "number: yes",
            "number",
        ),
    ]


def _content_cases() -> list[Case]:
    k = "bad content"
    return [
        Case(
            "blank text",
            k,
            sub(
                RES,
                f'"Қызылорда облысының әкімдігі, мүдделі орталық '
                f'мемлекеттік органдар Бағдарламаны іске асыру жөнінде {PARA_2}"',
                '"   "',
            ),
            RES,
            '"   "',
            "'text' is blank",
        ),
        Case(
            "empty text",
            k,
            sub(
                RES,
                f'"Қызылорда облысының әкімдігі, мүдделі орталық '
                f'мемлекеттік органдар Бағдарламаны іске асыру жөнінде {PARA_2}"',
                '""',
            ),
            RES,
            'text: ""',
            "'text' is blank",
        ),
        Case(
            "blank heading",
            k,
            sub(SEC3, 'heading: "Мақсаты"', 'heading: " "'),
            SEC3,
            'heading: " "',
            "'heading' is blank",
        ),
        Case(
            "Arabic text",
            k,
            sub(RES, PREAMBLE, "ҚАУЛЫ عربي:"),
            RES,
            "kind: preamble",
            "cannot set U+0639",
        ),
        Case(
            "CJK text",
            k,
            sub(RES, PREAMBLE, "ҚАУЛЫ 中文:"),
            RES,
            "kind: preamble",
            "cannot set U+4E2D",
        ),
        Case(
            "emoji", k, sub(RES, PREAMBLE, "ҚАУЛЫ 🙂:"), RES, "kind: preamble", "cannot set U+1F642"
        ),
        Case(
            "escaped vertical tab",
            k,
            sub(RES, PARA_2, "шаралар\\vқабылдасын."),
            RES,
            'label: "2."',
            "U+000B",
            offset=-1,
        ),
        Case(
            "escaped NUL",
            k,
            sub(RES, PARA_2, "шаралар\\0қабылдасын."),
            RES,
            'label: "2."',
            "U+0000",
            offset=-1,
        ),
        Case(
            "escaped escape",
            k,
            sub(RES, PARA_2, "шаралар\\x1bқабылдасын."),
            RES,
            'label: "2."',
            "U+001B",
            offset=-1,
        ),
        Case(
            "lone surrogate",
            k,
            sub(RES, PARA_2, "шаралар\\ud800қабылдасын."),
            RES,
            "шаралар",
            "invalid Unicode",
        ),
        Case(
            "C1 control",
            k,
            sub(RES, PARA_2, "шаралар\\x85қабылдасын."),
            RES,
            'label: "2."',
            "U+0085",
            offset=-1,
        ),
        Case(
            "control character in a cell",
            k,
            sub(PLAN, '"Аудан орталығында кәріз', '"Аудан\\x07 орталығында кәріз'),
            PLAN,
            'label: "2."',
            "U+0007",
            offset=-1,
        ),
        Case(
            "Arabic in a heading",
            k,
            sub(SEC3, 'heading: "Мақсаты"', 'heading: "Мақсаты ب"'),
            SEC3,
            "kind: subsection",
            "U+0628",
        ),
        Case(
            "Hangul in a stamp",
            k,
            sub(f"{KK}/02-programme.yaml", '"бекітілген"', '"бекітілген 한"'),
            f"{KK}/02-programme.yaml",
            "kind: attachment",
            "U+D55C",
        ),
        Case(
            "reference to a missing unit",
            k,
            sub(RES, "ref:att_1", "ref:att_9"),
            RES,
            'label: "1."',
            "'att_9'",
            offset=-1,
        ),
        Case(
            "reference to a unit inserted later",
            k,
            sub(RES, "ref:att_1", "ref:att_1__sec_3__subsec_2__point_2__subpoint_2-1"),
            RES,
            'label: "1."',
            "version of 2014-02-10",
            offset=-1,
        ),
        Case(
            "unknown kind",
            k,
            sub(RES, "kind: preamble", "kind: preface"),
            RES,
            "kind: preface",
            "unknown kind 'preface'",
        ),
        Case(
            "bad id",
            k,
            sub(SEC3, 'heading: "Мақсаты"', 'heading: "Мақсаты"\n        id: "Bad Id"'),
            SEC3,
            "Bad Id",
            "'Bad Id' does not match",
        ),
        Case(
            "unit is a string",
            k,
            sub(RES, "  - kind: signature", "  - just words\n  - kind: signature"),
            RES,
            "just words",
            "must be a mapping",
        ),
        Case(
            "field of another kind",
            k,
            sub(RES, "kind: preamble", "kind: preamble\n    cells: [a]"),
            RES,
            "cells: [a]",
            "not used by a preamble",
        ),
        Case(
            "paragraph without label",
            k,
            sub(RES, '    label: "5."\n', ""),
            RES,
            None,
            "needs a 'label'",
        ),
        Case("duplicate id", k, sub(RES, 'label: "5."', 'label: "4."'), RES, None, "duplicate id"),
        Case(
            "text is a number",
            k,
            sub(
                RES,
                f'"Қызылорда облысының әкімдігі, мүдделі орталық '
                f"мемлекеттік органдар Бағдарламаны іске асыру жөнінде "
                f'{PARA_2}"',
                "42",
            ),
            RES,
            "text: 42",
            "'text'",
        ),
        Case(
            "text is a list",
            k,
            sub(
                RES,
                f'"Қызылорда облысының әкімдігі, мүдделі орталық '
                f"мемлекеттік органдар Бағдарламаны іске асыру жөнінде "
                f'{PARA_2}"',
                "[a, b]",
            ),
            RES,
            "text: [a, b]",
            "'text'",
        ),
        Case(
            "children not a list",
            k,
            sub(
                SEC3,
                '    children:\n      - kind: subsection\n        heading: "Мақсаты"',
                "    children: 7\n    x_children:\n"
                '      - kind: subsection\n        heading: "Мақсаты"',
            ),
            SEC3,
            None,
            "",
        ),
        Case(
            "no ru counterpart",
            k,
            add(RES, '  - kind: text\n    text: "Қосымша."\n'),
            RES,
            "Қосымша",
            "no ru counterpart",
            offset=-1,
        ),
        Case(
            "parent not defined",
            k,
            sub(SEC3, "parent: att_1", "parent: att_7"),
            SEC3,
            "parent: att_7",
            "att_7",
        ),
        Case(
            "manifest absolute path",
            k,
            sub(MANIFEST, "  - 05-appendix.yaml", "  - /etc/hostname"),
            MANIFEST,
            "/etc/hostname",
            "must be a path inside",
        ),
        Case(
            "manifest dot-dot path",
            k,
            sub(MANIFEST, "  - 05-appendix.yaml", "  - ../ru/05-appendix.yaml"),
            MANIFEST,
            "../ru/05-appendix.yaml",
            "no '..'",
        ),
        Case(
            "manifest link leading out",
            k,
            lambda root: (
                (root / KK / "06-out.yaml").symlink_to("/etc/hostname")
                or edit(
                    root / MANIFEST, "  - 05-appendix.yaml", "  - 05-appendix.yaml\n  - 06-out.yaml"
                )
            ),
            MANIFEST,
            "06-out.yaml",
            "must be a path inside",
        ),
        Case(
            "manifest missing file",
            k,
            sub(MANIFEST, "  - 05-appendix.yaml", "  - 09-none.yaml"),
            MANIFEST,
            "09-none.yaml",
            "does not exist",
        ),
        Case(
            "manifest without files",
            k,
            sub(
                MANIFEST,
                "  - 01-resolution.yaml\n  - 02-programme.yaml\n"
                "  - 03-section-3.yaml\n  - 04-action-plan.yaml\n"
                "  - 05-appendix.yaml\n",
                "  []\n",
            ),
            MANIFEST,
            None,
            "files",
        ),
        Case(
            "manifest bad document id",
            k,
            sub(MANIFEST, "id: district-2014-2018", "id: ../../x"),
            MANIFEST,
            "../../x",
            "does not match",
        ),
        Case(
            "manifest missing",
            k,
            lambda root: (root / MANIFEST).unlink(),
            MANIFEST,
            None,
            "file not found",
        ),
        Case("content file is a folder", k, _dir_for_file(PLAN), PLAN, None, "is a folder"),
        Case("record is a folder", k, _dir_for_file(R1310), R1310, None, "is a folder"),
        Case(
            "yml record with --strict",
            k,
            put("amendments/no-2000.yml", "act: {}\n"),
            "amendments/no-2000.yml",
            None,
            "rename it to no-2000.yaml",
            args=["cmd:validate", "--strict"],
        ),
    ]


def _usage_cases() -> list[Case]:
    k = "bad option"
    return [
        Case(
            "unknown language",
            k,
            nothing,
            None,
            None,
            "unknown language 'en'",
            args=["--lang", "en"],
        ),
        Case(
            "unknown format",
            k,
            nothing,
            None,
            None,
            "unknown format 'odt'",
            args=["--format", "odt"],
        ),
        Case("bad --as-of", k, nothing, None, None, "2014-02-30", args=["--as-of", "2014-02-30"]),
        Case(
            "--as-of before adoption",
            k,
            nothing,
            None,
            None,
            "1990-01-01",
            args=["--as-of", "1990-01-01"],
        ),
        Case("--jobs 0", k, nothing, None, None, "--jobs", args=["--jobs", "0"]),
        Case("--jobs text", k, nothing, None, None, "--jobs", args=["--jobs", "many"]),
        Case("unknown option", k, nothing, None, None, "--colour", args=["--colour"]),
        Case(
            "size limit not a size",
            k,
            nothing,
            "LEGALGEN_MAX_FILE_SIZE",
            None,
            "not a size",
            args=["env:LEGALGEN_MAX_FILE_SIZE=lots"],
        ),
    ]


def _environment_cases() -> list[Case]:
    k = "environment"
    return [
        Case(
            "content file is a symlink loop",
            k,
            _symlink_loop(PLAN),
            PLAN,
            None,
            "Too many levels of symbolic links",
            code=3,
        ),
        Case(
            "record is a symlink loop",
            k,
            _symlink_loop(R1310),
            R1310,
            None,
            "Too many levels of symbolic links",
            code=3,
        ),
        Case(
            "out below a regular file",
            k,
            nothing,
            "blocker",
            None,
            "a file stands where",
            code=3,
            args=["out:blocker/out"],
        ),
        Case(
            "output name taken by a folder",
            k,
            nothing,
            "kk/2016-01-01/district-2014-2018.html",
            None,
            "taken by a folder",
            code=3,
            args=["mkdir:kk/2016-01-01/district-2014-2018.html"],
        ),
        Case(
            "language folder is a file",
            k,
            nothing,
            "out/ru",
            None,
            "a file stands where",
            code=3,
            args=["file:ru"],
        ),
    ]


CASES: list[Case] = [
    *_yaml_cases(),
    *_record_cases(),
    *_content_cases(),
    *_usage_cases(),
    *_environment_cases(),
    *hardening_cases(),
]
KINDS = ("bad YAML", "bad record", "bad content", "bad option", "environment", "unsafe name",
         "staging", "template", "cache", "special file", "record", "init")
# The cases `make check` runs (the fast tier): a few of each class, the ones that cost least and
# that the hardening's reports began with; `make test` runs every case.
QUICK = frozenset({
    "unclosed quote", "alias bomb in content", "NUL byte", "value unfit for its tag",
    "unknown action", "date after 9997", "target does not exist",
    "escaped NUL", "reference to a missing unit", "manifest dot-dot path",
    "bad --as-of", "--jobs 0",
    "record is a symlink loop", "out below a regular file",
    "act number climbing out", "two act numbers one file name", "record number climbing out",
    "new-act number climbing out",
    "the user's temporary files", "a FIFO where an output goes",
    "template syntax error", "template runs a command", "template includes a link out",
    "validate: template runs a command",
    "planted project pickle", "project cache key readable by others",
    "FIFO among the records", "FIFO as legalgen.yaml", "legalgen.yaml a folder, cache warm",
    "act text with a byte-order mark", "zip bomb", "in force 400 days after publication",
    "init id climbing out", "init date 9999-12-31",
})
