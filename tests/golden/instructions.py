"""The golden test of amending instructions: every instruction of the corpus read back by
`legalgen record --from-act` into a change, drafted again by `legalgen act`, and compared with
the published one.

For each paragraph of the corpus's amending acts (one amended resolution each) and each
language on its own: a project is written with the paragraph's stand-in document
(`standin.Standin`); the act's whole published text is read by `record_from_act` (which takes
the paragraph on that document and leaves the others); the record is loaded, with the other
language's content copied in so that the loader takes it, and `draft_act` drafts the act. Each
published instruction (its own words, a quoted wording as «…») is compared with the drafted one
of the same change, character for character after whitespace is normalised and the look-alike
Latin letters of the mirror are read as the language's own (`own_letters`); the end mark of a
paragraph's last instruction (";" where an older act's point goes on) is the act's layout and
counts as ".".

`measure(lang)` gives (total, exact, misses by class); `python -m tests.golden.instructions`
prints `golden <lang>: instructions N, exact E (P %)` and the misses.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import yaml

from generator.draft import draft_act
from generator.lang import codes, drafting
from generator.load import load_project
from generator.model import InputError
from generator.model.act_text import ActText
from generator.model.drafting import DraftingLanguage
from generator.record import ActOptions
from generator.record.act_text import normalize
from generator.record.from_act import record_from_act
from generator.record.writer import record_yaml

from .corpus import AMENDING, act_identity, act_lines, corpus_dir
from .standin import Entry, Paragraph, Standin, paragraphs

QUOTED = " «…» "


@dataclass(frozen=True)
class Miss:
    """An instruction that did not come back as published: its id, the class of the miss, the
    published words and what was drafted instead (None: not read)."""

    id: str
    cls: str
    published: str
    drafted: str | None


def _words(text: str, grammar: DraftingLanguage) -> str:
    return grammar.own_letters(normalize(text))


def published(entry: Entry, lines: tuple[str, ...], grammar: DraftingLanguage) -> str:
    """An instruction's own words as published, its quoted wordings as «…»."""
    return QUOTED.join(_words(lines[at], grammar) for at in entry.lines)


def drafted(text: ActText) -> dict[int, str]:
    """Each drafted instruction by the first change it carries out, its continuation after
    the quoted row as «…»."""
    found: dict[int, str] = {}
    last: int | None = None
    for point in text.points:
        for line in point.lines:
            if line.kind == "instruction" and line.change is not None:
                found[line.change] = line.text
                last = line.change
            elif line.kind == "continuation" and last is not None:
                found[last] += QUOTED + line.text
    return found


def _same(published_words: str, drafted_words: str, last: bool) -> bool:
    if last:
        published_words = re.sub(r";$", ".", published_words)
    return published_words == drafted_words


def _project(folder: Path, standin: Standin) -> Path:
    """A project of the stand-in document, the same units in every language."""
    document = standin.document
    for code in codes():
        content = folder / "content" / code
        content.mkdir(parents=True)
        manifest = {"document": {
            "id": document.id, "type": document.type, "issuer": document.issuer,
            "number": document.number, "date": document.date, "title": document.title,
            "signatory": {"position": document.signatory.position,
                          "name": document.signatory.name}},
            "files": ["units.yaml"]}
        (content / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True),
                                               encoding="utf-8")
        (content / "units.yaml").write_text(yaml.safe_dump(
            {"units": standin.units()}, allow_unicode=True), encoding="utf-8")
    (folder / "amendments").mkdir()
    return folder


def _completed(record: dict[str, object], lang: str) -> dict[str, object]:
    """The record of one language's text with its wordings in every language, as a drafter
    completes it: the other languages' left to do are the read language's copied."""
    record.pop("todo", None)
    act = record["act"]
    assert isinstance(act, dict)
    act["title"] = {code: act["title"][lang] for code in codes()}
    changes = record["changes"]
    assert isinstance(changes, list)
    for change in changes:
        if "content" in change:
            change["content"] = {code: change["content"][lang] for code in codes()}
        for edit in change.get("edits", []):
            for key in ("find", "replace"):
                edit[key] = {code: edit[key][lang] for code in codes()}
    return record


@dataclass
class Result:
    """What came back of one paragraph, or of the corpus in one language: its instructions and
    group lines, each with those that did not come back as published."""

    instructions: int = 0
    misses: list[Miss] = field(default_factory=list)
    groups: int = 0
    group_misses: list[Miss] = field(default_factory=list)

    def add(self, other: Result) -> None:
        self.instructions += other.instructions
        self.misses += other.misses
        self.groups += other.groups
        self.group_misses += other.group_misses


def _compared(ids: list[str], published_words: list[str], drafted_words: list[str],
              cls: str) -> list[Miss]:
    """The published lines that the drafted ones, in the same order, do not give back."""
    exact = set()
    matcher = SequenceMatcher(None, published_words, drafted_words, autojunk=False)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        for offset, index in enumerate(range(i1, i2)):
            last = index == len(published_words) - 1
            other = drafted_words[j1 + offset] if j1 + offset < len(drafted_words) else None
            if tag == "equal" or other is not None and _same(published_words[index], other,
                                                              last):
                exact.add(index)
    return [Miss(id_, cls, text, drafted_words[index] if index < len(drafted_words) else None)
            for index, (id_, text) in enumerate(zip(ids, published_words, strict=True))
            if index not in exact]


