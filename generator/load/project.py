"""Load stage: `content/<lang>/` and `amendments/*.yaml` → `Project`.

Reads: the manifest and content files of each language, every amendment record.
Writes: a `Project` — its languages (the registered ones, `generator.lang`, whose content
folder exists: a language whose text is not imported yet is a warning naming the command that
brings it), one `Document` (unit tree with full ids and source positions) per language and the
list of `Act`s with their `Change`s; every per-language value of a record is given in each of
those languages. Every problem found is collected; the stage fails with `InputError` only after
reading everything it can. A record's or manifest's `todo` items are reported: a sentence as an
error (the record is not complete), a placeholder written by `legalgen import` as information.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import N_, tr
from ..input import PosDict, UnitBuilder, pos_of, validate_model
from ..lang import codes
from ..memory import collector_paused
from ..model import (
    Act,
    Change,
    Diagnostics,
    Document,
    NoteStyle,
    Project,
    SourcePos,
    Unit,
    effective_date,
    relative,
)
from .folders import amendment_files, inside_folder
from .names import document_folder
from .registry import (
    CONFIG_FILE,
    Issuers,
    act_defaults,
    issuers_of,
    project_config,
    unknown_issuer,
)
from .schema import (
    TITLE_TARGET,
    ActIn,
    AmendmentIn,
    ChangeIn,
    ContentFileIn,
    DocumentIn,
    ManifestIn,
    TodoIn,
)
from .workspace import share_of
from .yaml_source import read_yaml


def load_project(root: Path, doc: str | None = None) -> Project:
    """Read everything under `root` (of the workspace document `doc`, when given); raise
    `InputError` listing every problem found."""
    with collector_paused():
        return _load_project(root, doc)


def _load_project(root: Path, doc: str | None) -> Project:
    diagnostics = Diagnostics()
    home = root if doc is None else document_folder(root, doc)
    langs = present_languages(home, diagnostics, root)
    config = project_config(root, diagnostics, langs)
    listed = tuple(config.documents) if config is not None else ()
    if doc is not None and doc not in listed:
        diagnostics.error(SourcePos(CONFIG_FILE), tr(
            "no document '{doc}' in the workspace (legalgen.yaml lists {documents})",
            doc=doc, documents=", ".join(listed)))
        diagnostics.raise_if_errors()
    issuers = issuers_of(config)
    defaults = act_defaults(root, config, issuers, diagnostics)
    documents: dict[str, Document] = {}
    for lang in langs:
        document = _load_document(home, lang, issuers, diagnostics, root)
        if document is not None:
            documents[lang] = document
            _check_document_id(document, doc, diagnostics)
    records, ignored = amendment_files(home, diagnostics, root)
    if doc is not None:
        shared, shared_ignored = amendment_files(root, diagnostics)
        records, ignored = records + shared, ignored + shared_ignored
    style = config.notes if config is not None and config.notes is not None else NoteStyle()
    acts, changes = _load_amendments(root, records, issuers, diagnostics, langs, style,
                                     Share(doc, listed))
    diagnostics.raise_if_errors()
    return Project(root, langs, documents, acts, changes, diagnostics, ignored, defaults,
                   doc)


def _check_document_id(document: Document, doc: str | None, diagnostics: Diagnostics) -> None:
    """A workspace document's manifest gives the id of its folder, which names its outputs."""
    if doc is not None and document.id != doc:
        diagnostics.error(document.pos, tr(
            "document: its id '{id}' is not the name of its folder documents/{doc}",
            id=document.id, doc=doc))


def present_languages(home: Path, diagnostics: Diagnostics,
                      root: Path | None = None) -> tuple[str, ...]:
    """The registered languages whose content folder exists under `home` (shown from `root`,
    by default `home`); each missing one is a warning, unless none is there (then every one is
    missing, which the manifests report)."""
    root = root or home
    present = tuple(code for code in codes() if (home / "content" / code).is_dir())
    if not present:
        return codes()
    for code in codes():
        if code not in present:
            # No path in the message: a loaded project is cached by its files' contents.
            diagnostics.warning(
                SourcePos(relative(home / "content" / code, root)),
                tr("the {code} text is not there yet, so legalgen builds the other languages "
                   "only; bring it in with `legalgen import --{code} FILE --into <this "
                   "project's folder>`",
                   code=code))
    return present


