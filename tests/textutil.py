"""Text helpers the tests share: the words of an HTML page and a similarity between word lists."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import lxml.html

WORD = re.compile(r"\w+", re.UNICODE)


def html_text(path: Path) -> str:
    """The visible text of an HTML file (no <head>, no <style>)."""
    tree = lxml.html.fromstring(path.read_bytes())
    for node in tree.xpath("//head | //style | //script"):
        node.drop_tree()
    # Block elements touch each other in the markup; keep their texts apart.
    return " ".join(tree.itertext())


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def similarity(left: list[str], right: list[str]) -> float:
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def differing_passages(left: list[str], right: list[str], limit: int = 20) -> str:
    """The first passages where two word lists differ, for a readable failure message."""
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    lines = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lines.append(f"{tag}: {' '.join(left[i1:i2])!r} -> {' '.join(right[j1:j2])!r}")
        if len(lines) >= limit:
            break
    return "\n".join(lines)
