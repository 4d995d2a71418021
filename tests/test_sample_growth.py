"""A drafter adds a valid act to the sample: the sample's own end-to-end tests stay green.

The tests of the sample pin what its four acts do, not the whole timeline. This test copies the
sample (content/, amendments/) to a temporary folder, adds one well-formed act before the repeal,
and runs the sample's tests of content and diffs there (tests/conftest.py reads the folder from
LEGALGEN_SAMPLE_ROOT).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import DOC, REPO

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


def grown_sample(folder: Path) -> Path:
    root = folder / "sample"
    for name in ("content", "amendments"):
        shutil.copytree(REPO / name, root / name)
    (root / "amendments" / "2014-02-03-95.yaml").write_text(NEW_ACT, encoding="utf-8")
    return root


def pending_items(out: Path, lang: str, date: str) -> list[str]:
    tree = lxml.html.fromstring((out / lang / date / f"{DOC}.html").read_bytes())
    return [" ".join(li.text_content().split()) for li in tree.xpath("//*[@class='pending']//li")]


def test_the_new_act_is_pending_between_its_signing_and_its_in_force_date(tmp_path):
    root, out = grown_sample(tmp_path), tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--out", str(out),
                                       "--format", "html", "--as-of", "2014-02-10"])
    assert result.exit_code == 0, result.output
    assert pending_items(out, "kk", "2014-02-10") == [
        "ҚР Үкіметінің 03.02.2014 № 95 (алғашқы ресми жарияланған күнінен кейін күнтізбелік отыз "
        "күн өткен соң қолданысқа енгізіледі) қаулысы — 08.03.2014 бастап қолданысқа енгізіледі"]


def test_the_sample_tests_stay_green_with_one_more_act(tmp_path):
    root = grown_sample(tmp_path)
    env = {**os.environ, "LEGALGEN_SAMPLE_ROOT": str(root), "LEGALGEN_SAMPLE_FORMATS": "html"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
         "tests/test_content.py", "tests/test_diff.py"],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
