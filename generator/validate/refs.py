"""References inside the text (`[shown](ref:UNIT_ID)`) lead to a unit of the same version.

Reads: a loaded `Project`, consolidated at every version in every language. Writes: an error for
every reference to a unit id that does not exist in a version where the reference is shown.
References to other acts (`ref:issuer/type/date/number`) are not this document's to check.
"""

from __future__ import annotations

from ..consolidate import each_version
from ..i18n import tr
from ..model import Diagnostics, Project, Unit
from ..model.inline import spans


def check_references(project: Project, diagnostics: Diagnostics) -> None:
    seen: set[tuple[str, str]] = set()
    for lang in project.documents:
        for version in each_version(project, lang):
            date = version.date
            units = list(version.walk())
            uids = {unit.uid for unit in units}
            for unit in units:
                for target in _internal_targets(unit):
                    if target not in uids and (unit.uid, target) not in seen:
                        seen.add((unit.uid, target))
                        diagnostics.error(unit.pos, tr("unit {uid}: the reference to '{target}' "
                                                       "leads to no unit of the version of "
                                                       "{date}",
                                                       uid=unit.uid, target=target, date=date))


def _internal_targets(unit: Unit) -> list[str]:
    texts = [unit.text, unit.heading, *(cell for cell in unit.cells or [] if isinstance(cell, str))]
    return [
        span.target for text in texts if text and "ref:" in text for span in spans(text)
        if span.is_internal and span.target is not None
    ]
