"""The drafted act against the record and the consolidated versions (`legalgen act --check`).

Reads: a `Project`, one act and its drafted texts. Writes: diagnostics, one per change that the
act does not carry out (no instruction for it, a wording of the record missing from it) or that
the diff between the versions before and after the act does not show.
"""

from __future__ import annotations

import datetime as dt

from ..consolidate import version_date
from ..diff import diff_versions
from ..i18n import tr
from ..lang import drafting
from ..model import Act, Change, Diagnostics, Project
from ..model.act_text import ActText, plain_lines
from ..model.diff import REPEALED, Diff
from . import act_changes


def check_act(project: Project, act: Act, texts: dict[str, ActText]) -> Diagnostics:
    diagnostics = Diagnostics()
    changes = act_changes(project, act)
    for lang, text in texts.items():
        _check_text(text, changes, lang, diagnostics)
        diff = _diff(project, changes, lang)
        if diff is not None:
            for change in changes:
                if not _shown(diff, change, act):
                    diagnostics.error(change.pos, tr("{where}: the diff of the versions before "
                                                     "and after the act ({lang}) does not show "
                                                     "it",
                                                     where=change.where, lang=lang))
    return diagnostics


def _check_text(text: ActText, changes: list[Change], lang: str,
                diagnostics: Diagnostics) -> None:
    carried = {index for line in text.instructions() for index in line.changes}
    whole = "\n".join(plain_lines(text))
    for change in changes:
        if change.action == "repeal":
            if len(text.points) < 2 or text.instructions():
                diagnostics.error(change.pos, tr("{where}: the act ({lang}) is no repeal",
                                                 where=change.where, lang=lang))
            continue
        if change.index not in carried:
            diagnostics.error(change.pos, tr("{where}: no instruction of the act ({lang})",
                                             where=change.where, lang=lang))
        for edit in change.edits:
            for wording in (edit.find[lang], edit.replace[lang]):
                if wording and f"«{wording}»" not in drafting(lang).modern(whole):
                    diagnostics.error(change.pos, tr("{where}: the act ({lang}) does not quote "
                                                     "«{wording}»",
                                                     where=change.where, lang=lang,
                                                     wording=wording))


def _diff(project: Project, changes: list[Change], lang: str) -> Diff | None:
    """The diff across the act's first in-force date; None while that date is unknown."""
    dates = [change.effective for change in changes]
    if any(date is None for date in dates):
        return None
    first = min(date for date in dates if date is not None)
    before = version_date(project, max(first - dt.timedelta(days=1), project.adoption_date))
    after = version_date(project, max(date for date in dates if date is not None))
    return diff_versions(project, lang, before, after)


def _shown(diff: Diff, change: Change, act: Act) -> bool:
    for unit_change in diff.changes:
        if not any(item.act.key == act.key for item in unit_change.acts):
            continue
        if change.action == "repeal":
            if unit_change.change == REPEALED:
                return True
            continue
        uid = unit_change.uid
        if uid == change.target or uid.startswith(change.target + "__") \
                or change.target.startswith(uid + "__"):
            return True
    return False
