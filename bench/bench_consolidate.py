"""Benchmark of the core: consolidate + annotate the latest version of a large synthetic project.

Writes a synthetic project (content in kk and ru, amendment records with every kind of change and
in-force rule) into a temporary folder, loads it, and times consolidate + annotate of the latest
version in one language; then again at ten times the size. The growth is judged against a plainly
linear job on as many small objects, measured in the same run: the ratio of the two growths (a
ratio of ratios) must stay under 1.2, so that what the machine's memory does to every job at
that size neither fails nor passes the benchmark. Prints the seconds and the ratios.
Run: .venv/bin/python bench/bench_consolidate.py [--units N] [--acts N] [--scale K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.annotate import annotate
from generator.consolidate import consolidate, timeline
from generator.load import load_project

TARGET_SECONDS = 2.0
# At most this much more growth than the linear reference job shows on this machine.
TARGET_EXCESS = 1.2
# Best of several runs, in CPU seconds of this process: other work on the machine then
# disturbs the numbers least.
REPEATS = 5
ADOPTED = dt.date(2012, 5, 25)
POINTS_PER_SECTION = 10
SUBPOINTS_PER_POINT = 3
ROWS_PER_TABLE = 10
# section + its points, sub-points, two paragraphs, a table with a group, rows and a total
UNITS_PER_SECTION = 1 + POINTS_PER_SECTION * (1 + SUBPOINTS_PER_POINT) + 2 + 1 + ROWS_PER_TABLE + 2
SECTIONS_PER_FILE = 40
WORDS = {
    "kk": ("Аудандағы {n}-нысанды жаңғырту, көрсеткіш {n} бойынша жұмыстарды ұйымдастыру",
           "Облыс әкімдігі", "Республикалық бюджет", "жыл"),
    "ru": ("Модернизация объекта {n} района, организация работ по показателю {n}",
           "Акимат области", "Республиканский бюджет", "год"),
}


def sentence(lang: str, n: int) -> str:
    return WORDS[lang][0].format(n=n) + "."


def token(lang: str, n: int) -> str:
    return f"көрсеткіш {n} бойынша" if lang == "kk" else f"по показателю {n}"


class Numbers:
    """Unique numbers for the texts, so that every `find` of an edit occurs exactly once."""

    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> int:
        self.next += 1
        return self.next


def section(lang: str, index: int, numbers: Numbers) -> dict:
    points = []
    for p in range(1, POINTS_PER_SECTION + 1):
        subpoints = [
            {"kind": "subpoint", "label": f"{s})", "text": sentence(lang, numbers())}
            for s in range(1, SUBPOINTS_PER_POINT + 1)
        ]
        points.append({"kind": "point", "label": f"{p}.", "text": sentence(lang, numbers()),
                       "children": subpoints})
    rows: list[dict] = [{"kind": "group", "text": sentence(lang, numbers())}]
    for r in range(1, ROWS_PER_TABLE + 1):
        amounts = [{"year": 2013 + y, "amount": float(r * 100 + y)} for y in range(3)]
        rows.append({"kind": "row", "label": f"{r}.", "cells": [
            sentence(lang, numbers()), WORDS[lang][1], f"2013 – 2015 {WORDS[lang][3]}",
            {"amounts": amounts}, WORDS[lang][2],
        ]})
    rows.append({"kind": "total", "cells": ["", "", "", "", ""]})
    children = [
        {"kind": "text", "text": sentence(lang, numbers())},
        *points,
        {"kind": "text", "text": sentence(lang, numbers())},
        {"kind": "table", "role": "plain", "children": rows},
    ]
    return {"kind": "section", "label": f"{index}.", "heading": sentence(lang, numbers()),
            "children": children}


def write_content(root: Path, sections: int) -> None:
    for lang in ("kk", "ru"):
        folder = root / "content" / lang
        folder.mkdir(parents=True)
        numbers = Numbers()  # the same numbers in both languages: the same unit, the same token
        files = ["00-resolution.json"]
        head = {"units": [
            {"kind": "preamble", "text": sentence(lang, numbers())},
            *({"kind": "paragraph", "label": f"{p}.", "text": sentence(lang, numbers())}
              for p in range(1, 6)),
            {"kind": "signature", "position": WORDS[lang][1], "name": "А. Б."},
            {"kind": "attachment", "id": "att_1", "heading": sentence(lang, numbers())},
        ]}
        (folder / files[0]).write_text(json.dumps(head, ensure_ascii=False), "utf-8")
        for start in range(1, sections + 1, SECTIONS_PER_FILE):
            name = f"{len(files):04d}-sections.json"
            stop = min(start + SECTIONS_PER_FILE, sections + 1)
            units = [section(lang, index, numbers) for index in range(start, stop)]
            body = {"parent": "att_1", "units": units}
            (folder / name).write_text(json.dumps(body, ensure_ascii=False), "utf-8")
            files.append(name)
        manifest = {
            "document": {"id": "synthetic", "type": "resolution", "issuer": "government",
                         "number": "1", "date": ADOPTED.isoformat(), "title": "T",
                         "signatory": {"position": "P", "name": "N"}},
            "files": files,
        }
        (folder / "manifest.yaml").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")


def leaf_targets(sections: int) -> list[tuple[str, str]]:
    """(kind, id) of every unit a change may take, each at most once: sub-points, rows, texts."""
    targets = []
    for s in range(1, sections + 1):
        base = f"att_1__sec_{s}"
        targets.append(("text", f"{base}__p_1"))
        for p in range(1, POINTS_PER_SECTION + 1):
            targets.append(("point", f"{base}__point_{p}"))
            targets.extend(("subpoint", f"{base}__point_{p}__subpoint_{n}")
                           for n in range(1, SUBPOINTS_PER_POINT + 1))
        targets.extend(("row", f"{base}__table_1__row_{r}") for r in range(1, ROWS_PER_TABLE + 1))
    return targets


def in_force(rng: random.Random, signed: dt.date) -> dict:
    """A random in-force rule, with the publication date it needs."""
    published = signed + dt.timedelta(days=rng.randint(1, 20))
    choice = rng.randrange(4)
    if choice == 0:
        return {"in_force": "on_signing"}
    if choice == 1:
        return {"in_force": {"date": (signed + dt.timedelta(days=rng.randint(1, 200))).isoformat()}}
    if choice == 2:
        return {"published": published.isoformat(), "in_force": {"after_publication_days": 10}}
    return {"published": published.isoformat(), "in_force": "on_publication"}


def change_for(rng: random.Random, kind: str, uid: str, number: int) -> dict:
    """One change of `uid`; the unit's own text number is `number` (its unique token)."""
    section_id = uid.split("__")[1]
    if kind == "subpoint" and rng.random() < 0.3:
        label = uid.rsplit("_", 1)[1]
        parent = uid.rsplit("__", 1)[0]
        return {"target": parent, "action": "insert", "after": f"subpoint_{label}",
                "content": {lang: {"kind": "subpoint", "label": f"{label}-1)",
                                   "text": sentence(lang, number)} for lang in ("kk", "ru")}}
    action = rng.choices(["amend", "replace", "delete"], weights=[6, 2, 2])[0]
    if kind == "point" and action != "amend":
        action = "amend"
    change: dict = {"target": uid, "action": action}
    if action == "amend":
        change["edits"] = [{
            "find": {lang: token(lang, number) for lang in ("kk", "ru")},
            "replace": {lang: token(lang, number) + " (2)" for lang in ("kk", "ru")},
        }]
    elif action == "replace":
        change["content"] = {lang: replacement(kind, uid, lang, number) for lang in ("kk", "ru")}
    if rng.random() < 0.4:
        change["note_on"] = f"att_1__{section_id}"
    return change


