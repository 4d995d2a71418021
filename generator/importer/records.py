"""The amendment records of an imported project, one per act its notes name.

Reads the acts and changes the history found, the printed trees of every language and the
text as adopted; writes `Record`s — the input schema's own models (`ActIn`, `ChangeIn`), so that
what is written is what the loader reads — with their `todo` placeholders: the act's title
(its name stands in), its publication day (its signing day stands in), and, for every
reconstructed change, the wording before it or the words it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..input import given
from ..lang import language
from ..load.registry import Issuers
from ..load.schema import ActIn, ChangeIn, TodoItem, TodoKind
from ..model import Act, ActId, ActMention
from ..model.acts import LangText, LangUnits
from ..model.published import PublishedForms
from ..record.writer import Record, new_record, written
from .history import REASONS, ActFacts, Adopted, Change, act_rule, needs_publication
from .ids import natural_ids
from .meta import Meta
from .tree import ImportedText, Node, Todo
from .write import todo_data, unit_data


@dataclass(frozen=True, slots=True)
class Imported:
    """What every record needs from the import: the languages' trees, the adopted text's
    maker, each language's forms, the document, the known titles of acts."""

    texts: dict[str, ImportedText]
    adopted: Adopted
    forms: dict[str, PublishedForms]
    issuers: Issuers
    doc_id: str
    meta: Meta
    titles: dict[ActId, dict[str, str]]  # acts' titles a person already gave


def build_records(acts: dict[ActId, ActFacts], imported: Imported) -> list[Record]:
    order = {node.uid: index for index, node in enumerate(
        next(iter(imported.texts.values())).walk())}
    records = []
    for act_id in sorted(acts, key=lambda act: (act.date, act.number, act.key)):
        facts = acts[act_id]
        facts.changes.sort(key=lambda change: order.get(change.target or "", -1))
        records.append(_record(facts, imported))
    return records


def _record(facts: ActFacts, imported: Imported) -> Record:
    langs = tuple(imported.texts)
    act_id = facts.id
    rule = act_rule(facts)
    todo: list[TodoItem] = []
    shared = _shared_texts(facts)
    published = act_id.date if any(needs_publication(change.rule)
                                   for change in facts.changes) else None
    if published is not None:
        todo.append(todo_data(Todo("publication", "", "", None, act_id.key)))
    titles = {**_names(act_id, rule, imported), **(_known_title(act_id, imported) or {}),
              **imported.titles.get(act_id, {})}
    if titles == _names(act_id, rule, imported):
        todo.append(todo_data(Todo("act-title", "", "", None, act_id.key)))
    act = written(ActIn, type=act_id.type, issuer=act_id.issuer, number=act_id.number,
                  date=act_id.date, published=published,
                  in_force=rule if rule != "on_signing" else None,
                  in_force_text=_lang_text(shared, rule, act_id, langs) if shared else None,
                  title=given(LangText, titles, langs),
                  note_style=facts.style() or None)
    changes = []
    for change in facts.changes:
        changes.append(_change(change, rule, bool(shared), imported, todo))
    return new_record(act, changes, todo)


def _shared_texts(facts: ActFacts) -> dict[str, str]:
    """The in-force clause every change of the act shares, by language (none: no clause of
    its own, or clauses that differ between its changes)."""
    texts = [change.texts for change in facts.changes]
    rules = {repr(change.rule) for change in facts.changes}
    if texts and all(text == texts[0] for text in texts) and len(rules) == 1:
        return dict(texts[0])
    return {}


def _lang_text(texts: dict[str, str], rule: Any, act_id: ActId,
               langs: tuple[str, ...]) -> dict[str, str] | None:
    """A clause in every language: a language whose note printed the grammar's own words gets
    them; None when a language has no clause at all for a rule with none (on signing)."""
    filled = dict(texts)
    for code in langs:
        if code not in filled:
            bracket = language(code).in_force_bracket(
                ActMention(act_id.issuer, act_id.type, act_id.date, act_id.number, rule))
            if not bracket:
                return None
            filled[code] = bracket[1:-1]
    return given(LangText, filled, langs)


def _known_title(act_id: ActId, imported: Imported) -> dict[str, str] | None:
    last = imported.meta.last_act
    if last is None or last.date != act_id.date or last.number != act_id.number:
        return None
    return {code: imported.forms[code].fold(title)
            for code, title in imported.meta.last_titles.items() if code in imported.texts}


