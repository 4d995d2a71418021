"""The golden test of the amending instructions: every instruction of the corpus's amending acts
read back by `legalgen record --from-act` into a change, drafted again by `legalgen act`, and
compared with the published one.

For each paragraph of the corpus's amending acts (one amended resolution each) and each
language on its own: a project is written with the paragraph's stand-in document
(`standin.Standin`); the act's whole published text is read by `record_from_act` (which takes
the paragraph on that document and leaves the others); the record is loaded, with the other
language's wordings copied in so that the loader takes it, and `draft_act` drafts the act. Each
published instruction (its own words, a quoted wording as «…») is compared with the drafted one
of the same change, character for character after whitespace is normalised: letters as printed
(a Latin "i" in a Kazakh word the grammar writes "і" is a miss). The end mark of a paragraph's
last instruction (";" where an older act's point goes on with the next amended act) is the act's
layout and counts as ".". The group lines above the instructions are compared alike and
reported apart.

Reads the corpus (`acts`); writes nothing but temporary projects. `measure(folder, code)` gives
an `InstructionResult` per instruction (`measure_groups` per group line); `summary(code)` gives
(instructions, exact, misses by class); `python -m tests.golden.instructions` prints
`golden <lang>: instructions N, exact E (P %)` and the misses.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import yaml

from generator.draft import draft_act
from generator.lang import codes, drafting
from generator.load import load_project
from generator.model import InputError
from generator.model.act_text import ActText
from generator.record import ActOptions
from generator.record.act_text import normalize
from generator.record.from_act import record_from_act
from generator.record.writer import record_yaml

from .acts import AMENDING, act_identity, act_lines
from .corpus import corpus_folder
from .standin import Entry, Paragraph, Standin, paragraphs

QUOTED = " «…» "


@dataclass(frozen=True, slots=True)
class InstructionResult:
    """An instruction (or group line) as published (`id`: `<act>/<paragraph>/<n>`, a group line
    `<act>/<paragraph>/g<n>`), as drafted from the change `record --from-act` read from it
    (None: not read), whether they are the same, and, where not, the class of the miss."""

    id: str
    lang: str
    published: str
    drafted: str | None
    exact: bool
    cls: str = ""


def published(entry: Entry, lines: tuple[str, ...]) -> str:
    """An instruction's own words as published, its quoted wordings as «…»."""
    return QUOTED.join(normalize(lines[at]) for at in entry.lines)


def drafted(text: ActText) -> list[str]:
    """Each drafted instruction, its continuation after a quoted row as «…»."""
    found: list[str] = []
    for point in text.points:
        for line in point.lines:
            if line.kind == "instruction":
                found.append(line.text)
            elif line.kind == "continuation" and found:
                found[-1] += QUOTED + line.text
    return found


def _same(published_words: str, drafted_words: str, last: bool) -> bool:
    if last:
        published_words = re.sub(r";$", ".", published_words)
    return published_words == drafted_words


def compared(ids: list[str], lang: str, published_words: list[str],
             drafted_words: list[str]) -> list[InstructionResult]:
    """The published lines against the drafted ones, in the same order."""
    exact = set()
    matcher = SequenceMatcher(None, published_words, drafted_words, autojunk=False)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        for offset, index in enumerate(range(i1, i2)):
            last = index == len(published_words) - 1
            other = drafted_words[j1 + offset] if j1 + offset < len(drafted_words) else None
            if tag == "equal" or other is not None and _same(published_words[index], other,
                                                              last):
                exact.add(index)
    return [InstructionResult(id_, lang, text, drafted_words[index]
                              if index < len(drafted_words) else None, index in exact,
                              "" if index in exact else "drafted otherwise")
            for index, (id_, text) in enumerate(zip(ids, published_words, strict=True))]


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
    completes it: what the other languages still have to write is the read language's."""
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


def _class_of(message: str) -> str:
    """A diagnostic as a class of misses: its words without the names and places in it."""
    return re.sub(r"'[^']*'|«[^»]*»|\([^)]*\)|\d+", "…", message)[:80]


