"""What the input layer checks of a model's field, as metadata the field's type carries.

Reads and writes nothing. The runtime values are plain dataclasses; the input layer validates a
drafter's values into them with pydantic, which reads these marks of their annotations
(`Annotated[T, mark]`) through its hooks. Nothing here imports pydantic until it asks, so a
command that only reads values already made (the cached project) never loads it. A field's
description and plain constraints are its `dataclasses.field` metadata (`about`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import (
        GetCoreSchemaHandler,
        GetJsonSchemaHandler,
        ValidationInfo,
        ValidatorFunctionWrapHandler,
    )
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema, ErrorDetails, InitErrorDetails

# The key of the validation context that names the project's languages: a per-language value
# then has one entry for each of them, no more and no fewer (a value made in code: any).
LANGS_CONTEXT = "langs"
# The mark of a per-language value in the JSON Schemas, which fill in the project's languages.
PER_LANGUAGE_SCHEMA = "x-per-language"


def about(description: str, **constraints: Any) -> dict[str, Any]:
    """A field's metadata as the input layer reads it: its description in the JSON Schemas and
    its constraints (`min_length`, `ge`, `le`), by pydantic's names for them."""
    return {"description": description, **constraints}


@dataclass(frozen=True, slots=True)
class AfterCheck:
    """A check of a value once it has its type: `check` returns it or raises ValueError with
    the problem, which the drafter is told at the field."""

    check: Callable[[Any], Any]

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema  # only when the input layer validates

        return core_schema.no_info_after_validator_function(self.check, handler(source))


@dataclass(frozen=True, slots=True)
class MinLength:
    """Text of at least `length` characters."""

    length: int

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        schema: Any = handler(source)
        return {**schema, "min_length": self.length}


class _EveryLanguage:
    """A mapping from language code to value, with every language of the validation context
    (`LANGS_CONTEXT`) and no other."""

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema  # only when the input layer validates

        return core_schema.with_info_wrap_validator_function(_in_every_language, handler(source))


def _in_every_language(value: Any, handler: ValidatorFunctionWrapHandler,
                       info: ValidationInfo) -> Any:
    """The value checked, each problem (a value, a missing or an unknown language) told at its
    language's key."""
    from pydantic_core import InitErrorDetails, ValidationError

    langs = (info.context or {}).get(LANGS_CONTEXT)
    problems: list[InitErrorDetails] = []
    try:
        result = handler(value)
    except ValidationError as exc:
        if langs is None or not isinstance(value, dict):
            raise
        result, problems = None, [_again(error) for error in exc.errors()]
    if langs is None or not isinstance(value, dict):
        return result
    problems += [InitErrorDetails(type="missing", loc=(code,), input=value)
                 for code in langs if code not in value]
    problems += [InitErrorDetails(type="extra_forbidden", loc=(key,), input=value[key])
                 for key in value if key not in langs]
    if problems:
        order = {code: index for index, code in enumerate(langs)}
        problems.sort(key=lambda problem: order.get(str(problem["loc"][0]), len(order)))
        raise ValidationError.from_exception_data("per-language value", problems)
    return result


def _again(error: ErrorDetails) -> InitErrorDetails:
    """A validation error as it can be raised again, with the others of the same value."""
    from pydantic_core import InitErrorDetails

    details = InitErrorDetails(type=error["type"], loc=error["loc"], input=error["input"])
    if "ctx" in error:
        details["ctx"] = error["ctx"]
    return details


class _PerLanguageSchema:
    """Marks a per-language value in the JSON Schema (see `PER_LANGUAGE_SCHEMA`)."""

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema[PER_LANGUAGE_SCHEMA] = True
        return schema


# The metadata of a per-language value: `Annotated[dict[str, T], EVERY_LANGUAGE, PER_LANGUAGE]`.
EVERY_LANGUAGE = _EveryLanguage()
PER_LANGUAGE = _PerLanguageSchema()
