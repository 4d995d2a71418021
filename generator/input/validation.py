"""Raw input values checked against the pydantic models of what a drafter may write.

Reads nothing; turns each problem pydantic finds into a diagnostic at the place of its field,
in words a drafter reads ("unknown field 'lable'", "no ru wording in 'content.ru' yet").
`Strict` is the base of the input models; `given` checks a per-language value made in code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from ..i18n import N_, tr
from ..model import IN_FORCE_FORMS, IN_FORCE_TAGS, LANGS_CONTEXT, Diagnostics, SourcePos
from .positions import PosDict, PosList, pos_of

ModelT = TypeVar("ModelT", bound=BaseModel)


class Strict(BaseModel):
    """Input whose unknown fields are errors; frozen, as no stage edits what was read."""

    # A model's validator is built when it first validates: a command that takes the project
    # from the cache never pays for it.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def given(value_type: Any, values: Mapping[str, Any], langs: Sequence[str]) -> dict[str, Any]:
    """The values of the languages given, as a per-language value of `value_type` (`LangText`,
    `LangUnits`): checked when every language of `langs` is there; with fewer, the value of a
    record still to be completed (its `todo` says what is missing), which the loader refuses
    until it is."""
    if set(langs) <= set(values):
        checked: dict[str, Any] = TypeAdapter(value_type).validate_python(
            dict(values), context={LANGS_CONTEXT: tuple(langs)})
        return checked
    return dict(values)


def validate_model(
    model: type[ModelT], raw: Any, diagnostics: Diagnostics, fallback: SourcePos,
    context: str | Callable[[], str] = "", langs: Sequence[str] | None = None,
) -> ModelT | None:
    """Validate `raw` against `model`, its per-language values in each of `langs` (when given);
    report each problem at the position of its field, after `context` (made only then, when it
    is a function: most values have no problem)."""
    try:
        return model.model_validate(raw, context={LANGS_CONTEXT: langs} if langs else None)
    except ValidationError as exc:
        said = context() if callable(context) else context
        for error in map(_as_model_error, exc.errors()):
            pos, loc = _locate(raw, error["loc"], fallback)
            diagnostics.error(pos, _describe(error, loc, said, langs or ()))
        return None


# Two problems a value of the model (a stdlib dataclass) names in words of its own, told as
# those of the input models: an unknown field, a value that is no mapping.
_DATACLASS_ERRORS = {"unexpected_keyword_argument": "extra_forbidden",
                     "dataclass_type": "model_type"}


def _as_model_error(error: ErrorDetails) -> ErrorDetails:
    kind = _DATACLASS_ERRORS.get(error["type"])
    if kind is None:
        return error
    renamed = error.copy()
    renamed["type"] = kind
    return renamed


def _locate(
    raw: Any, loc: tuple[int | str, ...], fallback: SourcePos
) -> tuple[SourcePos, list[str]]:
    pos = pos_of(raw, None, fallback) or fallback
    path: list[str] = []
    node = raw
    for part in (part for part in loc if part not in IN_FORCE_TAGS):
        if isinstance(node, PosDict) and isinstance(part, str) and part in node:
            pos = node.pos_of(part)
            node = node[part]
            path.append(part)
        elif isinstance(node, PosList) and isinstance(part, int) and part < len(node):
            pos = node.item_pos[part]
            node = node[part]
            path.append(str(part))
        elif isinstance(part, str) and isinstance(node, dict):
            # A missing field, or a value built in code (no positions): named all the same.
            path.append(part)
            if part not in node:
                break
            node = node[part]
    return pos, path


def _describe(error: ErrorDetails, loc: list[str], context: str, langs: Sequence[str]) -> str:
    where = ".".join(loc)
    prefix = f"{context}: " if context else ""
    if error["type"] == "extra_forbidden":
        return prefix + tr("unknown field '{name}'", name=loc[-1] if loc else where)
    if error["type"] == "missing" and loc and loc[-1] in langs and loc[0] in ("content", "edits"):
        # A record made from one language's edits leaves the other's wording to be written.
        return prefix + tr("no {lang} wording in '{where}' yet: write it", lang=loc[-1],
                           where=where)
    if error["type"] == "missing":
        return prefix + tr("missing field '{where}'", where=where)
    bad = error.get("input")
    shown = _shown(bad)
    if error["type"] in ("literal_error", "enum"):
        name = loc[-1] if loc else "value"
        expected = error.get("ctx", {}).get("expected", "")
        return prefix + tr("unknown {name} {value}; expected one of {expected}",
                           name=name, value=shown, expected=expected)
    field_part = f"'{where}': " if where else ""
    if error["type"] == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return prefix + field_part + tr("{value} does not match the pattern {pattern}",
                                        value=shown, pattern=pattern)
    found = tr(" (found {value})", value=shown) if shown else ""
    return f"{prefix}{field_part}{describe_error(error)}{found}"


# pydantic's message of each kind of problem a drafter meets, word for word, marked for the
# catalogs: in English the message stays pydantic's own, in another language its translation.
PYDANTIC_MESSAGES = {
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_type": N_("Input should be a valid integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "float_type": N_("Input should be a valid number"),
    "string_type": N_("Input should be a valid string"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "bool_type": N_("Input should be a valid boolean"),
    "date_parsing": N_("Input should be a valid date in the format YYYY-MM-DD, {error}"),
    "date_type": N_("Input should be a valid date"),
    "date_from_datetime_parsing": N_("Input should be a valid date or datetime, {error}"),
    "dict_type": N_("Input should be a valid dictionary"),
    "model_type": N_("Input should be a valid dictionary or instance of {class_name}"),
    "model_attributes_type": N_(
        "Input should be a valid dictionary or object to extract fields from"),
    "list_type": N_("Input should be a valid list"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "greater_than": N_("Input should be greater than {gt}"),
    "less_than": N_("Input should be less than {lt}"),
    "value_error": N_("Value error, {error}"),
}


def describe_error(error: ErrorDetails) -> str:
    """pydantic's message of a problem in the user's language (as pydantic words it, in
    English, for a kind of problem the catalogs do not know)."""
    if error["type"] == "in_force_rule":
        return tr("expected {forms}", forms=IN_FORCE_FORMS)
    error = _as_model_error(error)
    template = PYDANTIC_MESSAGES.get(error["type"])
    context = dict(error.get("ctx", {}))
    if template is None:
        return error["msg"]
    try:
        return tr(template, **context)
    except (KeyError, IndexError):
        return error["msg"]


def _shown(value: Any) -> str:
    """A scalar input as the drafter wrote it, shortened; mappings and lists are not repeated."""
    if isinstance(value, dict | list) or value is None:
        return ""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"