def _load_document(
    home: Path, lang: str, issuers: Issuers, diagnostics: Diagnostics, root: Path
) -> Document | None:
    folder = home / "content" / lang
    manifest_path = folder / "manifest.yaml"
    shown = relative(manifest_path, root)
    raw = read_yaml(manifest_path, shown, diagnostics)
    if raw is None:
        return None
    manifest = validate_model(ManifestIn, raw, diagnostics, SourcePos(shown, 1, 1), "manifest")
    if manifest is None:
        return None
    builder = UnitBuilder(diagnostics)
    top: list[Unit] = []
    by_uid: dict[str, Unit] = {}
    for index, name in enumerate(manifest.files):
        file_shown = relative(folder / name, root)
        if not inside_folder(folder, name):
            diagnostics.error(
                pos_of(raw["files"], index, SourcePos(shown)),
                tr("file '{name}' listed in the manifest must be a path inside {folder}/ (no "
                   "absolute path, no '..')",
                   name=name, folder=relative(folder, root)),
            )
            continue
        raw_file = read_yaml(folder / name, file_shown, diagnostics)
        if raw_file is None:
            if not (folder / name).exists():
                diagnostics.items[-1] = diagnostics.items[-1].__class__(
                    pos_of(raw["files"], index, SourcePos(shown)),
                    tr("file '{name}' listed in the manifest does not exist", name=name),
                )
            continue
        file_pos = pos_of(raw_file, None, SourcePos(file_shown, 1, 1))
        content = validate_model(ContentFileIn, raw_file, diagnostics, file_pos, file_shown)
        if content is None:
            continue
        if content.parent:
            parent = by_uid.get(content.parent)
            if parent is None:
                diagnostics.error(
                    pos_of(raw_file, "parent", file_pos),
                    tr("parent unit {parent} is not defined in an earlier file",
                       parent=content.parent),
                )
                continue
            added = builder.build_children(
                raw_file["units"], parent.uid, file_pos, existing=parent.children
            )
            parent.children.extend(added)
        else:
            added = builder.build_children(raw_file["units"], "", file_pos, existing=top)
            top.extend(added)
        for unit in added:
            for node in unit.walk():
                by_uid[node.uid] = node
    _report_todo(raw, SourcePos(shown, 1, 1), diagnostics)
    doc = manifest.document
    issuer_pos = pos_of(raw["document"], "issuer", SourcePos(shown, 1, 1))
    if doc.issuer not in issuers:
        diagnostics.error(issuer_pos, unknown_issuer(doc.issuer))
        return None
    # Told once, at the manifest of the language the issuer has no names in.
    lacking = issuers.lacking(doc.issuer, doc.type, (lang,))
    if lacking is not None:
        diagnostics.error(issuer_pos, lacking)
        return None
    _check_document_days(doc, raw["document"], SourcePos(shown, 1, 1), diagnostics)
    return Document(
        lang=lang, id=doc.id, type=doc.type, issuer=doc.issuer, number=doc.number,
        date=doc.date, title=doc.title, signatory=doc.signatory, units=top,
        pos=SourcePos(shown, 1, 1), issuer_names=issuers.names(doc.issuer, doc.type),
        registration=doc.registration, publication=doc.publication, in_force=doc.in_force,
        as_published=frozenset(manifest.as_published),
    )


# The days of a document after its adoption, by field, as a message names them.
DOCUMENT_DAYS = {"registration": N_("registration"), "publication": N_("publication"),
                 "in_force": N_("in-force")}


def _check_document_days(doc: DocumentIn, raw: Any, pos: SourcePos,
                         diagnostics: Diagnostics) -> None:
    """The document's registration, publication and entry into force come on or after its
    adoption; each that does not is an error at its field."""
    days = {"registration": doc.registration.date if doc.registration else None,
            "publication": doc.publication.date if doc.publication else None,
            "in_force": doc.in_force}
    for name, day in days.items():
        if day is not None and day < doc.date:
            diagnostics.error(pos_of(raw, name, pos), tr(
                "document: the {field} day {day} is before the adoption on {adopted}",
                field=tr(DOCUMENT_DAYS[name]), day=day, adopted=doc.date))


