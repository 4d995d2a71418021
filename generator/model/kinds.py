"""The unit kinds a document is made of, and what each kind carries.

Reads and writes nothing. Every stage that treats kinds differently asks this module (and the
writers' `KindVisitor`), so that a new kind is added here once and every writer that does not
handle it fails a test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Literal, TypeVar, get_args

from .document import Unit

R = TypeVar("R")

UnitKind = Literal[
    "preamble",
    "paragraph",
    "signature",
    "attachment",
    "chapter",
    "section",
    "subsection",
    "article",
    "point",
    "subpoint",
    "text",
    "table",
    "appendix",
    "notes",
    "group",
    "row",
    "total",
]
UNIT_KINDS: tuple[str, ...] = get_args(UnitKind)

# Own-id prefix of each kind (Akoma Ntoso naming convention).
ID_PREFIX: dict[str, str] = {
    "preamble": "preamble",
    "paragraph": "para",
    "signature": "signature",
    "attachment": "att",
    "chapter": "chp",
    "section": "sec",
    "subsection": "subsec",
    "article": "art",
    "point": "point",
    "subpoint": "subpoint",
    "text": "p",
    "table": "table",
    "appendix": "app",
    "notes": "notes",
    "group": "group",
    "row": "row",
    "total": "total",
}

# Fields each kind may carry, beyond kind/id/label/children.
KIND_FIELDS: dict[str, set[str]] = {
    "preamble": {"text"},
    "paragraph": {"text"},
    "signature": {"position", "name"},
    "attachment": {"stamp", "heading"},
    "chapter": {"heading", "text"},
    "section": {"heading", "text"},
    "subsection": {"heading", "text"},
    "article": {"heading", "text"},
    "point": {"text", "heading"},
    "subpoint": {"text"},
    "text": {"text"},
    "table": {"role", "widths", "header"},
    "appendix": {"stamp", "heading"},
    "notes": {"text"},
    "group": {"text"},
    "row": {"cells"},
    "total": {"cells"},
}
REQUIRED_FIELDS: dict[str, set[str]] = {
    "preamble": {"text"},
    "paragraph": {"text"},
    "signature": {"name"},
    "attachment": {"heading"},
    "chapter": {"heading"},
    "section": {"heading"},
    "subsection": {"heading"},
    "article": {"heading"},
    "subpoint": {"text"},
    "text": {"text"},
    "group": {"text"},
    "row": {"cells"},
    "total": {"cells"},
    "appendix": {"heading"},
}
LABEL_REQUIRED = {"paragraph", "subpoint", "article"}
TABLE_ROW_KINDS = {"group", "row", "total"}
# Kinds whose heading opens a part of the document: a table of contents lists them.
TOC_KINDS = {"attachment", "chapter", "section", "appendix"}


class KindVisitor(Generic[R]):
    """Calls `visit_<kind>(unit, ...)` for a unit; a subclass handles every kind of the model.

    Checked when the subclass is defined, so that a writer or stage that forgets a kind fails to
    import (and every test with it) instead of leaving units out of its output silently.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        missing = [kind for kind in UNIT_KINDS if not callable(getattr(cls, f"visit_{kind}", None))]
        if missing:
            raise TypeError(f"{cls.__qualname__} handles no unit of kind {', '.join(missing)}")

    def visit(self, unit: Unit, *args: Any) -> R:
        method: Callable[..., R] = getattr(self, f"visit_{unit.kind}")
        return method(unit, *args)
