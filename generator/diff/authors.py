"""Which one act made each word change of a unit several acts changed.

Reads: the diff's blocks and the changes between the two versions (their `amend` edits). Writes:
the acts of each inserted or deleted piece of text (`Op.acts`): the words an act's edit
inserted (its found text compared with its replacement) are that act's, and so are the words it
deleted; a piece the word diff merged across two acts' edits is cut where the authors change.
Where the records do not tell (a unit replaced as a whole, then excluded; a word no edit names)
the piece keeps the joint attribution of its line.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..model import Change
from ..model.diff import Acts, Block, Line, Op
from .parts import attributions


def attribute_ops(blocks: list[Block], changes: list[Change], lang: str) -> None:
    """Give each changed piece of a line with several acts the one act that made it."""
    for line in _lines(blocks):
        if len(line.acts) < 2:
            continue
        keys = {item.act.key for item in line.acts}
        mine = [change for change in changes if change.act.key in keys]
        line.ops = [piece for op in line.ops for piece in _attributed(op, mine, lang)]


def _lines(blocks: list[Block]) -> Iterator[Line]:
    for block in blocks:
        if isinstance(block, Line):
            yield block
        else:
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.lines


def _attributed(op: Op, changes: list[Change], lang: str) -> list[Op]:
    if op.kind == "equal" or not op.text.strip():
        return [op]
    return [Op(op.kind, text, acts) for text, acts in _pieces(op, changes, lang)]


def _made_by(change: Change, kind: str, lang: str) -> list[str]:
    """The words an act's edits inserted (`kind="insert"`) or deleted: each edit's found text
    compared word by word with its replacement."""
    fragments: list[str] = []
    if change.only and lang not in change.only:
        return fragments  # this language's text stayed as it was
    for edit in change.edits:
        before = edit.find[lang].split()
        after = edit.replace[lang].split()
        matcher = SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                words = after[j1:j2] if kind == "insert" else before[i1:i2]
                fragments += [" ".join(words)] if words else []
    return fragments


def _pieces(op: Op, changes: list[Change], lang: str) -> list[tuple[str, Acts]]:
    """`op.text` cut into runs each made by one act, as far as the acts' edits tell; a run no
    edit explains keeps the joint attribution (empty acts)."""
    text = op.text
    owners: list[str | None] = [None] * len(text)
    by_key = {change.act.key: change for change in changes if change.action == "amend"}
    for change in changes:
        if change.action != "amend":
            continue
        key = change.act.key
        for fragment in _made_by(change, op.kind, lang):
            start = text.find(fragment)
            while start != -1:
                for index in range(start, start + len(fragment)):
                    owners[index] = owners[index] or key
                start = text.find(fragment, start + len(fragment))
    # Spaces go with the run before them, so that a cut never leaves a run of blanks alone.
    for index, char in enumerate(text):
        if char.isspace() and index > 0:
            owners[index] = owners[index - 1]
    runs: list[tuple[str, Acts]] = []
    for key, chars in itertools.groupby(zip(owners, text, strict=True), key=lambda pair: pair[0]):
        acts = attributions([by_key[key]]) if key is not None else ()
        runs.append(("".join(char for _, char in chars), acts))
    return runs
