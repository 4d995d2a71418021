"""What the readers of every language's published notes share: dates and numbers in figures,
in-force brackets that may hold labels, and the run of acts a note names.

Reads note text; writes `ReadAct`s. The words (act words, issuers' words, separators) come from
the language module that calls these functions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model.published import NoteNotRead, ReadAct

# A date in figures as notes print it: 07.11.2013, and in older notes 2013.11.07 (with a dot
# after it at times).
FIGURE_DATE = r"(?:\d{2}\.\d{2}\.\d{4}|\d{4}\.\d{2}\.\d{2})\.?"
# An act's number after its sign: "1169", "414-V", "22/4", "ҚР-ДСМ-11".
NUMBER = r"[^\s();,]*[^\s();,.]"
# A label inside a bracket ("1) тармақшасының"): its parenthesis closes no bracket.
_LABEL_PAREN = re.compile(r"(?:^|\s)\d+(?:-\d+)*\)(?=\s+\w)")


def figure_date(text: str) -> dt.date:
    """07.11.2013 or 2013.11.07(.) as a date; ValueError when it is none."""
    text = text.rstrip(".")
    first, second, third = text.split(".")
    if len(first) == 4:
        return dt.date(int(first), int(second), int(third))
    return dt.date(int(third), int(second), int(first))


def bracket_end(text: str, start: int) -> int:
    """The index after the parenthesis that closes the bracket opening at `start`."""
    labels = {match.end() - 1 for match in _LABEL_PAREN.finditer(text, start)}
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")" and index not in labels:
            depth -= 1
            if depth == 0:
                return index + 1
    raise NoteNotRead(f"the bracket at '{text[start:start + 40]}' is not closed")


@dataclass(frozen=True, slots=True)
class ActSpot:
    """Where an act stands in a note: the words before it, its date and number, its bracket."""

    lead: str
    date: dt.date
    number: str
    bracket: str | None
    end: int


def act_spots(text: str, sign: str, before_date: str = "") -> list[ActSpot]:
    """Every act `text` names by date and number (after `sign`, the number sign or "N"), with
    the words before each one and the bracket right after its number, if any. `before_date` is
    a pattern that must stand right before a date (Russian "от ")."""
    pattern = re.compile(rf"{before_date}(?P<date>{FIGURE_DATE})\s*(?:{sign})\s*"
                         rf"(?P<number>{NUMBER})")
    spots: list[ActSpot] = []
    cursor = 0
    while True:
        match = pattern.search(text, cursor)
        if match is None:
            return spots
        try:
            date = figure_date(match.group("date"))
        except ValueError as exc:
            raise NoteNotRead(f"'{match.group('date')}' is no date") from exc
        end = match.end()
        bracket = None
        rest = text[end:]
        stripped = rest.lstrip()
        if stripped.startswith("("):
            start = end + len(rest) - len(stripped)
            end = bracket_end(text, start)
            bracket = text[start + 1:end - 1].strip()
        spots.append(ActSpot(text[cursor:match.start()], date, match.group("number"), bracket,
                             end))
        cursor = end


def acts_of(spots: list[ActSpot], lead_words: Callable[[str], tuple[str | None, str | None]],
            act_type: str | None, acting: Callable[[str], tuple[str, bool]]) -> tuple[ReadAct, ...]:
    """The acts of `spots`, each with the issuer and type the words before it give (or those of
    the act before it): `lead_words` splits those words into an act word's type and the
    issuer's words; `acting` takes the acting head's mark off the issuer's words."""
    found: list[ReadAct] = []
    issuer: str | None = None
    acting_head = False
    for spot in spots:
        kind, words = lead_words(spot.lead)
        act_type = kind or act_type
        if words:
            issuer, acting_head = acting(words)
        if issuer is None or act_type is None:
            raise NoteNotRead(f"no issuer or act word before the act № {spot.number}")
        found.append(ReadAct(issuer, act_type, spot.date, spot.number, spot.bracket,
                             acting_head))
    return tuple(found)


def squeeze(text: str) -> str:
    """Runs of white space as one space, trimmed."""
    return " ".join(text.split())
