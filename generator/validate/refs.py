"""References inside the text (`[shown](ref:UNIT_ID)`) lead to a unit of the same version.

Reads: a loaded `Project`, consolidated at every version in every language in one pass. Writes:
an error for every reference to a unit id that does not exist in a version where the reference
is shown.
References to other acts (`ref:issuer/type/date/number`) are not this document's to check.
"""

from __future__ import annotations

from ..i18n import tr
from ..model import Diagnostics, Unit, Version
from ..model.inline import spans
from .steps import is_under, touched_units


class ReferenceCheck:
    """Going forward through a language's versions: the references of the units a version's
    changes touched, and those leading into what they touched (a target replaced by a wording
    without it); each broken reference told once, in the first version it is broken in."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        self.seen: set[tuple[str, str]] = set()
        # unit id → the unit ids its texts refer to, for every unit of the version with any
        self.references: dict[str, list[str]] = {}

    def start(self, lang: str) -> None:
        self.references = {}

    def step(self, version: Version, touched: set[str] | None) -> None:
        references = self.references
        if touched is not None:
            for source in [uid for uid in references if is_under(uid, touched)]:
                del references[source]
        rescanned = set()
        for unit in touched_units(version, touched):
            rescanned.add(unit.uid)
            targets = _internal_targets(unit)
            if targets:
                references[unit.uid] = targets
        for source, targets in references.items():
            again = touched is None or source in rescanned
            for target in targets:
                if (target in version.index or (source, target) in self.seen
                        or not (again or is_under(target, touched or set()))):
                    continue
                self.seen.add((source, target))
                self.diagnostics.error(version.index[source].pos,
                                       tr("unit {uid}: the reference to '{target}' leads to no "
                                          "unit of the version of {date}",
                                          uid=source, target=target, date=version.date))

    def finish(self, lang: str) -> None:
        """Nothing more to check once a language's versions are through."""


def _internal_targets(unit: Unit) -> list[str]:
    texts = [unit.text, unit.heading, *(cell for cell in unit.cells or [] if isinstance(cell, str))]
    return [
        span.target for text in texts if text and "ref:" in text for span in spans(text)
        if span.is_internal and span.target is not None
    ]
