"""The workspace fixture: the sample (No 683) and Government resolution No 103 of 4 February 2005
of the published corpus (id 22806, imported from `../shared/corpus/` at test time, never copied
into the repository), with one record of an act amending both.

The corpus holds no act amending two of its documents (its index: no amending act is stored, and
no act is cited in the notes of two documents), so the act amending both is constructed: its
number and date are no real act's, and its record says so. Its changes follow the renaming of
the ministries in 2014 (the Ministry of National Economy, the Ministry of Culture and Sport);
it is signed before the sample's repeal on 1 January 2015.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.golden.corpus import corpus_folder

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "monotowns-2012-2020"
SECOND = "22806"  # in the corpus's index: kind resolution, adopted 2005-02-04
DOCUMENTS = (SAMPLE, SECOND)
ACT_RECORD = "2014-12-01-9001.yaml"

CONFIG = f"documents:\n  - {SAMPLE}\n  - '{SECOND}'\n"

# Constructed: no act No 9001 of 1 December 2014 exists.
RECORD = f"""\
# A constructed act (no act No 9001 of 2014-12-01 exists): the corpus holds no act amending
# two of its documents. One record, its changes grouped per document.
act:
  type: resolution
  issuer: government
  number: "9001"
  date: 2014-12-01
  in_force: on_signing
  title:
    kk: Қазақстан Республикасы Үкіметінің кейбір шешімдеріне өзгерістер енгізу туралы
    ru: О внесении изменений в некоторые решения Правительства Республики Казахстан
documents:
  {SAMPLE}:
    changes:
      - target: para_5
        action: amend
        edits:
          - find:
              kk: Өңірлік даму министрлігіне
              ru: Министерство регионального развития
            replace:
              kk: Ұлттық экономика министрлігіне
              ru: Министерство национальной экономики
  '{SECOND}':
    changes:
      - target: para_1
        action: amend
        edits:
          - find:
              kk: Мәдениет және ақпарат министрлігінің
              ru: Министерства культуры и информации
            replace:
              kk: Мәдениет және спорт министрлігінің
              ru: Министерства культуры и спорта
"""


def corpus_document(doc_id: str) -> Path | None:
    """The corpus folder of a Government resolution, None without the corpus."""
    corpus = corpus_folder()
    if corpus is None:
        return None
    folder = corpus / "government" / doc_id
    return folder if (folder / "kaz.md").is_file() and (folder / "rus.md").is_file() else None


def make_workspace(root: Path) -> Path:
    """The workspace under `root` (the corpus must be there: `corpus_document`)."""
    source = corpus_document(SECOND)
    assert source is not None, "the corpus is not there"
    sample = root / "documents" / SAMPLE
    for folder in ("content", "amendments"):
        shutil.copytree(REPO / folder, sample / folder)
    imported = subprocess.run(
        [sys.executable, "-m", "generator", "import", "--kk", str(source / "kaz.md"), "--ru",
         str(source / "rus.md"), "--into", str(root / "documents" / SECOND), "--id", SECOND],
        capture_output=True, text=True, cwd=REPO, check=False)
    assert imported.returncode == 0, imported.stderr
    (root / "legalgen.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "amendments").mkdir()
    (root / "amendments" / ACT_RECORD).write_text(RECORD, encoding="utf-8")
    return root
