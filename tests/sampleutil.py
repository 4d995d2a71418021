"""The sample grown by one act, as a drafter would add it: the tests of the sample pin what its
acts do, not the whole timeline, so they must pass on this copy too (tests/conftest.py runs them
on both through the `sample_root` fixture)."""

from __future__ import annotations

import shutil
from pathlib import Path

# Signed 03.02.2014, published 05.02.2014, in force thirty days after: on 08.03.2014.
NEW_ACT = """act:
  type: resolution
  issuer: government
  number: "95"
  date: 2014-02-03
  published: 2014-02-05
  in_force: {after_publication_days: 30}
  title:
    kk: ҚР Үкіметінің 2012 жылғы 25 мамырдағы № 683 қаулысына өзгеріс енгізу туралы
    ru: О внесении изменения в постановление Правительства РК от 25 мая 2012 года № 683
changes:
- target: para_2
  action: amend
  edits:
  - find:
      kk: шаралар қабылдасын.
      ru: принять меры по реализации Программы.
    replace:
      kk: шаралар қабылдасын және оның орындалуын қамтамасыз етсін.
      ru: принять меры по реализации Программы и обеспечить ее выполнение.
"""
NEW_ACT_FILE = "2014-02-03-95.yaml"


def grown_sample(sample: Path, root: Path) -> Path:
    """A copy of the project at `sample` (content/, amendments/) in `root`, with NEW_ACT added."""
    for name in ("content", "amendments"):
        shutil.copytree(sample / name, root / name)
    (root / "amendments" / NEW_ACT_FILE).write_text(NEW_ACT, encoding="utf-8")
    return root
