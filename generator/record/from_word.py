"""`record --from-docx`: edited Word documents → a record.

Reads each DOCX (its language from its core properties, the version it shows from its
identifier), the project and the act as the command line gives it; writes a `Record` and the
diagnostics: problems as `path:paragraph:1: error:`, edits outside units as warnings.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import tr
from ..lang import LANGUAGES
from ..model import Act, Diagnostics, Project, SourcePos
from ..regular_files import read_regular
from .common import LangChange, act_in, amended_version, drafted_titles, merge_languages
from .docx import MAX_DOCX_SIZE, DocxError, read_docx
from .word import WordReader
from .writer import Record, new_record


def record_from_word(project: Project, act: Act,
                     files: list[Path]) -> tuple[Record | None, Diagnostics]:
    diagnostics = Diagnostics()
    found: dict[str, list[LangChange]] = {}
    for path in files:
        shown = str(path)
        try:
            word = read_docx(read_regular(path, MAX_DOCX_SIZE))
        except (DocxError, OSError) as exc:
            line = exc.paragraph if isinstance(exc, DocxError) else 1
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            diagnostics.error(SourcePos(shown, line, 1), reason)
            continue
        code = _language(word.language)
        if code is None:
            diagnostics.error(SourcePos(shown, 1, 1), tr("the document's language '{language}' "
                                                         "is none of the project's",
                                                         language=word.language))
            continue
        if code in found:
            diagnostics.error(SourcePos(shown, 1, 1), tr("a second {code} document", code=code))
            continue
        try:
            version = amended_version(project, act, code, word.identifier)
        except ValueError as exc:  # the identifier names no day the project has
            diagnostics.error(SourcePos(shown, 1, 1), str(exc))
            continue
        reading = WordReader(version, LANGUAGES[code]).read(word.pieces)
        for number, message in reading.errors:
            diagnostics.error(SourcePos(shown, number, 1), tr("paragraph {number}: {message}",
                                                              number=number, message=message))
        for number, message in reading.ignored:
            diagnostics.warning(SourcePos(shown, number, 1),
                                tr("paragraph {number}: {message}: ignored",
                                   number=number, message=message))
        found[code] = reading.changes
    if diagnostics.errors or not found:
        return None, diagnostics
    changes, todo = merge_languages(found)
    if not changes:
        diagnostics.error(SourcePos(str(files[0]), 1, 1), tr("no tracked change in any unit"))
        return None, diagnostics
    recorded = act_in(act, drafted_titles(project, changes), diagnostics,
                      SourcePos(str(files[0]), 1, 1), project.defaults)
    if recorded is None:
        return None, diagnostics
    return new_record(recorded, changes, todo), diagnostics


def _language(tag: str) -> str | None:
    for code, language in LANGUAGES.items():
        if tag.lower() in (language.tag.lower(), code):
            return code
    return None
