"""The parts of the wording every language shares: eras of the publisher's forms, runs of acts
of one type, capitals, the segments that name an act and hold its in-force bracket; for
drafting, the quotes around a name, the parts an act names by their title, and lists cut
outside quotes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import ActMention, Language, Unit, spec_of
from ..model.notes import NoteStep, Segment, Words, words


def era(mention: ActMention) -> dt.date:
    """The day whose forms the notes of an act take: the project's or the act's chosen era, or
    else the act's date."""
    return mention.style.era or mention.date


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


def by_type(mentions: Sequence[ActMention]) -> list[list[ActMention]]:
    """Consecutive acts of one type, which share the act word ("приказами Министра А …; Министра
    Б …", "… бұйрықтарымен")."""
    groups: list[list[ActMention]] = []
    for mention in mentions:
        if groups and groups[-1][0].type == mention.type:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def signer(mention: ActMention) -> tuple[str, bool, str | None]:
    """Who signed the act, as a note restates it when it changes: the issuer, whether a person
    acting for its head signed, and the form of its name."""
    return mention.issuer, mention.acting, mention.style.issuer_form


def merged(steps: Sequence[NoteStep]) -> list[NoteStep]:
    """Consecutive steps of one operation on the text of the same languages as one step, their
    acts in order: a language whose notes do not tell one change from several."""
    result: list[NoteStep] = []
    for step in steps:
        last = result[-1] if result else None
        if (last is not None and last.operation == step.operation
                and last.details.only == step.details.only and not step.details.words):
            result[-1] = NoteStep(last.operation, last.acts + step.acts, last.added,
                                  step.details)
        else:
            result.append(step)
    return result


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def act_reference(lang: Language, mention: ActMention, date: str | None = None,
                  sign: str | None = None) -> Segment:
    """The words that name an act, its date and number ("07.11.2013 № 1169"), which the site
    links to the act's page; `date` and `sign` as the note writes them, else today's forms."""
    sign = sign or lang.phrase("number_sign")
    date = date or lang.short_date(mention.date)
    return Segment(f"{date} {sign} {mention.number}", "act", mention.key)


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
