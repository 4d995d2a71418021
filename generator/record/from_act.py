"""`record --from-act`: the text of an amending act in each language → a record.

Reads each text file (its language from its enacting formula), the version the act amends (in
force the day before the act takes effect) and the options (number, date, publication). Writes
a `Record` and the diagnostics, each problem at its line of the act.
"""

from __future__ import annotations

from pathlib import Path

from ..consolidate import consolidate
from ..i18n import tr
from ..lang import DRAFTING
from ..load.limits import max_file_size
from ..load.registry import CONFIG_FILE, builtin_issuers
from ..model import Act, Diagnostics, Project, SourcePos, Version
from ..model.drafting import DraftingLanguage
from ..regular_files import read_regular
from .act_text import ISSUERS, ActReader, ActSyntaxError, normalize
from .common import ActOptions, LangChange, act_in, amended_version, merge_languages, probe_act
from .writer import Record, new_record


def record_from_act(project: Project, files: list[Path],
                    options: ActOptions) -> tuple[Record | None, Diagnostics]:
    diagnostics = Diagnostics()
    texts: dict[str, tuple[Path, str]] = {}
    for path in files:
        try:
            # A byte-order mark (Notepad's "UTF-8 with BOM") is no part of the text.
            text = read_regular(path, max_file_size()).decode("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            diagnostics.error(SourcePos(str(path), 1, 1), tr("cannot read the act: {reason}",
                                                             reason=reason))
            continue
        code = _language(text, project, options)
        if code is None:
            diagnostics.error(SourcePos(str(path), 1, 1), tr("no enacting formula of a known "
                                                             "language: not an amending act"))
        elif code in texts:
            diagnostics.error(SourcePos(str(path), 1, 1), tr("a second {code} act text", code=code))
        else:
            texts[code] = (path, text)
    if diagnostics.errors:
        return None, diagnostics
    act = _act(options, texts, project, diagnostics)
    if act is None:
        return None, diagnostics
    found: dict[str, list[LangChange]] = {}
    titles: dict[str, str] = {}
    for code, (path, text) in texts.items():
        version = amended_version(project, act, code)
        try:
            parsed = ActReader(DRAFTING[code], version, act.type, act.issuer).read(text)
        except ActSyntaxError as exc:
            diagnostics.error(SourcePos(str(path), exc.line, exc.col), str(exc))
            continue
        for error in parsed.errors:
            diagnostics.error(SourcePos(str(path), error.line, error.col), str(error))
        for line, number in parsed.others:
            diagnostics.info(SourcePos(str(path), line, 1), tr("the paragraph amends act No "
                                                               "{number}, not this document: "
                                                               "left for its own record",
                                                               number=number))
        titles[code] = parsed.title
        found[code] = parsed.changes
    if diagnostics.errors:
        return None, diagnostics
    changes, todo = merge_languages(found)
    first = SourcePos(str(next(iter(texts.values()))[0]), 1, 1)
    if not changes:
        diagnostics.error(first, tr("the act makes no change: point 1 gives no instruction"))
        return None, diagnostics
    recorded = act_in(act, titles, diagnostics, first, project.defaults)
    if recorded is None:
        return None, diagnostics
    return new_record(recorded, changes, todo), diagnostics


def record_from_whole_act(projects: list[Project], files: list[Path], options: ActOptions
                          ) -> tuple[dict[str, Record], Diagnostics]:
    """The whole act of a workspace (`legalgen act` of a record amending several documents)
    read back: each document's record of its point, by the document's id, in the workspace's
    order; the documents the act does not name have none."""
    diagnostics = Diagnostics()
    records: dict[str, Record] = {}
    for project in projects:
        if project.workspace_doc is None or not _names(project, files, options):
            continue
        record, found = record_from_act(project, files, options)
        # Each document's reading lists the points on the others: no news in a whole act.
        diagnostics.items += [item for item in found.items
                              if item.severity != "info" and item not in diagnostics.items]
        if record is not None:
            records[project.workspace_doc] = record
    if not records and not diagnostics.errors:
        diagnostics.error(SourcePos(str(files[0]), 1, 1),
                          tr("the act amends no document of the workspace"))
    return records, diagnostics


def _names(project: Project, files: list[Path], options: ActOptions) -> bool:
    """Whether an act text of `files` has a point or paragraph on the project's document."""
    for path in files:
        try:
            text = read_regular(path, max_file_size()).decode("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            return True  # read again by record_from_act, which reports it
        code = _language(text, project, options)
        if code is None:
            return True
        reader = ActReader(DRAFTING[code], _adopted(project, code), options.type,
                           options.issuer or ISSUERS[0])
        if reader.names_document(text):
            return True
    return False


def _language(text: str, project: Project, options: ActOptions) -> str | None:
    """The language of an act's text: of its enacting formula (on a line of its own or ending
    the preamble), or, for an act enacted without one (a law), of the document's title."""
    for code, grammar in DRAFTING.items():
        lines = [grammar.own_letters(normalize(line)) for line in text.splitlines()]
        formulas = [_formula(grammar, issuer) for issuer in ISSUERS]
        if any(line == formula or line.endswith(" " + formula)
               for line in lines for formula in formulas):
            return code
        formula = grammar.enacting_formula(probe_act(options.type, options.issuer or ISSUERS[0]))
        document = project.documents.get(code)
        if not formula and document is not None and any(document.title in line
                                                        for line in lines):
            return code
    return None


def _formula(grammar: DraftingLanguage, issuer: str) -> str:
    return grammar.enacting_formula(probe_act("resolution", issuer))


def _act(options: ActOptions, texts: dict[str, tuple[Path, str]], project: Project,
         diagnostics: Diagnostics) -> Act | None:
    """The act's number, date and rule: the options, else the act's heading and final point
    (read once the version is known: a first pass with the options' or heading's date)."""
    code, (path, text) = next(iter(texts.items()))
    probe = ActReader(DRAFTING[code], _adopted(project, code), options.type,
                      options.issuer or ISSUERS[0])
    try:
        heading = probe.read(text)
        found = heading.number, heading.date, heading.in_force
    except ActSyntaxError:
        # The instructions need the version the act amends; the heading and the rule do not.
        found = ActReader(DRAFTING[code], _adopted(project, code), options.type,
                          options.issuer or ISSUERS[0]).heading(text)
    number = options.number or found[0]
    date = options.date or found[1]
    if number is None or date is None:
        diagnostics.error(SourcePos(str(path), 1, 1), tr("the act's number and date are neither "
                                                         "in a heading line above its title nor "
                                                         "given (--act-number, --act-date)"))
        return None
    rule = options.in_force or found[2] or "on_signing"
    # The key given is the key written; the formula names only a family ("a ministry").
    issuer = options.issuer or probe.formula_issuer
    if issuer is None or options.issuer is None and issuer not in builtin_issuers():
        question = tr("which {issuer} issued the act?", issuer=issuer) if issuer else \
            tr("which body issued the act?")
        diagnostics.error(SourcePos(str(path), 1, 1), tr(
            "{question} give --issuer (or defaults.issuer in {config_file}), such as "
            "'ministry_energy'", question=question, config_file=CONFIG_FILE))
        return None
    return probe_act(options.type, issuer, number, date, options.published, rule)


def _adopted(project: Project, code: str) -> Version:
    """The text as adopted: enough to read the heading, formula and final point."""
    return consolidate(project, code, project.adoption_date)