@dataclass(frozen=True, slots=True)
class Share:
    """Which document's changes a record gives: `doc` of the workspace of `documents` (None:
    the one document of its folder)."""

    doc: str | None = None
    documents: tuple[str, ...] = ()


def _load_amendments(
    root: Path, records: list[Path], issuers: Issuers, diagnostics: Diagnostics,
    langs: tuple[str, ...], style: NoteStyle, share: Share,
) -> tuple[list[Act], list[Change]]:
    acts: list[Act] = []
    changes: list[Change] = []
    for order, path in enumerate(records):
        shown = relative(path, root)
        whole = read_yaml(path, shown, diagnostics)
        if whole is None:
            continue
        file_pos = pos_of(whole, None, SourcePos(shown, 1, 1))
        raw = share_of(whole, share.doc, share.documents, file_pos, diagnostics)
        if raw is None:
            continue
        if not isinstance(raw, dict) or "act" not in raw or "changes" not in raw:
            validate_model(AmendmentIn, raw, diagnostics, file_pos, tr("amendment record"),
                           langs)
            continue
        _report_todo(raw, file_pos, diagnostics)
        act_in = validate_model(ActIn, raw["act"], diagnostics, pos_of(raw, "act", file_pos), "act",
                                langs)
        raw_changes = raw["changes"]
        changes_pos = pos_of(raw, "changes", file_pos)
        if not isinstance(raw_changes, list) or not raw_changes:
            diagnostics.error(changes_pos, tr("'changes' must be a non-empty list"))
            continue
        if act_in is None:
            continue
        if act_in.issuer not in issuers:
            diagnostics.error(pos_of(raw["act"], "issuer", file_pos), unknown_issuer(act_in.issuer))
            continue
        lacking = issuers.lacking(act_in.issuer, act_in.type, langs)
        if lacking is not None:
            diagnostics.error(pos_of(raw["act"], "issuer", file_pos), lacking)
            continue
        act_pos = pos_of(raw, "act", file_pos)
        act = Act(
            type=act_in.type, issuer=act_in.issuer, number=act_in.number, date=act_in.date,
            published=act_in.published, in_force=act_in.in_force,
            title=dict(act_in.title), path=shown, order=order,
            issuer_names=issuers.names(act_in.issuer, act_in.type),
            in_force_text=_optional_texts(act_in.in_force_text),
            signatory=dict(act_in.signatory) if act_in.signatory is not None else None,
            registration=act_in.registration,
            acting=act_in.acting,
            blank=issuers.blank(act_in.issuer, act_in.type, act_in.date),
            note_style=(act_in.note_style or NoteStyle()).over(style),
            registered=act_in.registered or (act_in.registration.date if act_in.registration
                                             else None),
            positions={name: pos_of(raw["act"], name, act_pos)
                       for name in ("number", "date", "published", "in_force", "title",
                                    "registration")},
        )
        _check_publication(act, diagnostics)
        _check_blank(act, act_pos, diagnostics)
        acts.append(act)
        for index, raw_change in enumerate(raw_changes):
            item_pos = pos_of(raw_changes, index, changes_pos)
            change = _load_change(act, index, raw_change, item_pos, diagnostics, langs)
            if change is not None:
                changes.append(change)
    _check_duplicate_acts(acts, diagnostics)
    return acts, changes


def _optional_texts(value: dict[str, str] | None) -> dict[str, str] | None:
    return None if value is None else dict(value)


def _report_todo(raw: Any, file_pos: SourcePos, diagnostics: Diagnostics) -> None:
    """What is left to do in a record or manifest. A sentence (a record written from one
    language's edits) is an error until it is done and removed; a placeholder an import wrote
    (a mapping) is information until a person fills its place in and removes it."""
    todo = raw.get("todo") if isinstance(raw, dict) else None
    if not todo:
        return
    items = todo if isinstance(todo, list) else [todo]
    for index, item in enumerate(items):
        pos = pos_of(todo, index, pos_of(raw, "todo", file_pos)) if isinstance(
            todo, list) else pos_of(raw, "todo", file_pos)
        if not isinstance(item, dict):
            diagnostics.error(pos, tr("to do: {item}", item=item))
            continue
        placeholder = validate_model(TodoIn, item, diagnostics, pos, tr("todo item"))
        if placeholder is not None:
            diagnostics.info(pos, tr("to do ({kind}): {detail}",
                                     kind=placeholder.kind, detail=todo_text(placeholder)))


