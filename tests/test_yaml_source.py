"""The two readings of a YAML file agree: the quick one (libyaml's events into values in one
loop) gives the values, positions and problems the exact one (events composed into nodes,
constructed by SafeConstructor) gives, and leaves to it what it does not vouch for."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.input.positions import PosDict, PosList
from generator.load import yaml_events
from generator.load.limits import LimitBroken
from generator.load.yaml_source import exact_values, read_yaml
from generator.model import Diagnostics
from tests.fixtureutil import FIXTURE

REPO = Path(__file__).resolve().parent.parent
SAMPLE_FILES = sorted(path for folder in (REPO / "content", REPO / "amendments", FIXTURE)
                      for path in folder.rglob("*.yaml"))

TRICKY = {
    "anchors and aliases": "a: &x {k: 1, l: [1, 2]}\nb: *x\nc: &s scalar\nd: *s\ne: [*x, *s, *x]\n",
    "flow style": "a: {b: [1, 2, {c: d}], e: [f: g, h]}\nx: [[], {}, [[1]]]\n",
    "multi-line scalars": (
        "a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\n\n  para\nc: plain\n  continued\n"
        "d: \"double\n  quoted\"\ne: 'single ''q'''\n? |\n  block key\n: v\n"
    ),
    "dates": (
        "a: 2013-01-02\nb: 2013-01-02T03:04:05Z\nc: 2013-01-02 03:04:05.123+05:00\n"
        "d: 2001-12-14t21:59:43.10-05:00\ne: 2013-1-2\n"
    ),
    "plain scalars": (
        "[0x1F, 0o17, 017, 1_000, '1:30', 1:30, 1.5e+3, .inf, -.Inf, .nan, yes, No, on, ~, null,"
        " '', '123', !!str 12, !!int '7', !!float '1', 0b101, +12, 1., true, ! 12]\n"
    ),
    "keys of each plain kind": "1: a\ntrue: b\n1.5: c\nx: d\n'2': e\n&k f: g\nh: *k\n",
    "an alias as a key": "a: &k key\n*k : v\n",
    "compact nested sequences": "- - - x\n  - y\n- - z\n",
    "a mapping's sequence in its column": "a:\n- b: 1\n  c:\n  - d\n- e\n",
    "line breaks and marks": (
        "\ufeffa: 1\r\nb:\r\n  - x\r\n  - y: z\r\nc: 1\x85d: 2\u2028e: [1,\t2]\n"
    ),
    "non-Latin text": "ключ: значение\nқазақ: [ә, і]\n",
    "64 levels": "a: " + "[" * 63 + "]" * 63 + "\n",
    "an empty document": "---\n",
    "only a comment": "# nothing\n",
}

# What the quick reading leaves to the exact one, with what the exact one makes of it.
EXACT_ONLY = {
    "merge keys": "b: &b {x: 1, y: 2}\nm:\n  <<: *b\n  w: 9\nn:\n  <<: [*b, {z: 3}]\n",
    "a value key": "a:\n  =: 1\n  b: 2\n",
    "a set": "a: !!set {x, y}\n",
    "binary": "a: !!binary aGVsbG8=\n",
    "an ordered map": "a: !!omap [x: 1, y: 2]\n",
    "a duplicate key": "a: 1\nb: 2\na: 3\n",
    "a duplicate key after a merge": "b: &b {y: 2}\nm:\n  <<: *b\n  y: 9\n",
    "keys alike as strings": "1: a\n'1': b\n",
    "an invalid date": "a: ok\nb: 2013-13-45\n",
    "a date as a key": "2013-01-01: a\n",
    "a null key": "~: a\n",
    "a mapping as a key": "? {a: 1}\n: b\n",
    "an alias of a mapping as a key": "a: &k {x: 1}\n? *k\n: v\n",
    "a custom tag": "a: !!python/name:os.system x\n",
    "a value unfit for its tag": "a: !!int abc\n",
    "an empty value tagged as a number": "a: !!float ''\n",
    "a word tagged as a date": "a: !!timestamp abc\n",
    "a local tag": "a: !foo x\n",
    "a sequence tagged as a string": "a: !!str [1]\n",
    "a duplicate key before an alias bomb": (
        "z: 1\nz: 2\na: &a0 [x]\n"
        + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 8))
    ),
}


def _alias_bomb(levels: int) -> str:
    return "a: &a0 [x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, levels))


# Problems the quick reading finds itself, as the exact one finds them.
PROBLEMS = {
    "65 levels": "a: " + "[" * 64 + "]" * 64 + "\n",
    "100,000 flow levels": "units: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "100,000 block levels": "- " * 100_000 + "x\n",
    "65 mapping levels": "a: " + "{b: " * 64 + "c" + "}" * 64 + "\n",
    "an alias bomb": _alias_bomb(8),
    "too many values": "[" + ", ".join(["1"] * 200_000) + "]\n",
    "an alias over the count": "a: &a [" + ", ".join(["1"] * 100_000) + "]\nb: *a\n",
    "a recursive alias": "u: &u [*u]\n",
    "a recursive alias deeper down": "ok: 1\nu: &u\n  - x\n  - {k: [*u]}\n",
    "an undefined alias": "a: *nowhere\n",
    "a duplicate anchor": "a: &x 1\nb: &x 2\n",
    "an anchor inside its namesake": "a: &x [1, &x 2]\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "a syntax error": "a: 1\nb: [\n",
    "too deep before a syntax error": "a: " + "[" * 70 + "]" * 70 + "\nb: [\n",
    "a NUL byte": "a: b\x00c\n",
}


def _shape(value: Any, seen: dict[int, int]) -> Any:
    """A value with its type, positions and which collections it shares, to compare."""
    if isinstance(value, PosDict | PosList) and id(value) in seen:
        return ("same as", seen[id(value)])
    if isinstance(value, PosDict):
        seen[id(value)] = len(seen)
        return ("mapping", value.pos, [(key, value.key_pos[key], _shape(item, seen))
                                       for key, item in value.items()], list(value.key_pos))
    if isinstance(value, PosList):
        seen[id(value)] = len(seen)
        return ("list", value.pos, list(value.item_pos), [_shape(item, seen) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _outcome(read: Callable[[str, str], Any], text: str) -> Any:
    try:
        return _shape(read(text, "f.yaml"), {})
    except LimitBroken as exc:
        return ("limit", str(exc.diagnostic))
    except Exception as exc:  # the YAML errors; their text names the problem and its place
        return (type(exc).__name__, str(exc))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_the_quick_reading_reads_every_sample_file_as_the_exact_one(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _outcome(yaml_events.read_values, text) == _outcome(exact_values, text)


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_the_quick_reading_reads_tricky_yaml_as_the_exact_one(text: str) -> None:
    quick = _outcome(yaml_events.read_values, text)
    assert quick == _outcome(exact_values, text)
    assert quick[0] in ("mapping", "list", "NoneType"), quick


@pytest.mark.parametrize("text", EXACT_ONLY.values(), ids=EXACT_ONLY.keys())
def test_what_the_quick_reading_does_not_vouch_for_is_read_the_exact_way(text: str) -> None:
    with pytest.raises(yaml_events.NotVouched):
        yaml_events.read_values(text, "f.yaml")


@pytest.mark.parametrize("text", PROBLEMS.values(), ids=PROBLEMS.keys())
def test_the_quick_reading_tells_a_problem_as_the_exact_one(text: str) -> None:
    quick = _outcome(yaml_events.read_values, text)
    assert quick == _outcome(exact_values, text)
    assert quick[0] not in ("NotVouched", "mapping", "list"), quick


def _read(tmp_path: Path, text: str) -> tuple[Any, list[str]]:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    diagnostics = Diagnostics()
    value = read_yaml(path, "f.yaml", diagnostics)
    return value, [str(item) for item in diagnostics.items]


FIRST_PROBLEMS = {
    "100,000 flow levels": (PROBLEMS["100,000 flow levels"],
                            "f.yaml:1:71: error: nested more than 64 levels deep"),
    "100,000 block levels": (PROBLEMS["100,000 block levels"],
                             "f.yaml:1:129: error: nested more than 64 levels deep"),
    "a recursive alias": (PROBLEMS["a recursive alias"],
                          "f.yaml:1:8: error: the alias *u repeats its own anchor"),
    "a duplicate key": (EXACT_ONLY["a duplicate key"],
                        "f.yaml:3:1: error: YAML: duplicate key 'a'"),
    "an invalid date": (EXACT_ONLY["an invalid date"],
                        "f.yaml:2:4: error: YAML: invalid date '2013-13-45' (month must be in "
                        "1..12)"),
    "a value unfit for its tag": ("a: [!!int 1, !!bool maybe]\n",
                                  "f.yaml:1:14: error: YAML: 'maybe' is not a valid !!bool value"),
    "a word tagged as a date": (EXACT_ONLY["a word tagged as a date"],
                                "f.yaml:1:4: error: YAML: 'abc' is not a valid !!timestamp value"),
    "an empty value tagged as a number": (
        EXACT_ONLY["an empty value tagged as a number"],
        "f.yaml:1:4: error: YAML: '' is not a valid !!float value"),
    "a duplicate key before an alias bomb": (
        EXACT_ONLY["a duplicate key before an alias bomb"],
        "f.yaml:8:50: error: more than 200000 values (aliases counted as what they repeat)"),
}


@pytest.mark.parametrize(("text", "told"), FIRST_PROBLEMS.values(), ids=FIRST_PROBLEMS.keys())
def test_a_file_s_first_problem_is_told_at_its_place(tmp_path: Path, text: str,
                                                      told: str) -> None:
    assert _read(tmp_path, text) == (None, [told])


def test_merge_keys_give_what_they_gave(tmp_path: Path) -> None:
    value, told = _read(tmp_path, EXACT_ONLY["merge keys"])
    assert not told
    assert value == {"b": {"x": 1, "y": 2}, "m": {"x": 1, "y": 2, "w": 9},
                     "n": {"z": 3, "x": 1, "y": 2}}
    assert str(value["m"].pos_of("w")) == "f.yaml:4:3"
