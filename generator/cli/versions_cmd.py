"""`legalgen versions`: the timeline of versions, the acts behind each, the pending ones."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from ..consolidate import timeline
from ..lang import language
from ..model import LANGS, Act, Project
from .common import (
    load_or_exit,
    root_option,
    stdout,
)


@click.command()
@root_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def versions(root: Path, as_json: bool) -> None:
    """The timeline: each version date and the acts taking effect; pending acts."""
    project = load_or_exit(root)
    entries = []
    for date, acts in timeline(project):
        entries.append({
            "date": date.isoformat(),
            "acts": [_act_json(act) for act in acts],
            "pending": _pending_acts(project, date),
        })
    if as_json:
        click.echo(json.dumps({"document": project.doc_id, "versions": entries},
                              ensure_ascii=False, indent=2))
        return
    lang = language(LANGS[0])
    for entry, (date, acts) in zip(entries, timeline(project), strict=True):
        names = "; ".join(lang.act_name(act) for act in acts) or "original"
        pending = ", ".join(f"No {act['number']}" for act in _pending_acts(project, date))
        tail = f"  (pending: {pending})" if pending else ""
        stdout.print(f"{entry['date']}  {names}{tail}", markup=False)


def _act_json(act: Act) -> dict[str, Any]:
    return {"number": act.number, "date": act.date.isoformat(), "type": act.type,
            "issuer": act.issuer, "file": act.path}


def _pending_acts(project: Project, date: dt.date) -> list[dict[str, Any]]:
    acts = []
    for change in project.changes:
        if change.act.date <= date and (change.effective is None or change.effective > date):
            entry = _act_json(change.act)
            entry["in_force"] = change.effective.isoformat() if change.effective else None
            if entry not in acts:
                acts.append(entry)
    return acts
