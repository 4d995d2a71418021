"""Segmentation: a published text's blocks → its unit tree, notes and editorial remarks.

Reads the `Block`s of one language (any reader's) and that language's printed forms
(`PublishedForms`); writes an `ImportedText`. One pass, with the units open at each point: the
part (the act itself, an approved document under its approval stamp, an appendix under its
appendix stamp), the divisions (a section holding chapters, a chapter holding articles; a
headed subsection), the point, the sub-point. Each block is tried against the rules in order:
title and head lines, editorial remarks, notes (which stand under the last unit opened), stamps,
headings, signature lines, the lines of excluded units, labelled points and sub-points, tables
and plain paragraphs. A rule that needs a language's words asks the forms; the labels and the
layout are the same in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import tr
from ..model import Diagnostics, SourcePos
from ..model.published import PublishedForms
from .blocks import Block, Grid
from .tables import table_node
from .tree import ImportedText, Node, NoteMark, Todo

LABEL = r"\d+(?:-\d+)*"
POINT = re.compile(rf"^(?P<label>{LABEL})\s?\.(?!\d)\s*(?P<text>.*)$", re.S)
SUBPOINT = re.compile(rf"^(?P<label>{LABEL})\)\s*(?P<text>.*)$", re.S)
# A point printed without its dot ("2 This resolution …"): a number, then a capital letter.
BARE_POINT = re.compile(rf"^(?P<label>{LABEL})\s+(?P<text>[^\W\d_].*)$", re.S)
NUMBERED_HEADING = re.compile(rf"^(?P<label>{LABEL})\s?\.?\s+(?P<heading>\D.*)$")
SEPARATOR = re.compile(r"^[_\-–—\s*]+$")
# A signatory's name: initials, then the surname ("K. Massimov", "B.Imashev").
NAME = re.compile(r"(?P<name>[^\W\d_]\.\s?(?:[^\W\d_]\.\s?)?[^\W\d_][\w-]+)$")
SENTENCE_END = re.compile(r"[.;:!?»]\s*$")
STAMP_LINES = 12
# Divisions that hold one another, the outer first: a code's sections hold chapters, a law's
# chapters hold articles. A division of another kind (a headed subsection) holds none.
DIVISION_RANKS = {"section": 0, "chapter": 1, "article": 2}


@dataclass(frozen=True, slots=True)
class Rules:
    """Choices that hold for the whole document: what a bare numbered heading is ("## 1.
    General provisions": a chapter in rules and orders, a section in a programme, as the notes
    call them)."""

    numbered_heading: str = "chapter"


class Segmenter:
    """The state of one pass over a text's blocks."""

    def __init__(self, text: ImportedText, forms: PublishedForms, diagnostics: Diagnostics,
                 rules: Rules, vocabulary: frozenset[str]):
        self.text = text
        self.forms = forms
        self.diagnostics = diagnostics
        self.rules = rules
        self.vocabulary = vocabulary
        self.part: Node | None = None  # the approved document or appendix being read
        self.top_part: Node | None = None  # the part an appendix "to the Rules" belongs to
        self.divisions: list[Node] = []  # the divisions open, the outer first
        self.point: Node | None = None
        self.sub: Node | None = None
        self.last: Node | None = None  # the unit a note after it stands under
        self.awaiting_heading: Node | None = None
        self.before_heading: list[str] = []
        self.editorial: Block | None = None
        self.signature: Node | None = None
        self.act_done = False  # the act's own text ended (its signature or first stamp)

    # -- the containers -------------------------------------------------------------------

    @property
    def division(self) -> Node | None:
        """The innermost division open."""
        return self.divisions[-1] if self.divisions else None

    def _siblings(self) -> list[Node]:
        holder = self.division or self.part
        return holder.children if holder is not None else self.text.units

    def _container(self) -> list[Node]:
        """Where a table or a paragraph without a label goes."""
        holder = self.sub or self.point or self.division or self.part
        return holder.children if holder is not None else self.text.units

    def _add(self, siblings: list[Node], node: Node) -> Node:
        siblings.append(node)
        self.last = node
        return node

    # -- the pass ---------------------------------------------------------------------------

    def feed(self, block: Block) -> None:
        text = self.forms.fold(block.text)
        block.text = text
        block.lines = [self.forms.fold(line) for line in block.lines]
        if not self.text.title:
            self._title(block)
        elif block.role in ("status", "adoption", "repeal"):
            self._head_line(block)
        elif self.editorial is not None:
            self._editorial_remark(block)
        elif block.kind != "table" and self.forms.editorial.match(text.strip()):
            self.editorial = block
        elif self._note(block):
            pass
        elif block.kind == "table" and block.grid is not None:
            self._table(block, block.grid)
        elif block.kind == "pre":
            self._add(self._container(), Node("text", block.pos, text=text))
        elif self._stamp(block) or self.awaiting_heading is not None and self._part_heading(block):
            pass
        elif block.kind == "heading":
            self._heading(block)
        elif self._signature(block):
            pass
        else:
            self._paragraph(block)

    def finish(self) -> None:
        self._settle_heading()
        if self.editorial is not None:
            self._editorial_remark(None)

    # -- head -------------------------------------------------------------------------------

    def _title(self, block: Block) -> None:
        self.text.title = " ".join(block.text.split())
        self.text.title_pos = block.pos

    def _head_line(self, block: Block) -> None:
        if block.role == "status":
            self.text.status = block.text
            self.text.repealed = bool(self.forms.repealed_status.match(block.text))
        elif block.role == "adoption":
            self.text.adoption = self.forms.adoption(block.text)

    def _editorial_remark(self, block: Block | None) -> None:
        """The publisher's remark: its mark and the paragraph after it, kept as a todo."""
        mark = self.editorial
        assert mark is not None
        self.editorial = None
        words = mark.text if block is None else f"{mark.text} {block.text}"
        self.text.todos.append(Todo("editorial", str(mark.pos), words))
        if block is not None and block.kind == "table" and block.grid is not None:
            self._table(block, block.grid)

    # -- notes ------------------------------------------------------------------------------

    def _note(self, block: Block) -> bool:
        if block.kind not in ("quote", "paragraph") or block.role not in ("", "note"):
            return False
        match = self.forms.note_word.match(block.text)
        if match is None:
            return False
        after = self.awaiting_heading or self.last
        self.text.notes.append(NoteMark(block.text[match.end():].strip(), block.pos, after))
        return True

    # -- stamps and parts -------------------------------------------------------------------

    def _stamp(self, block: Block) -> bool:
        """An approval or appendix stamp opens a part: as a quote, as a table with an empty
        first cell, or as a run of short lines ending with the approval word."""
        lines = block.lines if block.kind == "quote" else []
        if block.kind == "paragraph" and block.role == "stamp":
            lines = block.lines or [block.text]
        if block.kind == "paragraph" and not block.role and self._unquoted_stamp(block):
            return True
        if not lines or len(lines) > STAMP_LINES:
            return False
        if self.forms.agreed_stamp.match(lines[0]):
            return False
        return self._open_by_stamp(lines, block.pos)

    def _open_by_stamp(self, lines: list[str], pos: SourcePos) -> bool:
        approval = any(self.forms.approval_stamp.search(line) for line in lines)
        appendix = next((match for line in lines
                         for match in [self.forms.appendix_stamp.search(line)] if match), None)
        if not approval and appendix is None:
            return False
        joined = " ".join(lines)
        if approval:
            self._open_part("attachment", None, lines, pos, True)
        else:
            assert appendix is not None
            of_act = self.forms.appendix_of_act.search(joined) is not None
            self._open_part("appendix", appendix.group("label"), lines, pos, of_act)
        return True

    def _unquoted_stamp(self, block: Block) -> bool:
        """Short plain lines after the act, the last of them the approval word alone."""
        if not self.act_done or not self.forms.approval_stamp.search(block.text) or len(
                block.text) > 40:
            return False
        siblings = self.part.children if self.part is not None else self.text.units
        run: list[Node] = []
        while siblings and siblings[-1].kind == "text" and len(siblings[-1].text or "") < 60 \
                and not siblings[-1].children:
            run.insert(0, siblings.pop())
        if not run:
            return False
        start = run[0].pos
        self._open_part("attachment", None, [node.text or "" for node in run] + [block.text],
                        start, True)
        return True

    def _open_part(self, kind: str, label: str | None, lines: list[str], pos: SourcePos,
                   of_act: bool) -> None:
        if self.before_heading:
            self._settle_heading()
        if self.awaiting_heading is not None and not self.awaiting_heading.children:
            # Two stamps in a row: the first was left by an amending act; the second opens the
            # part, its lines after the first one's.
            left = self.awaiting_heading
            self._holder_of(left).remove(left)
            self.top_part = next((unit for unit in reversed(self.text.units)
                                  if unit.kind in ("attachment", "appendix")), None)
            lines = [*(left.stamp or []), *lines]
            self.diagnostics.warning(left.pos, tr("a stamp without a title of its own right "
                                                  "before another one, at {pos}: one stamp of "
                                                  "both",
                                                  pos=pos))
        node = Node(kind, pos, label=label, stamp=list(lines))
        if kind == "appendix" and not of_act and self.top_part is not None:
            self.top_part.children.append(node)
        else:
            self.text.units.append(node)
            self.top_part = node
        self.part, self.divisions, self.point, self.sub = node, [], None, None
        self.awaiting_heading = node
        self.last = node
        self.act_done = True

    def _holder_of(self, node: Node) -> list[Node]:
        if node in self.text.units:
            return self.text.units
        assert self.top_part is not None
        return self.top_part.children

    def _part_heading(self, block: Block) -> bool:
        """What follows a stamp up to the part's title: a form's mark and short lines (a form's
        own stamp, "I APPROVE ____") join the stamp; the title is the heading after them, or,
        when none comes, the last of them."""
        part = self.awaiting_heading
        assert part is not None
        words = " ".join(block.text.split())
        if block.kind in ("quote", "paragraph") and self.forms.form_mark.match(words):
            part.stamp = [*(part.stamp or []), words]
            return True
        if block.kind == "heading" and not SEPARATOR.match(words):
            part.stamp = [*(part.stamp or []), *self.before_heading]
            self._titled(part, words)
            return True
        if block.kind in ("paragraph", "heading") and not _labelled(words) and len(words) < 400:
            self.before_heading.append(words)
            return True
        self._settle_heading()
        return False

    def _settle_heading(self) -> None:
        """No heading came after a stamp: the last short line after it is the part's title."""
        part = self.awaiting_heading
        if part is None:
            return
        if self.before_heading:
            part.stamp = [*(part.stamp or []), *self.before_heading[:-1]]
            self._titled(part, self.before_heading[-1])
        else:
            self.awaiting_heading = None

    def _titled(self, part: Node, heading: str) -> None:
        part.heading = heading
        part.instructions = bool(self.forms.instruction_annex.search(heading))
        self.awaiting_heading = None
        self.before_heading = []

    # -- headings ---------------------------------------------------------------------------

    def _heading(self, block: Block) -> None:
        words = " ".join(block.text.split())
        if SEPARATOR.match(words):
            self._text(block, words)  # a rule drawn as a heading: kept as printed
            return
        if self.part is None and self.act_done:
            # A document annexed after the act without a stamp of its own.
            self._open_part("attachment", None, [], block.pos, True)
            self._titled(self.text.units[-1], words)
            return
        for kind, pattern in (("chapter", self.forms.chapter), ("section", self.forms.section),
                              ("article", self.forms.article)):
            match = pattern.match(words)
            if match is not None:
                # The heading as printed, its word and number included ("Chapter 1. …").
                self._division(kind, match.group("label") + ".", words, block)
                return
        numbered = NUMBERED_HEADING.match(words)
        if numbered is not None:
            self._division(self.rules.numbered_heading, numbered.group("label") + ".",
                           numbered.group("heading"), block)
            return
        self._division("subsection", None, words, block)

    def _division(self, kind: str, label: str | None, heading: str, block: Block) -> None:
        node = Node(kind, block.pos, label=label, heading=heading.strip() or (label or ""))
        rank = DIVISION_RANKS.get(kind)
        # An article goes into the chapter open, a chapter into the section open.
        while self.divisions and (rank is None or DIVISION_RANKS.get(
                self.divisions[-1].kind, rank) >= rank):
            self.divisions.pop()
        if self.divisions:
            holder = self.divisions[-1].children
        else:
            holder = self.part.children if self.part is not None else self.text.units
        self._add(holder, node)
        self.divisions.append(node)
        self.point, self.sub = None, None

    # -- the signature ----------------------------------------------------------------------

    def _signature(self, block: Block) -> bool:
        """Bold or italic short lines after the act's points: a position, then a name."""
        if self.part is not None or block.kind != "paragraph" or not (
                block.emphasis or block.role == "signature"):
            return False
        words = " ".join(block.text.split())
        if len(words) > 160 or _labelled(words) or not any(
                unit.kind in ("paragraph", "preamble") for unit in self.text.units):
            return False
        if len(words) > 100 and not self.forms.signatory.search(words):
            return False
        self._sign(words, block.pos)
        return True

    def _sign(self, words: str, pos: SourcePos) -> None:
        if self.signature is None or self.signature.name:
            self.signature = self._add(self.text.units, Node("signature", pos))
            self.point = self.sub = None
            self.act_done = True
        signature = self.signature
        named = NAME.search(words)
        if named is not None and (named.start() == 0 or not self.forms.signatory.search(
                words[named.start():])):
            position = words[:named.start()].strip()
            signature.position = " ".join(filter(None, [signature.position, position])) or None
            signature.name = named.group("name")
        else:
            signature.position = " ".join(filter(None, [signature.position, words]))

    def _signature_table(self, grid: Grid, pos: SourcePos) -> bool:
        cells = [cell for row in grid.rows for cell in row]
        filled = [cell.text for cell in cells if cell.text.strip()]
        if self.part is not None or not filled or len(grid.rows) > 6 or sum(
                len(text) for text in filled) > 200:
            return False
        named = NAME.search(" ".join(filled[-1].split()))
        if named is None or not any(self.forms.signatory.search(text) for text in filled):
            return False
        for text in filled:
            self._sign(" ".join(text.split()), pos)
        return True

    # -- tables -----------------------------------------------------------------------------

    def _table(self, block: Block, grid: Grid) -> None:
        rows = [row for row in grid.rows if any(cell.text.strip() for cell in row)]
        first = rows[0] if rows else ()
        if len(rows) <= 2 and first and not first[0].text.strip():
            lines = [line for row in rows for cell in row for line in cell.text.split("\n")
                     if line.strip()]
            if self._open_by_stamp(lines, block.pos):
                return
        if self._signature_table(grid, block.pos):
            return
        node = table_node(grid, self.forms, self.vocabulary)
        if node.children or node.header:
            self._add(self._container(), node)
            self.last = node

    # -- paragraphs -------------------------------------------------------------------------

    def _paragraph(self, block: Block) -> None:
        words = block.text.strip()
        if not words:
            return
        if self._excluded(block, words):
            return
        if self.part is not None and self.part.instructions:
            self._instruction_line(block, words)
            return
        reference = self.forms.reference_line
        if reference is not None and reference.match(words) and self.point is not None:
            self._text(block, words)
            return
        if self._labelled_unit(block, words):
            return
        if not self.text.units and " ".join(words.split()) == self.text.title:
            return  # the title printed again after an editorial remark
        if self.part is None and not self.text.units and not self.act_done:
            self._add(self.text.units, Node("preamble", block.pos, text=words))
            return
        if self._continues(words):
            return
        self._text(block, words)

    def _excluded(self, block: Block, words: str) -> bool:
        """"2. Excluded by the resolution …", italic or not: the unit and its note."""
        match = POINT.match(words) or SUBPOINT.match(words)
        if match is None or not self.forms.exclusion.match(match.group("text")):
            return False
        label = words[:match.start("text")].strip()
        kind = "subpoint" if label.endswith(")") else self._point_kind()
        node = Node(kind, block.pos, label=label, text=match.group("text").strip(),
                    indent=block.indent)
        node.exclusion = NoteMark(match.group("text").strip(), block.pos, node)
        if kind == "subpoint":
            self._place_subpoint(node, block)
        else:
            self._place_point(node, block)
        return True

    def _point_kind(self) -> str:
        return "paragraph" if self.part is None else "point"

    def _labelled_unit(self, block: Block, words: str) -> bool:
        point = POINT.match(words)
        if point is not None:
            node = Node(self._point_kind(), block.pos, label=words[:point.start("text")].strip(),
                        text=point.group("text").strip() or None, indent=block.indent)
            self._place_point(node, block)
            return True
        sub = SUBPOINT.match(words)
        if sub is not None:
            node = Node("subpoint", block.pos, label=words[:sub.start("text")].strip(),
                        text=sub.group("text").strip() or None, indent=block.indent)
            self._place_subpoint(node, block)
            return True
        bare = BARE_POINT.match(words)
        if bare is not None and bare.group("text")[:1].isupper() and self.point is not None \
                and _successor(self.point.label, bare.group("label")):
            node = Node(self._point_kind(), block.pos, label=bare.group("label"),
                        text=bare.group("text").strip(), indent=block.indent)
            self._place_point(node, block)
            return True
        return False

    def _place_point(self, node: Node, block: Block) -> None:
        """A point among its siblings; in Markdown, an indented point that does not follow the
        open one is a list nested in the open sub-point or point."""
        nested_in = self.sub or self.point
        follows = _successor(self.point.label if self.point else None, node.label or "")
        if block.indent >= 3 and nested_in is not None and not follows \
                and node.kind == "point":
            self._add(nested_in.children, node)
            return
        self._add(self._siblings(), node)
        self.point, self.sub = node, None

    def _place_subpoint(self, node: Node, block: Block) -> None:
        holder = self.point
        if self.sub is not None and self.sub.indent >= 3 and block.indent > self.sub.indent + 1:
            holder = self.sub
        if holder is None:
            self._add(self._siblings(), node)
            return
        self._add(holder.children, node)
        if holder is not self.sub:
            self.sub = node

    def _instruction_line(self, block: Block, words: str) -> None:
        """In an annex of amending instructions only the annex's own points are units."""
        point = POINT.match(words)
        if point is not None and not block.emphasis and (
                (self.point is None and point.group("label") == "1")
                or (self.point is not None and _successor(self.point.label,
                                                          point.group("label")))):
            node = Node("point", block.pos, label=words[:point.start("text")].strip(),
                        text=point.group("text").strip() or None, indent=block.indent)
            self._add(self._siblings(), node)
            self.point, self.sub = node, None
            return
        self._text(block, words)

    def _continues(self, words: str) -> bool:
        """A paragraph the source broke off its unit: it opens in lower case after words that
        do not end a sentence."""
        last = self.last
        if last is None or last.kind not in ("paragraph", "point", "subpoint", "text", "part",
                                             "preamble") or last.exclusion is not None:
            return False
        if not words[:1].islower() or not last.text or SENTENCE_END.search(last.text):
            return False
        last.text = f"{last.text} {words}"
        return True

    def _text(self, block: Block, words: str) -> None:
        holder: Node | None = None
        sub = self.sub
        if sub is not None and (block.indent > sub.indent or (
                block.indent == sub.indent > 0 and (sub.text or "").rstrip().endswith(":"))):
            # Deeper than the sub-point, or under one that introduces what follows.
            holder = sub
        elif self.point is not None:
            holder = self.point
        else:
            holder = self.division or self.part
        siblings = holder.children if holder is not None else self.text.units
        text = "\n".join(block.lines) if block.kind == "quote" else words
        # An article's own unlabelled paragraphs are its parts (acts name them "the second part of
        # article 3").
        kind = "part" if holder is not None and holder.kind == "article" else "text"
        self._add(siblings, Node(kind, block.pos, text=text, indent=block.indent))


def _labelled(text: str) -> bool:
    return bool(POINT.match(text) or SUBPOINT.match(text))


def _successor(previous: str | None, label: str) -> bool:
    """Whether `label` may follow `previous` in one list: 6 after 5, 5-1 after 5, 6 after 5-1."""
    if not previous:
        return False
    before = re.findall(r"\d+", previous)
    after = re.findall(r"\d+", label)
    if not before or not after:
        return False
    if len(after) == 1:
        return int(after[0]) == int(before[0]) + 1
    return after[:-1] == before[:len(after) - 1] and int(after[-1]) >= 1


def segment(blocks: Iterable[Block], text: ImportedText, forms: PublishedForms,
            diagnostics: Diagnostics, rules: Rules, vocabulary: frozenset[str]) -> ImportedText:
    segmenter = Segmenter(text, forms, diagnostics, rules, vocabulary)
    for block in blocks:
        segmenter.feed(block)
    segmenter.finish()
    return text
