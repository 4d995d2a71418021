"""JSON writer of a diff: every changed unit, for tools and reviewers' scripts.

Reads: a `Diff`. Writes: UTF-8 JSON — the document, language and the two version dates, and per
changed unit its id, label, kind, name, change, the acts responsible (with the date each change
took effect), whether its wording is a reconstruction, the text before and after, and the
word-level operations between them.
"""

from __future__ import annotations

import json
from typing import Any

from ..model.diff import Attribution, Diff, UnitChange


def render_diff_json(diff: Diff) -> bytes:
    data = {
        "document": diff.document.id,
        "lang": diff.lang.code,
        "from": diff.from_date.isoformat(),
        "to": diff.to_date.isoformat(),
        # The text once every pending act takes effect, dated by the projection's day.
        **({"projected": True, "to_heading": diff.new.version_heading}
           if diff.new.version.projected else {}),
        "changes": [_change(diff, change) for change in diff.changes],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _change(diff: Diff, change: UnitChange) -> dict[str, Any]:
    return {
        "id": change.uid,
        "label": change.label,
        "kind": change.kind,
        "name": change.name,
        "change": change.change,
        "acts": [_act(diff, item) for item in change.acts],
        "reconstructed": change.reconstructed,
        "before": change.before,
        "after": change.after,
        "diff": [[op.kind, op.text] for op in change.ops],
    }


def _act(diff: Diff, item: Attribution) -> dict[str, Any]:
    act = item.act
    return {
        "name": diff.lang.act_name(act),
        "type": act.type,
        "issuer": act.issuer,
        "number": act.number,
        "date": act.date.isoformat(),
        "in_force": item.in_force.isoformat() if item.in_force else None,
        "file": act.path,
    }