def replacement(kind: str, uid: str, lang: str, number: int) -> dict:
    label = uid.rsplit("_", 1)[1]
    text = sentence(lang, number + 1_000_000)
    if kind == "row":
        return {"kind": "row", "label": f"{label}.",
                "cells": [text, WORDS[lang][1], "2014", {"amounts": []}, WORDS[lang][2]]}
    if kind == "text":
        return {"kind": "text", "text": text}
    return {"kind": kind, "label": f"{label})", "text": text}


def text_numbers(sections: int) -> dict[str, int]:
    """The text number each leaf unit got in `section()` (the same walk, numbered in order)."""
    numbers: dict[str, int] = {}
    n = 7  # preamble, five paragraphs and the attachment heading come first
    for s in range(1, sections + 1):
        base = f"att_1__sec_{s}"
        for p in range(1, POINTS_PER_SECTION + 1):
            for sub in range(1, SUBPOINTS_PER_POINT + 1):
                n += 1
                numbers[f"{base}__point_{p}__subpoint_{sub}"] = n
            n += 1
            numbers[f"{base}__point_{p}"] = n
        n += 1  # group
        for r in range(1, ROWS_PER_TABLE + 1):
            n += 1
            numbers[f"{base}__table_1__row_{r}"] = n
        n += 1
        numbers[f"{base}__p_1"] = n
        n += 2  # second paragraph, heading
    return numbers