def paragraph_result(document: str, paragraph: Paragraph, lang: str, folder: Path) -> Result:
    """The instructions and group lines of one paragraph, read back and drafted again."""
    grammar = drafting(lang)
    lines = act_lines(document, lang)
    entries = [entry for entry in paragraph.entries if entry.kind == "instruction"]
    ids = [f"{document}/{paragraph.number}/{n}" for n in range(1, len(entries) + 1)]
    words = [published(entry, lines, grammar) for entry in entries]
    root = _project(folder, Standin(grammar, paragraph))
    act_path = folder / f"act-{lang}.txt"
    act_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    number, date = act_identity(document)
    project = load_project(root)
    record, diagnostics = record_from_act(
        project, [act_path], ActOptions(number=number, date=date, in_force="on_signing"))
    groups = [entry for entry in paragraph.entries if entry.kind == "group"]
    group_ids = [f"{document}/{paragraph.number}/g{n}" for n in range(1, len(groups) + 1)]
    group_words = [published(entry, lines, grammar) for entry in groups]
    result = Result(len(entries), [], len(groups), [])
    if record is None:
        reason = next((item.message for item in diagnostics.errors), "no record")
        result.misses = [Miss(id_, f"not read: {_class_of(reason)}", text, None)
                         for id_, text in zip(ids, words, strict=True)]
        result.group_misses = [Miss(id_, "not read", text, None)
                               for id_, text in zip(group_ids, group_words, strict=True)]
        return result
    raw = yaml.safe_load(record_yaml(record))
    path = root / "amendments" / f"{record.act.id.file_stem}.yaml"
    path.write_text(yaml.safe_dump(_completed(raw, lang), allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    try:
        project = load_project(root)
        act = project.acts[0]
        text = draft_act(project, act, lang)
    except InputError as exc:
        reason = str(exc.diagnostics.errors[0].message) if exc.diagnostics.errors else "load"
        result.misses = [Miss(id_, f"not drafted: {_class_of(reason)}", text_, None)
                         for id_, text_ in zip(ids, words, strict=True)]
        return result
    result.misses = _compared(ids, words, list(drafted(text).values()), "drafted otherwise")
    drafted_groups = [line.text for point in text.points for line in point.lines
                      if line.kind == "group"]
    result.group_misses = _compared(group_ids, group_words, drafted_groups, "drafted otherwise")
    return result


def _class_of(message: str) -> str:
    """A diagnostic as a class of misses: its words without the names and places in it."""
    return re.sub(r"'[^']*'|«[^»]*»|\([^)]*\)|\d+", "…", message)[:80]


@cache
def corpus_result(lang: str) -> Result:
    """Every paragraph of the corpus's amending acts in `lang`, read back and drafted again."""
    if corpus_dir() is None:
        raise FileNotFoundError("the corpus ../shared/corpus/ is not beside the repository")
    grammar = drafting(lang)
    result = Result()
    for document in AMENDING:
        for paragraph in paragraphs(act_lines(document, lang), grammar):
            with tempfile.TemporaryDirectory(prefix="legalgen-golden-") as folder:
                result.add(paragraph_result(document, paragraph, lang, Path(folder)))
    return result


def by_class(misses: list[Miss]) -> dict[str, list[Miss]]:
    found: dict[str, list[Miss]] = {}
    for miss in misses:
        found.setdefault(miss.cls, []).append(miss)
    return found


def measure(lang: str) -> tuple[int, int, dict[str, list[Miss]]]:
    """(instructions, exact, misses by class) of the corpus in `lang`."""
    result = corpus_result(lang)
    return result.instructions, result.instructions - len(result.misses), by_class(
        result.misses)


def measure_groups(lang: str) -> tuple[int, int, dict[str, list[Miss]]]:
    """(group lines, exact, misses by class) of the corpus in `lang`."""
    result = corpus_result(lang)
    return result.groups, result.groups - len(result.group_misses), by_class(
        result.group_misses)


def line(lang: str, total: int, exact: int) -> str:
    return f"golden {lang}: instructions {total}, exact {exact} ({100 * exact / total:.1f} %)"


def _print_misses(misses: dict[str, list[Miss]]) -> None:
    for cls, items in sorted(misses.items()):
        print(f"  {cls}: {len(items)}")
        for miss in items:
            print(f"    {miss.id}: {miss.published}")
            if miss.drafted is not None:
                print(f"    {' ' * len(miss.id)}  drafted: {miss.drafted}")


def main() -> int:
    for lang in codes():
        total, exact, misses = measure(lang)
        print(line(lang, total, exact))
        _print_misses(misses)
        groups, exact_groups, group_misses = measure_groups(lang)
        print(f"  group lines {groups}, exact {exact_groups} "
              f"({100 * exact_groups / groups:.1f} %)")
        _print_misses(group_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())



