"""What every language module provides, and the parts that do not depend on the language.

A language module owns all wording: unit words and their cases, act words, issuers, the note
sentences, in-force brackets, dates and numbers, and the phrases of the outputs. The annotate
stage and the writers ask it; none of them holds a word of Kazakh or Russian.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.numbers import format_decimal

from ..loader import Act
from ..model import InForceAfterDays, InForceDate, InForceRule, Unit


@dataclass(frozen=True, slots=True)
class ActMention:
    """An act as a note names it: the act and the in-force rule of the change."""

    act: Act
    rule: InForceRule


def by_issuer(mentions: list[ActMention]) -> list[list[ActMention]]:
    """Consecutive acts of one issuer and type, which a note names together."""
    groups: list[list[ActMention]] = []
    for mention in mentions:
        head = groups[-1][0].act if groups else None
        if head is not None and (head.issuer, head.type) == (mention.act.issuer, mention.act.type):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def short_date(date: dt.date) -> str:
    return date.strftime("%d.%m.%Y")


def rule_kind(rule: InForceRule) -> str:
    if isinstance(rule, InForceDate):
        return "date"
    if isinstance(rule, InForceAfterDays):
        return "days"
    return str(rule)


class Language:
    code: str
    locale: str
    note_word: str
    phrases: dict[str, str]

    @property
    def tag(self) -> str:
        """The language tag office documents carry: 'kk_KZ' → 'kk-KZ'."""
        return self.locale.replace("_", "-")

    def phrase(self, key: str) -> str:
        return self.phrases[key]

    def number(self, value: float | int) -> str:
        """Amounts keep one decimal ('6 000,0'); counts have none ('64 316')."""
        pattern = "#,##0.0" if isinstance(value, float) else "#,##0"
        return format_decimal(value, format=pattern, locale=self.locale)

    def date(self, date: dt.date) -> str:
        raise NotImplementedError

    def note(self, operation: str, unit: Unit, mentions: list[ActMention],
             inserted: Unit | None = None, parent: Unit | None = None) -> str:
        raise NotImplementedError

    def document_name(self, document_type: str) -> str:
        raise NotImplementedError

    def repeal_note(self, mentions: list[ActMention], document_type: str) -> str:
        raise NotImplementedError

    def exclusion(self, unit: Unit, mentions: list[ActMention], with_label: bool = True) -> str:
        raise NotImplementedError



def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]