def paragraph_results(corpus: Path, document: str, paragraph: Paragraph, lang: str,
                      folder: Path) -> tuple[list[InstructionResult], list[InstructionResult]]:
    """The instructions and the group lines of one paragraph, read back and drafted again."""
    grammar = drafting(lang)
    lines = act_lines(corpus, document, lang)
    prefix = f"{document}/{paragraph.index}"
    entries = [entry for entry in paragraph.entries if entry.kind == "instruction"]
    ids = [f"{prefix}/{n}" for n in range(1, len(entries) + 1)]
    words = [published(entry, lines) for entry in entries]
    groups = [entry for entry in paragraph.entries if entry.kind == "group"]
    group_ids = [f"{prefix}/g{n}" for n in range(1, len(groups) + 1)]
    group_words = [published(entry, lines) for entry in groups]
    root = _project(folder, Standin(grammar, paragraph))
    act_path = folder / f"act-{lang}.txt"
    act_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    number, date = act_identity(corpus, document)
    record, diagnostics = record_from_act(
        load_project(root), [act_path],
        ActOptions(number=number, date=date, in_force="on_signing"))
    failure = None
    if record is None:
        reason = next((item.message for item in diagnostics.errors), "no record")
        failure = f"not read: {_class_of(reason)}"
    else:
        raw = yaml.safe_load(record_yaml(record))
        path = root / "amendments" / f"{record.act.id.file_stem}.yaml"
        path.write_text(yaml.safe_dump(_completed(raw, lang), allow_unicode=True,
                                       sort_keys=False), encoding="utf-8")
        try:
            project = load_project(root)
            text = draft_act(project, project.acts[0], lang)
        except InputError as exc:
            errors = exc.diagnostics.errors
            failure = f"not drafted: {_class_of(errors[0].message if errors else 'load')}"
    if failure is not None:
        return ([InstructionResult(id_, lang, words_, None, False, failure)
                 for id_, words_ in zip(ids, words, strict=True)],
                [InstructionResult(id_, lang, words_, None, False, failure)
                 for id_, words_ in zip(group_ids, group_words, strict=True)])
    drafted_groups = [line.text for point in text.points for line in point.lines
                      if line.kind == "group"]
    return (compared(ids, lang, words, drafted(text)),
            compared(group_ids, lang, group_words, drafted_groups))


@cache
def _corpus_results(corpus: Path, code: str) -> tuple[tuple[InstructionResult, ...],
                                                      tuple[InstructionResult, ...]]:
    grammar = drafting(code)
    instructions: list[InstructionResult] = []
    groups: list[InstructionResult] = []
    for document in AMENDING:
        for paragraph in paragraphs(act_lines(corpus, document, code), grammar):
            with tempfile.TemporaryDirectory(prefix="legalgen-golden-") as folder:
                found, lines = paragraph_results(corpus, document, paragraph, code,
                                                 Path(folder))
            instructions += found
            groups += lines
    return tuple(instructions), tuple(groups)


def measure(folder: Path, code: str) -> list[InstructionResult]:
    """Every amending instruction of the corpus in `folder`, in language `code`, read back and
    drafted again."""
    return list(_corpus_results(folder, code)[0])


def measure_groups(folder: Path, code: str) -> list[InstructionResult]:
    """Every group line of the corpus's amending acts, likewise."""
    return list(_corpus_results(folder, code)[1])


def by_class(results: list[InstructionResult]) -> dict[str, list[InstructionResult]]:
    found: dict[str, list[InstructionResult]] = {}
    for result in results:
        if not result.exact:
            found.setdefault(result.cls, []).append(result)
    return found


def summary(code: str, groups: bool = False) -> tuple[int, int, dict[str,
                                                                    list[InstructionResult]]]:
    """(instructions, exact, misses by class) of the corpus beside the repository in `code`;
    of its group lines with `groups`."""
    corpus = corpus_folder()
    if corpus is None:
        raise FileNotFoundError("the corpus ../shared/corpus/ is not beside the repository")
    results = (measure_groups if groups else measure)(corpus, code)
    return len(results), sum(result.exact for result in results), by_class(results)


def _share(exact: int, total: int) -> str:
    return f"{total}, exact {exact} ({100 * exact / total:.1f} %)"


def _print_misses(misses: dict[str, list[InstructionResult]]) -> None:
    for cls, items in sorted(misses.items()):
        print(f"  {cls}: {len(items)}")
        for miss in items:
            print(f"    {miss.id}: {miss.published}")
            if miss.drafted is not None:
                print(f"    {' ' * len(miss.id)}  drafted: {miss.drafted}")


def main() -> int:
    if corpus_folder() is None:
        print("golden: skipped, no published corpus beside the repository (../shared/corpus/)")
        return 0
    for code in codes():
        total, exact, misses = summary(code)
        print(f"golden {code}: instructions {_share(exact, total)}")
        _print_misses(misses)
        total, exact, misses = summary(code, groups=True)
        print(f"  group lines {_share(exact, total)}")
        _print_misses(misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
