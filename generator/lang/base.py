"""The parts of the wording every language shares: grouping acts of one issuer, capitals, the
segments that name an act and hold its in-force bracket."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ActMention, Language
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
