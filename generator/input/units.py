"""Raw unit mappings → `Unit` trees with full ids, each unit's fields checked for its kind.

Reads: raw YAML values (with positions) of content files and of amendment records' content.
Writes: `Unit`s, and a diagnostic for every problem. `UnitIn` is what a drafter may write for a
unit. The load stage builds the documents with it, and the consolidate stage the units of a
change, since an inserted unit's id depends on where it goes.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal, cast

from pydantic import Field, PlainValidator
from pydantic_core import PydanticCustomError

from ..i18n import N_, tr
from ..model import (
    KINDS,
    AnnexName,
    Cell,
    Diagnostics,
    SourcePos,
    Unit,
    UnitKind,
    kind_names,
    kind_spec,
    label_number,
)
from .positions import pos_of
from .validation import Strict, validate_model


def _known_kind(value: Any) -> UnitKind:
    """A kind of the kind table as it is when the unit is read (a kind added at run time too),
    refused as pydantic refuses a value outside a Literal."""
    names = kind_names()
    if isinstance(value, str) and value in names:
        return cast(UnitKind, value)
    quoted = [repr(name) for name in names]
    expected = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]
    raise PydanticCustomError("literal_error", "Input should be {expected}",
                              {"expected": expected})


KIND_DESCRIPTION = "The kind of unit, which gives its id prefix and its fields " \
                   "(`legalgen docs content-format`)."
KindName = Annotated[UnitKind, PlainValidator(_known_kind, json_schema_input_type=str)]


class UnitIn(Strict):
    kind: KindName = Field(description=KIND_DESCRIPTION)
    id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9]*(_[0-9a-z-]+)*$",
                           description="The unit's own id part, instead of the one made from "
                                       "its kind and label (rarely needed).")
    label: str | None = Field(default=None, description="The number as written in the text "
                                                        "(\"6.\", \"2-1)\", \"3)\").")
    heading: str | None = Field(default=None, description="The heading of a section, "
                                                          "subsection, appendix or attachment.")
    text: str | None = Field(default=None, description="The unit's own text, one paragraph, "
                                                       "with inline markup.")
    stamp: list[str] | None = Field(default=None,
                                    description="The lines of the approval stamp of an "
                                                "attachment or appendix.")
    position: str | None = Field(default=None,
                                 description="A signature: the position of the person who "
                                             "signs.")
    name: str | None = Field(default=None, description="A signature: the name of the person "
                                                       "who signs.")
    role: Literal["passport", "action_plan", "towns", "plain"] | None = Field(
        default=None, description="A table: what it holds, which sets its layout.")
    widths: list[float] | None = Field(default=None,
                                       description="A table: the relative widths of its "
                                                   "columns.")
    header: list[list[Cell]] | None = Field(default=None,
                                            description="A table: its header rows, repeated on "
                                                        "every page.")
    cells: list[Cell] | None = Field(default=None,
                                     description="A row: its cells after the label column "
                                                 "(text, numbers, amounts per year).")
    note_name: AnnexName | None = Field(
        default=None, description="An attachment or appendix: the kind of document it is "
                                  "(rules, list …), by which the notes name it.")
    # Children are checked one by one by the loader, so each error can name its unit's id.
    children: list[Any] = Field(default_factory=list, description="The units nested in this "
                                                                  "one, in the order of the text.")


def own_id(kind: str, label: str | None, given: str | None, counters: dict[str, int]) -> str:
    """A unit's own id: the one given, else its kind's prefix and its label's number, else the
    prefix and its place among the unlabelled siblings of its kind (`counters`, updated)."""
    if given is not None:
        return given
    known = KINDS.get(kind)
    prefix = known.prefix if known is not None else kind
    if label is not None and label_number(label):
        return f"{prefix}_{label_number(label)}"
    counters[kind] = counters.get(kind, 0) + 1
    return f"{prefix}_{counters[kind]}"


class UnitBuilder:
    """Turns raw unit mappings into `Unit` trees with full ids, checking each unit's fields."""

    def __init__(self, diagnostics: Diagnostics):
        self.diagnostics = diagnostics

    def build_children(
        self, raws: Any, parent_uid: str, file_pos: SourcePos, existing: list[Unit] | None = None
    ) -> list[Unit]:
        """Build sibling units; positional numbers continue after `existing` siblings."""
        siblings = list(existing or [])
        counters: dict[str, int] = {}
        for sibling in siblings:
            if sibling.label is None:
                counters[sibling.kind] = counters.get(sibling.kind, 0) + 1
        built: list[Unit] = []
        seen = {s.own_id for s in siblings}
        for index, raw in enumerate(raws or []):
            item_pos = pos_of(raws, index, file_pos) or file_pos
            unit = self.build(raw, parent_uid, item_pos, counters)
            if unit is None:
                continue
            if unit.own_id in seen:
                self.diagnostics.error(unit.pos, tr("unit {uid}: duplicate id", uid=unit.uid))
            seen.add(unit.own_id)
            built.append(unit)
        return built

    def build(
        self, raw: Any, parent_uid: str, fallback: SourcePos, counters: dict[str, int]
    ) -> Unit | None:
        pos = pos_of(raw, None, fallback) or fallback
        if not isinstance(raw, dict):
            self.diagnostics.error(pos, tr("a unit must be a mapping (under {parent})",
                                           parent=parent_uid or 'root'))
            return None
        kind = raw.get("kind")
        # A kind that is not a word (a list, say) is the schema's error to report below.
        own = self._own_id(raw, kind if isinstance(kind, str) else "unit", counters)
        uid = f"{parent_uid}__{own}" if parent_uid else own
        spec = validate_model(UnitIn, raw, self.diagnostics, pos,
                              partial(tr, N_("unit {uid}"), uid=uid))
        if spec is None:
            return None
        self._check_fields(spec, raw, uid, pos)
        unit = Unit(
            kind=spec.kind, uid=uid, pos=pos, label=spec.label, heading=spec.heading,
            text=spec.text, stamp=spec.stamp, position=spec.position, name=spec.name,
            role=spec.role, widths=spec.widths, header=spec.header, cells=spec.cells,
            note_name=spec.note_name,
        )
        unit.children = self.build_children(raw.get("children"), uid, pos)
        return unit

    @staticmethod
    def _own_id(raw: dict[str, Any], kind: str, counters: dict[str, int]) -> str:
        given = raw.get("id")
        label = raw.get("label")
        return own_id(kind, label if isinstance(label, str) else None,
                      given if isinstance(given, str) else None, counters)

    def _check_fields(self, spec: UnitIn, raw: dict[str, Any], uid: str, pos: SourcePos) -> None:
        given = {name for name in spec.model_fields_set if getattr(spec, name) is not None}
        kind = kind_spec(spec.kind)
        allowed = {*kind.fields, "kind", "id", "label", "children"}
        for name in sorted(given - allowed):
            self.diagnostics.error(
                pos_of(raw, name, pos), tr("unit {uid}: field '{name}' is not used by a {kind}",
                                           uid=uid, name=name, kind=spec.kind)
            )
        for name in ("text", "heading", "label", "name", "position"):
            value = getattr(spec, name)
            if isinstance(value, str) and not value.strip():
                self.diagnostics.error(pos_of(raw, name, pos), tr("unit {uid}: '{name}' is blank",
                                                                  uid=uid, name=name))
        for name in sorted(set(kind.required) - given):
            self.diagnostics.error(pos, tr("unit {uid}: a {kind} needs '{name}'",
                                           uid=uid, kind=spec.kind, name=name))
        if kind.label_required and not spec.label:
            self.diagnostics.error(pos, tr("unit {uid}: a {kind} needs a 'label'",
                                           uid=uid, kind=spec.kind))
        if kind.family == "tabular":
            self._check_rows(spec, pos, uid)

    def _check_rows(self, spec: UnitIn, pos: SourcePos, uid: str) -> None:
        rows = [name for name in kind_names() if kind_spec(name).in_table]
        for child in spec.children:
            kind = child.get("kind") if isinstance(child, dict) else None
            # A kind that is not a word is reported by the child's own check.
            if isinstance(kind, str) and kind not in rows:
                self.diagnostics.error(
                    pos_of(child, "kind", pos),
                    tr("unit {uid}: a {kind} holds only {kinds} and {last} units",
                       uid=uid, kind=spec.kind, kinds=', '.join(rows[:-1]), last=rows[-1]),
                )


