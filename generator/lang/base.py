"""The parts of the wording every language shares: grouping acts of one issuer, capitals."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ActMention


def by_issuer(mentions: Sequence[ActMention]) -> list[list[ActMention]]:
    """Consecutive acts of one issuer and type, which a note names together."""
    groups: list[list[ActMention]] = []
    for mention in mentions:
        head = groups[-1][0].act if groups else None
        if head is not None and (head.issuer, head.type) == (mention.act.issuer, mention.act.type):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]
