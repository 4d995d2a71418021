"""`legalgen record --from-docx`: tracked changes in Word → the amendment record."""

from __future__ import annotations

import pytest

from generator.lang import codes
from generator.load import load_project

from .conftest import ROOT
from .recordutil import notes_by_unit, record_cli, redlines, same_versions, without_record

LANGS = codes()

SAMPLE_ACTS = ["1169", "279", "728", "1154"]


@pytest.fixture(scope="module")
def sample():
    return load_project(ROOT)


# The fast tier reads back the smallest act's redline; `make test` every act's.
@pytest.mark.parametrize("number", [
    pytest.param(number, marks=() if number == "279" else pytest.mark.full)
    for number in SAMPLE_ACTS])
def test_redline_of_each_sample_act_gives_back_its_versions(sample, number, tmp_path):
    act = next(item for item in sample.acts if item.number == number)
    files = redlines(sample, act, tmp_path)
    root = without_record(ROOT, act, tmp_path)
    rule = act.in_force if isinstance(act.in_force, str) else (
        act.in_force.date.isoformat() if hasattr(act.in_force, "date")
        else f"days:{act.in_force.after_publication_days}")
    args = ["--act-number", act.number, "--act-date", act.date.isoformat(), "--in-force", rule,
            "--type", act.type, "--issuer", act.issuer]
    if act.published:
        args += ["--published", act.published.isoformat()]
    result = record_cli(root, *[arg for path in files for arg in ("--from-docx", str(path))],
                        *args)
    assert result.returncode == 0, result.stderr
    written = root / "amendments" / f"{act.date.isoformat()}-{act.number}.yaml"
    assert str(written) in result.stdout
    imported = load_project(root)
    assert same_versions(sample, imported) == []
    # Notes differ only on the units where the original record sends a note elsewhere
    # (`note_on`) or marks a wording reconstructed: a Word edit carries neither.
    original = [c for c in sample.changes if c.act.key == act.key]
    allowed = [prefix for c in original if c.note_on or c.provenance == "reconstructed"
               for prefix in (c.note_on, c.target) if prefix]
    for lang in LANGS:
        for date in {c.effective for c in original if c.effective}:
            before, after = notes_by_unit(sample, lang, date), notes_by_unit(imported, lang, date)
            differing = {uid for uid in before.keys() | after.keys()
                         if before.get(uid) != after.get(uid)}
            assert all(any(uid.startswith(prefix) for prefix in allowed) for uid in differing), \
                (differing, allowed)
