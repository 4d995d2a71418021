"""The typed model every stage reads and writes: no I/O, no stage logic.

`document` (units, cells), `kinds` (the table of unit kinds), `acts` (acts, changes, in-force
rules), `project`, `version` (a consolidated version), `notes` (a note's facts and words),
`annotated` (its notes), `checks` (what the input layer checks of a field), `diff` (two
versions compared), `language` (the contract every language module fulfils), `diagnostics`
(problems with their source positions), `inline` (the markup of unit text) and `names` (every file
name made from data).
"""

from .acts import (
    IN_FORCE_FORMS,
    IN_FORCE_TAGS,
    NAMED_BY_REPUBLIC,
    REPUBLIC,
    SIGNED_BY_HEAD,
    TITLE_TARGET,
    Act,
    ActId,
    ActSignatory,
    ActType,
    Blank,
    Change,
    Dated,
    EditIn,
    InForceAfterDays,
    InForceAfterSigning,
    InForceDate,
    InForceKeyword,
    InForceRule,
    InForceWording,
    LangSignatory,
    LangText,
    LangUnits,
    LangWords,
    NoteCount,
    NoteStyle,
    act_file_stems,
    effective_date,
    rule_form,
)
from .annotated import Annotated
from .checks import EVERY_LANGUAGE, LANGS_CONTEXT, PER_LANGUAGE, AfterCheck, MinLength, about
from .diagnostics import Diagnostic, Diagnostics, InputError, SourcePos, relative
from .document import (
    FIRST_DATE,
    LAST_DATE,
    AmountEntry,
    AmountsCell,
    Cell,
    Document,
    IssuerName,
    LegalDate,
    NumberCell,
    Publication,
    Registration,
    Signatory,
    Unit,
    label_number,
)
from .kinds import (
    ANNEX_NAMES,
    DOCUMENT,
    FAMILIES,
    KINDS,
    AnnexName,
    Family,
    FamilyVisitor,
    KindSpec,
    Subject,
    UnitKind,
    family_of,
    kind_names,
    kind_spec,
    register_kind,
    spec_of,
    unregister_kind,
)
from .language import Language
from .notes import (
    TITLE,
    ActMention,
    Note,
    NoteFacts,
    NoteOperation,
    NoteStep,
    PendingFacts,
    Replacements,
    Segment,
    StepDetails,
    UnitRef,
    Unreadable,
    Words,
)
from .project import ActDefaults, Project
from .version import Event, Timeline, Version

__all__ = [
    "EVERY_LANGUAGE", "FIRST_DATE", "LANGS_CONTEXT", "PER_LANGUAGE", "LAST_DATE", "LegalDate",
    "ANNEX_NAMES", "AnnexName", "DOCUMENT", "FAMILIES", "KINDS", "Family", "FamilyVisitor",
    "KindSpec", "Subject",
    "family_of", "kind_names", "kind_spec", "register_kind", "spec_of",
    "unregister_kind", "Act", "ActMention", "ActType", "AmountEntry", "AmountsCell",
    "ActId", "ActSignatory", "Blank", "Dated", "IN_FORCE_FORMS", "IN_FORCE_TAGS",
    "Annotated", "Cell", "Change", "Diagnostic", "Diagnostics", "Document", "EditIn", "Event",
    "InForceAfterDays", "InForceAfterSigning", "InForceDate", "InForceKeyword", "InForceRule",
    "InForceWording",
    "InputError", "IssuerName", "NoteCount", "NoteStep", "NoteStyle", "Replacements",
    "StepDetails", "TITLE", "TITLE_TARGET", "Unreadable",
    "LangSignatory", "LangText", "LangUnits", "LangWords", "NAMED_BY_REPUBLIC", "REPUBLIC",
    "SIGNED_BY_HEAD",
    "Language", "Note", "NoteFacts", "NoteOperation", "NumberCell", "PendingFacts", "Segment",
    "UnitRef", "Words", "ActDefaults", "Project", "Publication", "Registration", "Signatory",
    "SourcePos", "AfterCheck", "MinLength", "about",
    "Timeline", "Unit", "UnitKind", "Version", "effective_date", "rule_form", "label_number",
    "relative", "act_file_stems",
]
