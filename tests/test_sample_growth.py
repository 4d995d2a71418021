"""A drafter adds a valid act to the sample: the sample's own end-to-end tests stay green.

The tests of the sample pin what its four acts do, not the whole timeline. The `sample_root`
fixture (tests/conftest.py) runs the tests of content and diffs (tests/test_content.py,
tests/test_diff.py) on the sample and on a copy with one well-formed act added before the repeal
(tests/sampleutil.py); this file checks what the added act itself does.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import DOC, ROOT
from tests.sampleutil import NEW_ACT_FILE, grown_sample


def pending_items(out: Path, lang: str, date: str) -> list[str]:
    tree = lxml.html.fromstring((out / lang / date / f"{DOC}.html").read_bytes())
    return [" ".join(li.text_content().split()) for li in tree.xpath("//*[@class='pending']//li")]


def test_the_new_act_is_pending_between_its_signing_and_its_in_force_date(tmp_path):
    root, out = grown_sample(ROOT, tmp_path / "sample"), tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--out", str(out),
                                       "--format", "html", "--as-of", "2014-02-10"])
    assert result.exit_code == 0, result.output
    assert pending_items(out, "kk", "2014-02-10") == [
        "ҚР Үкіметінің 03.02.2014 № 95 (алғашқы ресми жарияланған күнінен кейін күнтізбелік отыз "
        "күн өткен соң қолданысқа енгізіледі) қаулысы — 08.03.2014 бастап қолданысқа енгізіледі"]


def test_the_grown_sample_has_the_new_acts_version(sample_root, sample_html):
    """The content and diff tests run on both samples; the grown one shows the act's version."""
    grown = (sample_root / "amendments" / NEW_ACT_FILE).is_file()
    assert grown == (sample_root != ROOT)
    assert (sample_html / "kk" / "2014-03-08" / f"{DOC}.html").is_file() == grown
