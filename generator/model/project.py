"""A loaded project: the document in every language, the acts and their changes.

Reads and writes nothing; the load stage makes it and every later stage reads it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .acts import Act, ActSignatory, ActType, Change
from .diagnostics import Diagnostics
from .document import Document


@dataclass(frozen=True, slots=True)
class ActDefaults:
    """The project's amending acts as `legalgen.yaml` describes them (`defaults`): their type,
    issuer and signatory, each None where the file says nothing."""

    type: ActType | None = None
    issuer: str | None = None
    signatory: dict[str, ActSignatory] | None = None


@dataclass(slots=True)
class Project:
    root: Path
    # The project's languages, in the order outputs and checks take them: the registered ones.
    langs: tuple[str, ...]
    documents: dict[str, Document]
    acts: list[Act]
    changes: list[Change]
    diagnostics: Diagnostics
    # Files of the project folders that were not read (editor backups, lock files), as shown.
    ignored: list[str] = field(default_factory=list)
    defaults: ActDefaults = field(default_factory=ActDefaults)
    # The document's id in its workspace (`documents/<id>/`); None for a folder of one document.
    workspace_doc: str | None = None
    # The key the project is kept under in the user's cache (`build.project_cache`), which its
    # validation is kept under too; None for a project read from its files alone.
    cache_key: str | None = None
    # How many projects that cache keeps (a workspace one per document), and as many of what is
    # kept beside each (its validation, the hashes of its versions); set with `cache_key`.
    cache_kept: int = 0

    @property
    def doc_id(self) -> str:
        return next(iter(self.documents.values())).id

    @property
    def adoption_date(self) -> dt.date:
        return next(iter(self.documents.values())).date
