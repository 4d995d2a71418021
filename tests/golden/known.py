"""The misses the golden tests expect: `docs/known-differences.md`, one table row per note or
instruction the grammar does not write as published, with its class and reason.

Reads the document; writes nothing. A row is `| `<id>` | <class> | <reason> |`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import REPOSITORY

KNOWN = REPOSITORY / "docs" / "known-differences.md"
ROW = re.compile(r"^\| `(?P<id>[^`]+)` \| (?P<cls>[^|]+?) \| (?P<reason>[^|]+?) \|$")


@dataclass(frozen=True, slots=True)
class KnownDifference:
    id: str
    cls: str
    reason: str


def known_differences() -> dict[str, KnownDifference]:
    rows = {}
    for line in KNOWN.read_text(encoding="utf-8").splitlines():
        found = ROW.match(line.strip())
        if found is not None:
            rows[found.group("id")] = KnownDifference(found.group("id"), found.group("cls"),
                                                      found.group("reason"))
    return rows