def _names(act_id: ActId, rule: Any, imported: Imported) -> dict[str, str]:
    """The act's name in every language, standing in for its title."""
    act = Act(type=act_id.type, issuer=act_id.issuer, number=act_id.number, date=act_id.date,
              published=None, in_force=rule, title={}, path="", order=0,
              issuer_names=imported.issuers.names(act_id.issuer, act_id.type))
    return {code: language(code).act_name(act) for code in imported.texts}


def _change(change: Change, rule: Any, shared: bool, imported: Imported,
            todo: list[TodoItem]) -> ChangeIn:
    langs = tuple(imported.texts)
    own_rule = change.rule if repr(change.rule) != repr(rule) else None
    texts = None
    if change.texts and not shared:
        texts = _lang_text(change.texts, change.rule, change.act, langs)
    target = change.target or imported.doc_id
    fields: dict[str, Any] = {"target": target, "action": change.action, "in_force": own_rule,
                              "in_force_text": texts}
    # A change of some languages' text only gives its wording and reason in those only.
    changed = change.only or langs
    if change.only:
        fields["only"] = list(change.only)
    if change.action in ("replace", "insert"):
        fields["content"] = given(LangUnits, {code: unit for code, unit in _contents(
            change, imported).items() if code in changed}, changed)
    if change.action == "insert":
        fields.update(_placement(change, imported))
    reason = REASONS.get(change.action)
    if reason is not None:
        fields["provenance"] = "reconstructed"
        fields["reason"] = given(LangText, {code: change.reasons.get(
            code, imported.forms[code].reasons[reason]) for code in changed}, changed)
        kind: TodoKind = "edits" if change.action == "amend" else "earlier-wording"
        todo.append(todo_data(Todo(kind, _source(change), _said(change), change.target,
                                   change.act.key)))
    if change.other_language:
        todo.append(todo_data(Todo("other-language", _source(change), _said(change),
                                   change.target, change.act.key)))
    return written(ChangeIn, **fields)


def _source(change: Change) -> str:
    """Where the note stating a change stands (its first language's)."""
    return str(next(iter(change.pos.values()), ""))


def _said(change: Change) -> str:
    return next(iter(change.words.values()), "")


def _contents(change: Change, imported: Imported) -> dict[str, Any]:
    contents = {}
    for code, text in imported.texts.items():
        if code in change.contents:
            contents[code] = change.contents[code]  # as the project's record gives it
            continue
        node = _find(text.units, change.target)
        wording = imported.adopted.wording(node, change, imported.forms[code].placeholder)
        # A new wording keeps the target's id; an added unit names its id unless its label
        # gives it.
        natural: str | None = wording.own
        if change.action == "insert":
            natural = natural_ids([wording])[0] if wording.label else None
        contents[code] = unit_data(wording, natural)
    return contents


def _placement(change: Change, imported: Imported) -> dict[str, str]:
    """An insert's parent (the document's id at the top level) and the sibling it follows,
    among those there when it takes effect."""
    text = next(iter(imported.texts.values()))
    parent, siblings = _parent(text.units, change.target, None)
    fields = {"target": parent.uid if parent is not None else imported.doc_id}
    index = next(i for i, node in enumerate(siblings) if node.uid == change.target)
    rank = imported.adopted.rank[id(change)]
    present = [node for node in siblings
               if node.uid not in imported.adopted.inserted
               or imported.adopted.rank[id(imported.adopted.inserted[node.uid])] < rank]
    before = [node for node in present if siblings.index(node) < index]
    after = [node for node in present if siblings.index(node) > index]
    if before:
        fields["after"] = before[-1].own
    elif after:
        fields["before"] = after[0].own
    return fields


def _find(units: list[Node], uid: str | None) -> Node:
    for unit in units:
        for node in unit.walk():
            if node.uid == uid:
                return node
    raise LookupError(uid)


def _parent(units: list[Node], uid: str | None,
            parent: Node | None) -> tuple[Node | None, list[Node]]:
    for unit in units:
        if unit.uid == uid:
            return parent, units
    for unit in units:
        found = _parent(unit.children, uid, unit)
        if found[1]:
            return found
    return None, []