def todo_text(item: TodoIn) -> str:
    """A placeholder as one line: the unit, the act, where the published text has it, its
    words."""
    parts = [tr("unit {uid}", uid=item.target) if item.target else "",
             tr("act {act}", act=item.act) if item.act else "",
             tr("at {place}", place=item.source) if item.source else ""]
    said = ", ".join(part for part in parts if part)
    words = f" «{excerpt(item.text)}»" if item.text else ""
    return f"{said}{words}".strip() or tr("(no detail)")


def excerpt(text: str, limit: int = 160) -> str:
    """The first words of `text` that fit in `limit` characters, an ellipsis if more follow:
    enough to find the place in the file the placeholder names."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return f"{flat[:cut if cut > 0 else limit - 1]}…"


def _load_change(
    act: Act, index: int, raw: Any, pos: SourcePos, diagnostics: Diagnostics,
    langs: tuple[str, ...],
) -> Change | None:
    target = raw.get("target", "?") if isinstance(raw, dict) else "?"
    context = tr("change {number} (target {target})", number=index + 1, target=target)
    # A change to some languages' text gives its wordings in those languages only.
    changed = _only(raw, langs)
    spec = validate_model(ChangeIn, raw, diagnostics, pos, context, changed)
    if spec is None:
        return None
    rule = spec.in_force or act.in_force
    # The act's own clause speaks of the act's rule; a change with a rule of its own has its own.
    in_force_text = _optional_texts(spec.in_force_text) or (
        act.in_force_text if spec.in_force is None else None)
    effective = effective_date(act, rule)
    # An unknown publication date leaves the change pending (`validate` says so); a known
    # in-force date comes after the signing.
    if effective is not None and effective < act.date:
        rule_pos = pos_of(raw, "in_force", act.pos("in_force")) if spec.in_force else (
            act.pos("in_force"))
        diagnostics.error(
            rule_pos,
            tr("{context}: takes effect on {effective}, before act No {number} is signed on "
               "{date}",
               context=context, effective=effective, number=act.number, date=act.date),
        )
    _check_change_shape(spec, raw, pos, context, diagnostics, langs)
    content: dict[str, Any] = {}
    if spec.content is not None:
        content = {code: raw["content"][code] for code in changed}
    return Change(
        act=act, index=index, target=spec.target, action=spec.action, in_force=rule,
        effective=effective, pos=pos, content=content, edits=list(spec.edits or []),
        after=spec.after, before=spec.before, note_on=spec.note_on,
        provenance=spec.provenance,
        reason=_optional_texts(spec.reason),
        in_force_text=in_force_text,
        group_line=spec.group_line,
        note_count=spec.note_count,
        only=tuple(spec.only or ()),
        also=list(spec.also or []),
        part=spec.part,
    )


def _only(raw: Any, langs: tuple[str, ...]) -> tuple[str, ...]:
    """The languages a change's wordings are given in: those of its `only`, when they are the
    project's, else every language."""
    only = raw.get("only") if isinstance(raw, dict) else None
    if isinstance(only, list) and only and all(code in langs for code in only):
        return tuple(code for code in langs if code in only)
    return langs


