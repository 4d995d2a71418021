"""A workspace: one project folder holding several documents, and records amending several.

Reads: a record's changes grouped per document (`share_of`); the list of documents is read by
`documents.workspace_documents`. Writes nothing.

A workspace keeps each document under `documents/<id>/` — its `content/<lang>/` with its own
manifest, and the records of acts that amend it alone in its `amendments/` — and the records of
acts amending several of them in the workspace's `amendments/`, their changes grouped per
document (`documents: {<id>: {changes: [...]}}`). A document is loaded as a project of its own:
its content, its records and its share of the workspace's records, with the workspace's
settings and templates. A folder without `documents` in its `legalgen.yaml` is one document, as
it always was.
"""

from __future__ import annotations

from typing import Any

from ..i18n import tr
from ..input import PosDict, pos_of
from ..model import Diagnostics, SourcePos
from .names import GROUPED

# The key of a record's changes grouped per document.


def share_of(raw: Any, doc: str | None, documents: tuple[str, ...], file_pos: SourcePos,
             diagnostics: Diagnostics) -> Any:
    """The record `raw` as document `doc` reads it: a record of changes grouped per document
    gives that document's changes under its act (None: it amends others only); any other record
    is read as it is. Told here, once per document read: a grouped record outside a workspace,
    or naming a document the workspace does not list."""
    if not isinstance(raw, dict) or GROUPED not in raw:
        return raw
    grouped = raw[GROUPED]
    grouped_pos = pos_of(raw, GROUPED, file_pos)
    if doc is None:
        diagnostics.error(grouped_pos, tr("changes grouped per document ('documents') need a "
                                          "workspace: list the documents in legalgen.yaml"))
        return None
    if "changes" in raw:
        diagnostics.error(pos_of(raw, "changes", file_pos),
                          tr("a record gives its changes per document ('documents') or to "
                             "its one document ('changes'), not both"))
        return None
    if not isinstance(grouped, dict) or not grouped:
        diagnostics.error(grouped_pos, tr("'documents' must map each amended document's id "
                                          "to its changes"))
        return None
    for name in grouped:
        if str(name) not in documents:
            diagnostics.error(pos_of(grouped, name, grouped_pos),
                              tr("no document '{doc}' in the workspace (legalgen.yaml lists "
                                 "{documents})", doc=name, documents=", ".join(documents)))
    # A number as a document's id is read as text, as in legalgen.yaml's list.
    key = next((name for name in grouped if str(name) == doc), None)
    if key is None:
        return None
    own = grouped[key]
    own_pos = pos_of(grouped, key, grouped_pos)
    if not isinstance(own, dict) or set(own) != {"changes"}:
        diagnostics.error(own_pos, tr("document '{doc}': give its changes as 'changes: [...]'",
                                      doc=doc))
        return None
    share = PosDict({key: value for key, value in raw.items() if key != GROUPED})
    share.pos = file_pos
    share.key_pos = {key: pos_of(raw, key, file_pos) for key in share}
    share["changes"] = own["changes"]
    share.key_pos["changes"] = pos_of(own, "changes", own_pos)
    return share
