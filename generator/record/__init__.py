"""Records from what drafters already have: Word documents with tracked changes, act texts.

Reads: the project, and edited DOCX files (`word`, `docx`) or the text of an amending act
(`act_text`). Writes a `Record` (`writer`): the input schema's own models (`AmendmentIn` with
its `ActIn`, `ChangeIn`s and `UnitIn`s) with one change per touched unit in each language, the
wording of a language not given left as a to-do. Units are found through the version the edits
were made on (or the act amends): the version in force the day before the act takes effect,
without the act itself.
"""

from .common import ActOptions, amended_version, drafted_titles, merge_languages, probe_act
from .writer import Record, record_yaml

__all__ = ["ActOptions", "Record", "amended_version", "drafted_titles", "merge_languages",
           "probe_act", "record_yaml"]
