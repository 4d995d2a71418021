"""`legalgen versions`: the timeline of versions, the acts behind each, the pending ones — all
in one language."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import click

from ..annotate import first_changes
from ..consolidate import pending_changes, timeline
from ..lang import language
from ..model import (
    Act,
    ActMention,
    Change,
    InForceAfterDays,
    InForceAfterSigning,
    InForceDate,
    InForceRule,
    Language,
    Project,
)
from .common import (
    chosen_lang,
    doc_option,
    load_or_exit,
    root_option,
    stdout,
)


@click.command()
@root_option
@doc_option
@click.option("--lang", "lang_code", default=None,
              help="The language of the names and words [default: the first language].")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def versions(root: Path, doc: str | None, lang_code: str | None, as_json: bool) -> None:
    """The timeline: each version date and the acts taking effect; pending acts."""
    project = load_or_exit(root, doc)
    lang = language(chosen_lang(lang_code, project))
    today = dt.date.today()
    # Signed and not in force today, whatever version they come after: the acts a drafter
    # works on, before their publication gives them a day of their own.
    pending_now = _pending(project, today)
    if as_json:
        import json  # for --json only

        entries = [
            {"date": date.isoformat(),
             "acts": [_act_json(lang, act, act.in_force, date) for act in acts],
             "pending": [_act_json(lang, c.act, c.in_force, c.effective)
                         for c in _pending(project, date)]}
            for date, acts in timeline(project)
        ]
        click.echo(json.dumps({"document": project.doc_id, "lang": lang.code,
                               "versions": entries, "today": today.isoformat(),
                               "pending": [_act_json(lang, c.act, c.in_force, c.effective)
                                           for c in pending_now]},
                              ensure_ascii=False, indent=2))
        return
    for date, acts in timeline(project):
        names = "; ".join(lang.act_name(act) for act in acts) or lang.phrase("original")
        pending = "; ".join(f"{lang.act_name(c.act)} — {_in_force(lang, c)}"
                            for c in _pending(project, date))
        tail = f"  ({lang.phrase('pending')}: {pending})" if pending else ""
        stdout.print(f"{date.isoformat()}  {names}{tail}", markup=False)
    if pending_now:
        stdout.print(f"{lang.phrase('pending_now')} ({today.isoformat()}):", markup=False)
    for change in pending_now:
        stdout.print(f"  {lang.act_name(change.act)} — {_in_force(lang, change)}", markup=False)


def _in_force(lang: Language, change: Change) -> str:
    return lang.in_force_from(change.effective) if change.effective else \
        lang.phrase("in_force_unknown")


def _pending(project: Project, date: dt.date) -> list[Change]:
    """Each pending act's first change."""
    return first_changes(pending_changes(project, date))


def _rule_json(rule: InForceDate | InForceAfterDays | InForceAfterSigning) -> dict[str, Any]:
    """A rule of a date or of days as its record writes it ({"date": "2020-01-01"})."""
    values = dataclasses.asdict(rule)
    return {name: value.isoformat() if isinstance(value, dt.date) else value
            for name, value in values.items()}


def _act_json(lang: Language, act: Act, rule: InForceRule,
              in_force: dt.date | None) -> dict[str, Any]:
    """An act with the day it takes effect (null when not known yet) and its in-force rule."""
    return {"number": act.number, "date": act.date.isoformat(), "type": act.type,
            "issuer": act.issuer, "file": act.path, "name": lang.act_name(act),
            "in_force": in_force.isoformat() if in_force else None,
            "rule": rule if isinstance(rule, str) else _rule_json(rule),
            "rule_text": lang.in_force_bracket(ActMention.of(act, rule)) or None}
