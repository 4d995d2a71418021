"""Stand-in documents for the acts the corpus amends, built from what its instructions address.

The resolutions the corpus's acts amend are not in the corpus. For each paragraph of an act on
one of them, this module builds the smallest document its instructions can be read against:
every unit a group line or an instruction names, with texts of its own ("Текст." / "Мәтін.")
except where an instruction needs words in it. A name is turned into a unit by searching the
units the drafting grammar names so (kinds, with the labels, quoted headings and positions the
name shows), never by copying the act's text into a document of the repository; a name the
grammar cannot write builds nothing, and its instruction is then a miss of the golden test.

Reads: the lines of a paragraph (`corpus.act_lines`) and the language's drafting grammar.
Writes: the document's units as the content format's mappings (`Standin.units`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.lang.ru_drafting import HEADS
from generator.model import Document, Signatory, SourcePos, kind_names, spec_of
from generator.model.drafting import ActUnit, Case, DraftingLanguage, probe_unit
from generator.record.act_text import normalize

PLACEHOLDER = {"kk": "Мәтін", "ru": "Текст"}
PARAGRAPH = re.compile(r"^(\d+)([.)]) (.+):$")
LOST_FORCE = re.compile(r"утратил силу|Күші жойылды", re.I)
# Where a unit of each kind may stand: under a unit of a smaller rank.
RANK = {"attachment": 0, "appendix": 0, "chapter": 1, "named": 1, "section": 2,
        "subsection": 3, "article": 4, "paragraph": 5, "point": 5, "subpoint": 6, "text": 7,
        "part": 7, "preamble": 7, "table": 8, "row": 9, "group": 9, "total": 9}
TOP_ONLY = {"attachment", "appendix", "paragraph"}
POSITIONS = range(1, 41)
# Titles of named parts that stand inside a point ("the functions of the agency").
INNER_TITLES = ("функци",)


@dataclass
class Node:
    """A unit of a stand-in document being built."""

    kind: str
    label: str | None = None
    heading: str | None = None
    cells: list[str] | None = None
    text: str | None = None
    children: list[Node] = field(default_factory=list)

    def same(self, other: Node) -> bool:
        return (self.kind, self.label, self.heading, self.cells) == (
            other.kind, other.label, other.heading, other.cells)


@dataclass
class Entry:
    """A line of a paragraph as published: a group line or an instruction, its own words (an
    instruction on a row quoted in full has two: before and after the old row), the line of
    each, and the quoted wordings after them."""

    kind: str  # group | instruction
    texts: list[str]
    lines: list[int]
    quotes: list[list[str]] = field(default_factory=list)


@dataclass
class Paragraph:
    """The paragraph of an act on one amended act: its number in the act, the amended act's
    number, date and title, and its entries."""

    index: int  # its own number in the act
    number: str
    date: dt.date
    title: str
    entries: list[Entry]


def printed_lines(lines: tuple[str, ...], grammar: DraftingLanguage) -> list[str]:
    """The lines as printed, in the forms the act reader reads (`modern`)."""
    return [grammar.modern(normalize(line)) for line in lines]


def paragraphs(lines: tuple[str, ...], grammar: DraftingLanguage) -> list[Paragraph]:
    """The paragraphs on amended acts, in the act's order; their names and words as printed
    (the look-alike letters of another alphabet kept), which the stand-in document then holds
    as the amended act would."""
    printed = printed_lines(lines, grammar)
    seen = [grammar.own_letters(line) for line in printed]
    found = []
    for at, line in enumerate(seen):
        match = PARAGRAPH.match(line)
        number = grammar.act_number(line) if match else None
        dates = [date for date in grammar.dates_in(line + " ") if grammar.date(date) in line]
        if match is None or number is None or not dates:
            continue
        title = re.search(r"«(.+?)»", line)
        found.append(Paragraph(int(match.group(1)), number, dates[0],
                               title.group(1) if title else number,
                               _entries(printed, at, match.group(1), match.group(2), grammar)))
    return found


def _entries(seen: list[str], head: int, number: str, mark: str,
             grammar: DraftingLanguage) -> list[Entry]:
    following = f"{int(number) + 1}{mark} "
    lead, between = grammar.row_replace_instruction()
    # The words that end an instruction followed by a wording, of every form.
    quoting = [form.pattern for form in grammar.instruction_forms() if form.pattern.endswith(":")]
    entries: list[Entry] = []
    at = head + 1
    wording = False
    while at < len(seen):
        line = seen[at]
        if wording:
            end = at
            while not re.search(r"»[;.]?$", seen[end]) and end + 1 < len(seen):
                end += 1
            entries[-1].quotes.append(seen[at:end + 1])
            at, wording = end + 1, False
            continue
        if PARAGRAPH.match(line) and grammar.act_number(line) or line[-1] not in ":;." or (
                mark == "." and re.match(r"^\d+\. ", line)) or (
                line.startswith(following) and LOST_FORCE.search(line)):
            break
        last = entries[-1] if entries else None
        if last is not None and last.texts == [lead] and line == between:
            last.texts.append(line)
            last.lines.append(at)
            wording = True
        elif line == lead or any(re.search(pattern + "$", line) for pattern in quoting):
            entries.append(Entry("instruction", [line], [at]))
            wording = True
        elif line.endswith((";", ".")):
            entries.append(Entry("instruction", [line], [at]))
        else:
            entries.append(Entry("group", [line], [at]))
        at += 1
    return entries


# --- Finding the units a name stands for ---------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """A unit a name may stand for: kind, label, heading, first cell or position, and the
    numbered unit it is named inside of."""

    kind: str
    label: str | None = None
    heading: str | None = None
    cell: str | None = None
    position: int | None = None
    parent: Spec | None = None
    top: bool = False

    def named(self) -> ActUnit:
        unit = probe_unit(self.kind, self.label)
        unit.heading = self.heading
        unit.cells = [self.cell] if self.cell is not None else None
        parent = self.parent.named() if self.parent is not None else None
        return ActUnit(unit, self.position, parent, self.top)


class Finder:
    """The units a name of an instruction or group line stands for, found by naming every unit
    the name could mean with the grammar."""

    def __init__(self, grammar: DraftingLanguage, document: Document) -> None:
        self.grammar = grammar
        self.document = document
        # Of kinds named alike, the commoner first: a point of an approved document before
        # the resolution's own, a row before a heading row, a paragraph before the preamble.
        later = ("paragraph", "group", "total", "preamble")
        self.kinds = sorted((kind for kind in kind_names() if kind in RANK),
                            key=lambda kind: later.index(kind) + 1 if kind in later else 0)

    def specs(self, text: str) -> Iterator[Spec]:
        """Every unit the words of `text` may name: by a label it shows, a heading or cell in
        its quotes, a position, or a title; only those its kind can be."""
        for spec in self._specs(text):
            if _fits(spec):
                yield spec

    def _specs(self, text: str) -> Iterator[Spec]:
        labels = set(re.findall(r"\d+(?:-\d+)*\)?", text))
        opens = [match.start() for match in re.finditer("«", text)]
        closes = [match.start() for match in re.finditer("»", text)] + [len(text)]
        # A quoted name may end with a quoted name of its own, sharing its closing mark.
        quoted = sorted({text[start + 1:end + extra] for start in opens for end in closes
                         if end > start for extra in (0, 1)}, key=len)
        quoted = self._as_read(quoted)
        for kind in self.kinds:
            for label in labels:
                yield Spec(kind, label if label.endswith(")") else label + ".")
                yield Spec(kind, label)
            for heading in quoted:
                yield Spec(kind, heading=heading)
                yield Spec(kind, cell=heading)
                for label in labels:
                    yield Spec(kind, label + ".", heading=heading)
            for position in POSITIONS:
                yield Spec(kind, position=position)
            yield Spec(kind)
        for heading in self._as_read(self.titles(text)):
            for kind in ("named", "attachment"):
                yield Spec(kind, heading=heading)

    def _as_read(self, names: list[str]) -> list[str]:
        """Each name as printed, then with the language's own letters (a word the grammar
        inflects is inflected right only in those)."""
        found = []
        for name in names:
            for form in (name, self.grammar.own_letters(name)):
                if form not in found:
                    found.append(form)
        return found

    def titles(self, text: str) -> list[str]:
        """The titles a group line or a part named at an instruction's head may show, in the
        nominative (the grammar's locative undone)."""
        if self.grammar.code == "ru":
            phrase = re.sub(r"^в ", "", text.rstrip(":,"))
            phrase = re.sub(r",? утвержденн\w+ указанным \w+$", "", phrase)
            words = phrase.split(" ")
            found: list[str] = []
            for size in (1, 2):
                for head in HEADS.values():
                    if len(words) < size or words[size - 1].lower() != head.prepositional:
                        continue
                    for first in _adjective_nominatives(words[0]) if size == 2 else [""]:
                        start = [first] if first else []
                        title = " ".join([*start, head.nominative, *words[size:]])
                        found += [title[:1].upper() + title[1:], title]
            return found
        # The prefix found letter for letter as read, cut from the words as printed.
        printed = text.rstrip(":,")
        prefix = re.match(r"^көрсетілген \w+ бекітілген ", self.grammar.own_letters(printed))
        phrase = printed[prefix.end():] if prefix else printed
        found = []
        for cut in ("ндегі", "ндағы", "нде", "нда", "дегі", "дағы", "тегі", "тағы", "де", "да",
                    "те", "та"):
            if phrase.endswith(cut):
                title = phrase[:-len(cut)]
                found += [title, title[:1].upper() + title[1:]]
                break
        return found

    def names(self, spec: Spec, case: Case) -> set[str]:
        named = spec.named()
        return {self.grammar.own_letters(name.rstrip(",")) for name in (
            self.grammar.act_unit(named, case), *self.grammar.act_unit_variants(named, case))}

    def unit(self, printed: str, case: Case) -> Spec | None:
        """The unit `printed` names in `case`, alone or inside its numbered parent, compared
        letter for letter as the act reader reads (`own_letters`)."""
        text = self.grammar.own_letters(printed.rstrip(","))
        candidates = list(self.specs(printed.rstrip(",")))
        for spec in candidates:
            if text in self.names(spec, case):
                return spec
        parents = [spec for spec in candidates
                   if spec.kind in ("point", "subpoint", "paragraph", "article")
                   and spec.label is not None and spec.heading is None]
        for spec in candidates:
            if spec.kind in ("attachment", "named", "appendix", "table"):
                continue
            for parent in parents:
                nested = Spec(spec.kind, spec.label, spec.heading, spec.cell, spec.position,
                              parent)
                if text in self.names(nested, case):
                    return nested
        return None

    def group(self, line: str) -> Spec | None:
        """The unit a group line names: one the grammar draws that line for, else one whose
        line the publisher writes so."""
        specs = [Spec(spec.kind, spec.label, spec.heading, spec.cell, spec.position, top=top)
                 for spec in self.specs(line) for top in (False, True)]
        line = self.grammar.own_letters(line)
        for spec in specs:
            if line == self.grammar.own_letters(self.grammar.group_line(spec.named(),
                                                                        self.document)):
                return spec
        # A title with a participle is a document the resolution approved.
        approved = re.search(r"утвержденн|бекітілген", line) is not None
        specs.sort(key=lambda spec: spec.kind != ("attachment" if approved else "named"))
        for spec in specs:
            if line in {self.grammar.own_letters(variant) for variant in
                        self.grammar.group_line_variants(spec.named(), self.document)}:
                return spec
        # Letter case aside, as the act reader takes it.
        for spec in specs:
            lines = [self.grammar.group_line(spec.named(), self.document),
                     *self.grammar.group_line_variants(spec.named(), self.document)]
            if line.casefold() in {self.grammar.own_letters(item).casefold() for item in lines}:
                return spec
        return None

    def folded(self, text: str) -> Spec | None:
        for spec in self.specs(text):
            if spec.kind in ("table", "row", "group", "total"):
                continue
            if self.grammar.own_letters(self.grammar.folded_group(spec.named()).rstrip(",")) \
                    == self.grammar.own_letters(text.rstrip(",")):
                return spec
        return None


def _fits(spec: Spec) -> bool:
    kind = spec_of(probe_unit(spec.kind))
    return (spec.heading is None or "heading" in kind.fields) and (
        spec.cell is None or "cells" in kind.fields) and (
        spec.position is None or kind.family == "plain") and (
        spec.label is not None or not kind.label_required)


def _adjective_nominatives(word: str) -> list[str]:
    stem = word[:-2]
    endings = {"ой": ["ая", "ой", "ый"], "ом": ["ый", "ое", "ой"], "ых": ["ые"], "их": ["ие"]}
    return [stem + ending for ending in endings.get(word[-2:], [])]


# --- Building the document ------------------------------------------------------------------


class Standin:
    """The stand-in document of one amended act, in one language."""

    def __init__(self, grammar: DraftingLanguage, paragraph: Paragraph) -> None:
        self.grammar = grammar
        self.paragraph = paragraph
        self.placeholder = PLACEHOLDER[grammar.code]
        self.document = Document(
            lang=grammar.code, id="standin", type="resolution", issuer="government",
            number=paragraph.number, date=paragraph.date, title=paragraph.title,
            signatory=Signatory(position=self.placeholder, name=self.placeholder), units=[],
            pos=SourcePos("", 0, 0), issuer_names={})
        self.finder = Finder(grammar, self.document)
        self.root = Node("root")
        self.stack: list[Node] = []
        for entry in paragraph.entries:
            if entry.kind == "group":
                self._group(entry.texts[0])
            else:
                self._instruction(entry)

    # Places

    def _holder(self, kind: str, heading: str | None = None) -> Node:
        """The deepest open group a unit of `kind` may stand in."""
        if kind in TOP_ONLY or not self.stack:
            return self.root
        rank = RANK[kind]
        if kind == "named" and heading and any(
                word.startswith(INNER_TITLES) for word in heading.lower().split()):
            rank = RANK["subpoint"]
        for node in reversed(self.stack):
            if RANK.get(node.kind, 0) < rank:
                return node
        return self.root

    def _placed(self, spec: Spec, holder: Node | None = None) -> Node:
        """The unit of `spec`, found or made where it may stand."""
        if spec.parent is not None:
            holder = self._placed(spec.parent, holder)
        elif holder is None:
            holder = self._holder(spec.kind, spec.heading)
        if spec.kind in ("row", "group", "total"):
            holder = self._table(holder)
        node = Node(spec.kind, spec.label, spec.heading, [spec.cell] if spec.cell else None)
        if spec.position is not None:
            return self._paragraph(holder, spec.kind, spec.position)
        found = next((child for child in holder.children if child.same(node)), None)
        if found is not None:
            return found
        self._fill(node)
        holder.children.append(node)
        return node

    def _paragraph(self, holder: Node, kind: str, position: int) -> Node:
        own = 1 if holder.kind in ("point", "subpoint", "paragraph", "article") else 0
        alike = [child for child in holder.children if child.kind == kind]
        while len(alike) < position - own:
            child = Node(kind, text=f"{self.placeholder} {len(alike) + 1}.")
            holder.children.append(child)
            alike.append(child)
        return alike[position - own - 1]

    def _table(self, holder: Node) -> Node:
        if holder.kind == "table":
            return holder
        table = next((child for child in holder.children if child.kind == "table"), None)
        if table is None:
            table = Node("table")
            holder.children.append(table)
        return table

    def _fill(self, node: Node) -> None:
        """Texts of its own where the kind needs them."""
        fields = spec_of(probe_unit(node.kind)).required
        if node.kind == "row" and not node.cells:
            node.cells = [self.placeholder]
        if "text" in fields or node.kind in ("point",):
            node.text = node.text or f"{self.placeholder}."
        if "heading" in fields and not node.heading:
            node.heading = self.placeholder

    # Lines

    def _group(self, line: str) -> None:
        spec = self.finder.group(line)
        if spec is None:
            return
        node = self._placed(spec)
        holder_path = self._path(node)
        self.stack = holder_path

    def _path(self, node: Node) -> list[Node]:
        def walk(current: Node, trail: list[Node]) -> list[Node] | None:
            for child in current.children:
                if child is node:
                    return [*trail, child]
                found = walk(child, [*trail, child])
                if found is not None:
                    return found
            return None

        path = walk(self.root, []) or []
        return [item for item in path if item.kind != "table"]

    def _instruction(self, entry: Entry) -> None:
        text = entry.texts[0]
        grammar = self.grammar
        if text == grammar.row_replace_instruction()[0] and entry.quotes:
            cells = entry.quotes[0][0].strip("«»;.").split(" | ")
            holder = self._table(self.stack[-1] if self.stack else self.root)
            label = None
            holder.children.append(Node("row", label, None, cells))
            return
        for form in grammar.instruction_forms():
            for at in [*(m.end() for m in re.finditer(" ", text))][::-1] + [0]:
                match = re.fullmatch(form.pattern, text[at:])
                if match is None:
                    continue
                address = text[:at].strip().rstrip(",")
                if self._address(address, form.case, form.action, match):
                    return

    def _address(self, address: str, case: Case, action: str, match: re.Match[str]) -> bool:
        groups = match.groupdict()
        if not address:
            if action == "insert":
                self._new(groups.get("new") or "", self.stack[-1] if self.stack else None)
                return True
            if action == "amend" and self.stack:
                self._words(self.stack[-1], groups.get("find"))
                return True
            return False
        spec = self.finder.unit(address, case)
        if spec is not None:
            node = self._placed(spec)
            if action == "insert":
                self._new(groups.get("new") or "", node)
            elif action == "amend":
                self._words(node, groups.get("find"))
            return True
        parts = self.grammar.read_list(address, case) if action == "delete" else None
        if parts:
            found = [self.finder.unit(part, case) for part in parts]
            if all(found):
                first: Node | None = None
                for item in found:
                    assert item is not None
                    holder = first if first is not None and RANK.get(item.kind, 9) > RANK.get(
                        first.kind, 0) and first.kind in ("subsection", "section") else None
                    node = self._placed(item, holder)
                    first = first or node
                return True
        for at in [m.start() for m in re.finditer(" ", address)]:
            group = self.finder.folded(address[:at])
            inner = self.finder.unit(address[at:].strip(" ,"), case) if group else None
            if group is None or inner is None:
                continue
            if group.kind == "attachment":
                group = Spec("named", group.label, group.heading)
            self.stack.append(self._placed(group))
            node = self._placed(inner)
            self.stack.pop()
            if action == "amend":
                self._words(node, groups.get("find"))
            return True
        return False

    def _words(self, node: Node, find: str | None) -> None:
        if find:
            node.text = f"{self.placeholder} {find} {self.placeholder}."
            if node.cells:
                node.cells = [f"{self.placeholder} {find}"]

    def _new(self, text: str, host: Node | None) -> None:
        """A unit an insertion goes into holds units of the kind it inserts."""
        new = self.grammar.new_units(text) or []
        kinds = [kind for item in new for kind in item.kinds]
        if host is None or not kinds:
            return
        if any(spec_of(probe_unit(kind)).in_table for kind in kinds):
            table = self._table(host)
            if not table.children:
                table.children.append(Node("row", "1", None, [self.placeholder]))
            return
        if "point" in kinds and not any(child.kind in kinds for child in host.children):
            node = Node("point", "1.")
            self._fill(node)
            host.children.append(node)

    # Output

    def units(self) -> list[dict[str, object]]:
        return [self._unit(node) for node in self.root.children]

    def _unit(self, node: Node) -> dict[str, object]:
        unit: dict[str, object] = {"kind": node.kind}
        for name in ("label", "heading", "cells", "text"):
            value = getattr(node, name)
            if value is not None:
                unit[name] = value
        if node.kind in ("attachment", "appendix"):
            unit["stamp"] = [self.placeholder]
            unit.setdefault("heading", self.placeholder)
        if node.kind == "table":
            unit["role"] = "plain"
        if node.children:
            unit["children"] = [self._unit(child) for child in node.children]
        return unit