def _check_change_shape(
    spec: ChangeIn, raw: PosDict, pos: SourcePos, context: str, diagnostics: Diagnostics,
    langs: tuple[str, ...],
) -> None:
    needs_content = spec.action in ("replace", "insert")
    if needs_content and spec.content is None:
        diagnostics.error(pos, tr("{context}: '{action}' needs 'content' in {langs}",
                                  context=context, action=spec.action,
                                  langs=' and '.join(_only(raw, langs))))
    if not needs_content and spec.content is not None:
        diagnostics.error(
            pos_of(raw, "content", pos), tr("{context}: '{action}' takes no 'content'",
                                            context=context, action=spec.action)
        )
    if spec.action == "amend" and not spec.edits and spec.provenance != "reconstructed":
        # A reconstructed amend may stand for changes whose words are not known yet.
        diagnostics.error(pos, tr("{context}: 'amend' needs 'edits'", context=context))
    if spec.action != "amend" and spec.edits:
        diagnostics.error(pos_of(raw, "edits", pos), tr("{context}: only 'amend' takes 'edits'",
                                                        context=context))
    if spec.action != "insert" and (spec.after or spec.before):
        diagnostics.error(pos, tr("{context}: only 'insert' takes 'after' or 'before'",
                                  context=context))
    if spec.after and spec.before:
        diagnostics.error(pos, tr("{context}: give 'after' or 'before', not both", context=context))
    if spec.only is not None:
        unknown = [code for code in spec.only if code not in langs]
        if unknown:
            diagnostics.error(pos_of(raw, "only", pos), tr("{context}: 'only' names {unknown}, "
                                                           "not a language of the project "
                                                           "({langs})",
                                                           context=context,
                                                           unknown=', '.join(unknown),
                                                           langs=', '.join(langs)))
        if spec.action not in ("replace", "amend"):
            diagnostics.error(pos_of(raw, "only", pos),
                              tr("{context}: only 'replace' and 'amend' take 'only'",
                                 context=context))
    if spec.also is not None and spec.action not in ("delete", "lose_force"):
        diagnostics.error(pos_of(raw, "also", pos),
                          tr("{context}: only 'delete' and 'lose_force' take 'also'",
                             context=context))
    if spec.part is not None and (spec.action not in ("replace", "amend")
                                  or spec.target == TITLE_TARGET):
        diagnostics.error(pos_of(raw, "part", pos), tr("{context}: 'part' is for 'replace' and "
                                                       "'amend' of a unit's heading",
                                                       context=context))
    if spec.provenance == "reconstructed" and not spec.reason:
        diagnostics.error(
            pos_of(raw, "provenance", pos), tr("{context}: a reconstructed change needs a "
                                               "'reason'",
                                               context=context)
        )


def _check_publication(act: Act, diagnostics: Diagnostics) -> None:
    if act.published is not None and act.published < act.date:
        diagnostics.error(
            act.pos("published"),
            tr("act No {number}: published on {published}, before it is signed on {date}",
               number=act.number, published=act.published, date=act.date),
        )


def _check_blank(act: Act, act_pos: SourcePos, diagnostics: Diagnostics) -> None:
    """What the drafted act's blank and signature will lack, and a registration that cannot be."""
    if act.blank is None:
        diagnostics.info(act_pos, tr("act No {number}: no blank for the issuer '{issuer}' and the "
                                     "type '{type}': its drafted act has no heading, date or place "
                                     "lines (add one under 'blanks' in {config}, legalgen docs "
                                     "issuers)", number=act.number, issuer=act.issuer,
                                     type=act.type, config=CONFIG_FILE))
    if act.signatory is None:
        diagnostics.info(act_pos, tr("act No {number} names no signatory: its drafted act leaves "
                                     "the name blank (give 'signatory' with the name in every "
                                     "language)", number=act.number))
    registration = act.registration
    if registration is None:
        return
    if registration.date < act.date:
        diagnostics.error(act.pos("registration"),
                          tr("act No {number}: registered on {registered}, before it is signed "
                             "on {date}", number=act.number, registered=registration.date,
                             date=act.date))
    if act.blank is not None and not all(blank.registration for blank in act.blank.values()):
        diagnostics.warning(act.pos("registration"),
                            tr("act No {number}: a {type} of '{issuer}' is not registered: its "
                               "blank has no registration line", number=act.number,
                               type=act.type, issuer=act.issuer))


def _check_duplicate_acts(acts: list[Act], diagnostics: Diagnostics) -> None:
    seen: dict[str, Act] = {}
    for act in acts:
        if act.key in seen:
            diagnostics.error(
                SourcePos(act.path, 1, 1),
                tr("act No {number} of {date} is also recorded in {path}",
                   number=act.number, date=act.date, path=seen[act.key].path),
            )
        seen[act.key] = act

