"""The parts of the wording every language shares: grouping acts of one issuer, capitals, the
segments that name an act and hold its in-force bracket; for drafting, the quotes around a
name, the parts an act names by their title, and lists cut outside quotes."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ActMention, Language, Unit, spec_of
from ..model.notes import Segment, Words, words


def by_issuer(mentions: Sequence[ActMention]) -> list[list[ActMention]]:
    """Consecutive acts of one issuer and type, which a note names together."""
    groups: list[list[ActMention]] = []
    for mention in mentions:
        head = groups[-1][0] if groups else None
        if head is not None and (head.issuer, head.type) == (mention.issuer, mention.type):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def act_reference(lang: Language, mention: ActMention) -> Segment:
    """The words that name an act, its date and number ("07.11.2013 № 1169"), which the site
    links to the act's page."""
    sign = lang.phrase("number_sign")
    return Segment(f"{lang.short_date(mention.date)} {sign} {mention.number}", "act", mention.key)


def with_bracket(lang: Language, mention: ActMention, before: str = " ") -> Words:
    """`before` and the act's in-force bracket; nothing for an act in force on signing."""
    bracket = lang.in_force_bracket(mention)
    return words(before, Segment(bracket, "bracket")) if bracket else ()


def quote(text: str, marks: tuple[str, str] = ("\u00ab", "\u00bb")) -> str:
    """A name in quotes; a name that itself opens or closes with a quoted name shares that
    mark, as the publisher prints it (section «Special economic zone «Burabay»)."""
    opening, closing = marks
    return (("" if text.startswith(opening) else opening) + text
            + ("" if text.endswith(closing) else closing))


def titled(unit: Unit) -> bool:
    """A part an act names by its title: a document the amended act approved, or a named part
    (the passport of a programme, a list inside a regulation)."""
    spec = spec_of(unit)
    return unit.kind == "named" or (spec.family == "stamped" and not spec.named_by_label)


def split_outside_quotes(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` that stands outside quotes «…»."""
    parts, depth, start, at = [], 0, 0, 0
    while at < len(text):
        char = text[at]
        if char == "\u00ab":
            depth += 1
        elif char == "\u00bb":
            depth = max(depth - 1, 0)
        elif depth == 0 and text.startswith(separator, at):
            parts.append(text[start:at])
            start = at = at + len(separator)
            continue
        at += 1
    parts.append(text[start:])
    return parts


def row_number(label: str) -> str:
    """A row's serial number as an act names it: its label without the final dot ("10." →
    "10"; a row numbered "1)" keeps its bracket)."""
    return label.strip().rstrip(".")
