"""Names made from data (model/names.py): readable, injective, never a path that leaves its folder.

A property test draws act numbers of every kind — "/", "..", NUL, right-to-left marks, strings
of hundreds of characters — and checks every path `act`, `record`, `new-act` and `site` would
write for them: inside its folder, a name the file system takes, distinct numbers distinct paths.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build import files
from generator.build.files import act_path
from generator.load.folders import record_path
from generator.model import Act, ActId, act_file_stems
from generator.model.names import MAX_NAME_BYTES, readable_name, unique_names
from generator.site import plan

DATE = dt.date(2014, 12, 20)
NASTY = ["/", "..", ".", "\x00", "\u202e", "\u200f", "\\", ":", "~", "+", "-", " ", "н/қ",
         "%2e%2e", "\n", "CON", "*", "?"]
NUMBERS = st.one_of(
    st.text(min_size=1, max_size=30),
    st.lists(st.sampled_from(NASTY), min_size=1, max_size=8).map("".join),
    st.text(alphabet=st.sampled_from([*(item for item in NASTY if len(item) == 1), "9", "қ",
                                      "a", "A"]), min_size=1, max_size=40),
    st.text(min_size=200, max_size=600),
)


def act_id(number: str, issuer: str = "government") -> ActId:
    return ActId(issuer, "resolution", DATE, number)


def a_record(folder: Path, act: ActId) -> Path:
    """Where `record` (or `new-act`) puts the record of `act`; the record written there."""
    path = record_path(folder, act)
    text = yaml.safe_dump({"act": {"issuer": act.issuer, "type": act.type, "date": act.date,
                                   "number": act.number}}, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def site_act(path: Path, number: str) -> Act:
    return Act(type="resolution", issuer="government", number=number, date=DATE,
               published=None, in_force="on_signing", title={}, path=f"amendments/{path.name}",
               order=0, issuer_names={})


def inside(folder: Path, path: Path) -> bool:
    """`path` is a new file of `folder`'s own (the file system takes its name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    return path.resolve().is_relative_to(folder.resolve())


# 300 examples in `make test`, 30 in `make check` (LEGALGEN_FUZZ=quick, its fast profile).
EXAMPLES = 30 if os.environ.get("LEGALGEN_FUZZ") == "quick" else 300


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None)
@given(st.lists(NUMBERS, min_size=1, max_size=6, unique=True))
def test_every_path_made_from_act_numbers_stays_in_its_folder_and_is_its_own(numbers):
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        amendments, out, site = folder / "amendments", folder / "build", folder / "site"
        amendments.mkdir()
        ids = [act_id(number) for number in numbers]
        # record and new-act: one record after another into one folder.
        records = [a_record(amendments, act) for act in ids]
        assert len(set(records)) == len(numbers)
        assert all(inside(amendments, path) for path in records)
        # act: every drafted file of every act, in every format.
        stems = act_file_stems(ids)
        drafted = [act_path(out, "kk", stems[act.key], ext) for act in ids
                   for ext in ("html", "txt", "pdf", "docx")]
        assert len(set(drafted)) == len(drafted)
        assert all(inside(out, path) for path in drafted)
        # site: each act's page, named by its record.
        acts = [site_act(path, act.number) for path, act in zip(records, ids, strict=True)]
        names = plan.act_page_names(acts)
        pages = [site / plan.act_page("kk", names[item.path]) for item in acts]
        assert len(set(pages)) == len(pages)
        assert all(inside(site, path) for path in pages)


def test_a_readable_number_keeps_its_letters_and_digits():
    assert readable_name("22-н/қ") == "22-н-қ"
    assert readable_name("/../../../x") == "x"
    assert readable_name("1.2") == "1.2"
    assert readable_name("..") == "unnamed"
    assert readable_name("a\u202eb\x00c") == "a-b-c"
    assert len(readable_name("қ" * 500).encode()) <= MAX_NAME_BYTES


def test_names_that_collide_get_a_hash_and_the_exact_one_keeps_its_name():
    names = unique_names({"a": "900+", "b": "900-", "c": "900"})
    assert names["c"] == "900"
    assert names["a"].startswith("900~") and names["b"].startswith("900~")
    assert len(set(names.values())) == 3
    # The same values give the same names, in any order.
    assert unique_names({"c": "900", "b": "900-", "a": "900+"}) == names


def test_names_differing_only_in_case_are_told_apart():
    names = unique_names({"a": "A1", "b": "a1"})
    assert names["a"].casefold() != names["b"].casefold()


def test_one_number_of_two_issuers_gives_two_act_files():
    stems = act_file_stems([act_id("5", "government"), act_id("5", "akimat_kyzylorda")])
    assert len(set(stems.values())) == 2
    assert all(stem.startswith("2014-12-20-5~") for stem in stems.values())


def test_a_record_of_another_act_keeps_its_name(tmp_path):
    first = a_record(tmp_path, act_id("900+"))
    again = record_path(tmp_path, act_id("900+"))
    other = a_record(tmp_path, act_id("900-"))
    assert first.name == "2014-12-20-900.yaml" and again == first
    assert other.name.startswith("2014-12-20-900~") and other != first
    assert record_path(tmp_path, act_id("900-")) == other


def test_the_output_store_writes_no_path_that_leaves_its_folder(tmp_path):
    assert files.inside(tmp_path, Path("kk/acts/x.html")) == tmp_path / "kk/acts/x.html"
    for escaping in ("../x.html", "kk/../../x.html", "/etc/x.html"):
        with pytest.raises(ValueError, match="would leave"):
            files.inside(tmp_path, Path(escaping))