def write_amendments(root: Path, sections: int, acts: int, seed: int) -> int:
    rng = random.Random(seed)
    folder = root / "amendments"
    folder.mkdir()
    targets = leaf_targets(sections)
    rng.shuffle(targets)
    numbers = text_numbers(sections)
    per_act = max(1, len(targets) // (acts * 3))
    count = 0
    for index in range(acts - 1):
        signed = ADOPTED + dt.timedelta(days=1 + index)
        chosen = [targets.pop() for _ in range(rng.randint(1, 2 * per_act)) if targets]
        changes = [change_for(rng, kind, uid, numbers[uid]) for kind, uid in chosen]
        count += len(changes)
        record = {"act": {"type": "resolution", "issuer": "government", "number": str(index + 2),
                          "date": signed.isoformat(), "title": {"kk": "А", "ru": "Б"},
                          **in_force(rng, signed)},
                  "changes": changes}
        (folder / f"{index:05d}.yaml").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    repeal_date = ADOPTED + dt.timedelta(days=acts + 400)
    record = {"act": {"type": "resolution", "issuer": "government", "number": "repeal",
                      "date": repeal_date.isoformat(), "title": {"kk": "А", "ru": "Б"}},
              "changes": [{"target": "synthetic", "action": "repeal"}]}
    (folder / "repeal.yaml").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    return count + 1


def measure(units: int, acts: int, seed: int = 1) -> tuple[float, int]:
    """Best CPU seconds of consolidate + annotate of the latest version (kk); the change count."""
    sections = max(1, (units - 8) // UNITS_PER_SECTION)
    with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as folder:
        root = Path(folder)
        write_content(root, sections)
        changes = write_amendments(root, sections, acts, seed)
        started = time.perf_counter()
        project = load_project(root)
    loaded = time.perf_counter() - started
    latest = timeline(project)[-1][0]
    cpu = wall = float("inf")
    for _ in range(REPEATS):
        started, started_cpu = time.perf_counter(), time.process_time()
        annotated = annotate(consolidate(project, "kk", latest), project)
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    count = sum(1 for top in project.documents["kk"].units for _ in top.walk())
    print(f"{count:>8} units, {len(project.acts):>6} acts, {changes:>6} changes: "
          f"load {loaded:6.2f} s; consolidate+annotate (kk): {cpu:6.3f} s CPU, {wall:6.3f} s "
          f"wall; {len(annotated.notes)} units with notes, {len(annotated.exclusions)} excluded",
          flush=True)
    return cpu, changes


@dataclass(slots=True)
class _Item:
    uid: str
    text: str


def reference(size: int) -> float:
    """Best CPU seconds of a plainly linear job on `size` small objects (copy them, index the
    copies by id, update a third of them in random order): what this machine's memory alone
    costs when the data grows."""
    items = [_Item(f"att_1__sec_{n // 50}__point_{n}", f"text {n} " * 5) for n in range(size)]
    order = [item.uid for item in items]
    random.Random(1).shuffle(order)
    best = float("inf")
    for _ in range(REPEATS):
        started = time.process_time()
        index = {copy.uid: copy for copy in (_Item(item.uid, item.text) for item in items)}
        for uid in order[: size // 3]:
            index[uid].text = index[uid].text.replace("text", "txt")
        best = min(best, time.process_time() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--acts", type=int, default=1_000)
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    small, small_changes = measure(args.units, args.acts)
    large, large_changes = measure(args.units * args.scale, args.acts * args.scale)
    ratio = large / small
    machine = reference(args.units * args.scale) / reference(args.units)
    excess = ratio / machine
    print(f"base: {small:.3f} s CPU (target < {TARGET_SECONDS} s); "
          f"{args.scale}x: {large:.3f} s CPU; grew {ratio:.1f}x (the changes "
          f"{large_changes / small_changes:.2f}x)")
    print(f"linear reference on {args.units} vs {args.units * args.scale} small objects: grew "
          f"{machine:.1f}x on this machine in this run")
    print(f"ratio of ratios {ratio:.1f} / {machine:.1f} = {excess:.2f} (target < {TARGET_EXCESS}): "
          f"{'ok' if excess < TARGET_EXCESS else 'over target'}")
    return 0 if small < TARGET_SECONDS and excess < TARGET_EXCESS else 1


if __name__ == "__main__":
    sys.exit(main())
