"""The unit kinds a document is made of: one table, `KINDS`, of what each kind is and carries.

Reads and writes nothing. Each kind is a `KindSpec`: its id prefix, the fields it carries and
needs, and its `Family` — how the writers lay it out and the stages name, quote and read it
back. Stages and writers ask the table, or dispatch on the family through `FamilyVisitor`, and
spell a kind's name only where that kind truly differs from its family; so a kind of an existing
family is one entry here and one word in every language (`Language.unit_words`).

`UnitKind` names the built-in kinds for the type checker; `register_kind` adds one at run time
(an extension, or a test), which every stage then reaches through the table alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Generic, Literal, Protocol, TypeVar, get_args

R = TypeVar("R")

UnitKind = Literal[
    "preamble",
    "paragraph",
    "signature",
    "attachment",
    "chapter",
    "section",
    "subsection",
    "named",
    "article",
    "part",
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

# The names by which the notes call an annexed document instead of its kind and label ("the
# Rules in the wording of …"): a unit's `note_name`. Every language gives each its word.
AnnexName = Literal[
    "rules", "regulation", "list", "structure", "form", "qualification_requirements",
    "excise_rates", "instruction", "programme", "plan", "standard", "methodology",
    "requirements", "composition",
]
ANNEX_NAMES: tuple[str, ...] = get_args(AnnexName)

# How the writers lay a kind out and the stages treat it.
Family = Literal[
    "stamped",      # a part of its own under an approval stamp, opening a page: its heading,
                    # then what it holds
    "division",     # a heading line ("1. Passport"), an optional text, then what it holds
    "numbered",     # one paragraph led by its label (and a heading), then what it holds
    "plain",        # one paragraph without a label of its own, named by its place
    "signatory",    # the position and name that sign the document
    "tabular",      # a table: header lines over rows
    "table_notes",  # the notes under a table: a text, then paragraphs
    "row",          # a line of cells in a table
    "heading_row",  # a line of text across a table that heads the rows below it
]
FAMILIES: tuple[Family, ...] = get_args(Family)
BUILT_IN_KINDS: frozenset[str] = frozenset(get_args(UnitKind))
# The families a table holds, and only a table.
ROW_FAMILIES: frozenset[Family] = frozenset({"row", "heading_row"})

# What a change in a diff is about: a unit of a kind of the table, or the document itself (its
# repeal), which is no unit and no kind of the table.
DOCUMENT: Final = "document"
Subject = UnitKind | Literal["document"]


@dataclass(frozen=True, slots=True)
class KindSpec:
    """One unit kind: everything a stage or writer asks about it."""

    name: UnitKind
    prefix: str  # the own-id prefix of an unlabelled unit, Akoma Ntoso style ("para_3")
    family: Family
    fields: tuple[str, ...]  # the fields it may carry beyond kind, id, label and children
    required: tuple[str, ...] = ()
    label_required: bool = False
    in_contents: bool = False  # opens a part the table of contents and the bookmarks list
    heading_level: int = 0  # a stamped part: 1 the text the act approves, 2 an appendix to it
    # Named by its kind word and label ("Appendix 1") in the contents, its label left out of
    # its heading line; otherwise a part is named by its heading.
    named_by_label: bool = False
    sums_rows: bool = False  # a row whose cells are the sums of the table's rows, printed bold

    @property
    def in_table(self) -> bool:
        return self.family in ROW_FAMILIES


_SPECS: tuple[KindSpec, ...] = (
    KindSpec("preamble", "preamble", "plain", ("text",), ("text",)),
    KindSpec("paragraph", "para", "numbered", ("text",), ("text",), label_required=True),
    KindSpec("signature", "signature", "signatory", ("position", "name"), ("name",)),
    KindSpec("attachment", "att", "stamped", ("stamp", "heading", "note_name"), ("heading",),
             in_contents=True, heading_level=1),
    KindSpec("chapter", "chp", "division", ("heading", "text"), ("heading",), in_contents=True),
    KindSpec("section", "sec", "division", ("heading", "text"), ("heading",), in_contents=True),
    KindSpec("subsection", "subsec", "division", ("heading", "text"), ("heading",)),
    # A part known by its heading alone, which acts name as a title ("the passport of the
    # programme", "the functions of the agency", a list inside a regulation).
    KindSpec("named", "named", "division", ("heading", "text"), ("heading",)),
    KindSpec("article", "art", "numbered", ("heading", "text"), ("heading",),
             label_required=True),
    KindSpec("point", "point", "numbered", ("text", "heading")),
    KindSpec("subpoint", "subpoint", "numbered", ("text",), ("text",), label_required=True),
    KindSpec("text", "p", "plain", ("text",), ("text",)),
    # A paragraph of an article that the text's own structure calls a part: unlabelled in a law
    # (named by its place, "the second part"), labelled where a code numbers its parts ("1.").
    KindSpec("part", "part", "plain", ("text",), ("text",)),
    KindSpec("table", "table", "tabular", ("role", "widths", "header")),
    # An appendix is named by its label; a form may open with its fields, without a title.
    KindSpec("appendix", "app", "stamped", ("stamp", "heading", "note_name"), (),
             in_contents=True, heading_level=2, named_by_label=True),
    KindSpec("notes", "notes", "table_notes", ("text",)),
    KindSpec("group", "group", "heading_row", ("text",), ("text",)),
    KindSpec("row", "row", "row", ("cells",), ("cells",)),
    KindSpec("total", "total", "row", ("cells",), ("cells",), sums_rows=True),
)
KINDS: dict[str, KindSpec] = {spec.name: spec for spec in _SPECS}
if len(KINDS) != len(_SPECS):
    raise RuntimeError("the kind table gives a kind two entries")
if set(KINDS) != BUILT_IN_KINDS:
    raise RuntimeError(f"the kind table {tuple(KINDS)} differs from UnitKind")


def kind_spec(kind: str) -> KindSpec:
    """The entry of a kind of the table."""
    spec = KINDS.get(kind)
    if spec is None:
        raise LookupError(f"no unit kind '{kind}' in the kind table (generator/model/kinds.py)")
    return spec


class Kinded(Protocol):
    """A unit, as the table sees it (the model's `Unit` imports this module)."""

    @property
    def kind(self) -> str: ...


def spec_of(unit: Kinded) -> KindSpec:
    return kind_spec(unit.kind)


def family_of(unit: Kinded) -> Family:
    return kind_spec(unit.kind).family


def kind_names() -> tuple[str, ...]:
    """Every kind of the table, in its order."""
    return tuple(KINDS)


def register_kind(spec: KindSpec) -> None:
    """Add a kind to the table at run time; its words in every language come through
    `generator.lang.register_unit_words`."""
    if spec.name in {*KINDS, DOCUMENT}:
        raise ValueError(f"the unit kind '{spec.name}' exists already")
    if spec.prefix in {known.prefix for known in KINDS.values()}:
        raise ValueError(f"the id prefix '{spec.prefix}' is another kind's")
    KINDS[spec.name] = spec


def unregister_kind(name: str) -> None:
    """Take a kind added by `register_kind` out of the table again; built-in kinds stay."""
    if name in BUILT_IN_KINDS:
        raise ValueError(f"the unit kind '{name}' is built in")
    KINDS.pop(name, None)


class FamilyVisitor(Generic[R]):
    """Calls `visit_<family>(unit, ...)` for a unit, or `visit_kind_<kind>(unit, ...)` where a
    subclass defines it for a kind that truly differs from its family.

    Checked when the subclass is defined: one that leaves a family out, or names a kind the table
    lacks, fails to import (and every test with it) instead of leaving units out of its output.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        missing = [name for name in FAMILIES if not callable(getattr(cls, f"visit_{name}", None))]
        if missing:
            raise TypeError(f"{cls.__qualname__} handles no unit of the family "
                            f"{', '.join(missing)}")
        unknown = [name.removeprefix("visit_kind_") for name in dir(cls)
                   if name.startswith("visit_kind_")
                   and name.removeprefix("visit_kind_") not in KINDS]
        if unknown:
            raise TypeError(f"{cls.__qualname__} visits the unknown kind {', '.join(unknown)}")

    def visit(self, unit: Kinded, *args: Any) -> R:
        method: Callable[..., R] | None = getattr(self, f"visit_kind_{unit.kind}", None)
        if method is None:
            method = getattr(self, f"visit_{family_of(unit)}")
        return method(unit, *args)
