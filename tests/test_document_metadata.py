"""A minister's order as the publisher knows it: its registration with the Ministry of Justice
printed after the adoption line (as the publisher's heading of an order does), its publication
and the day it took effect, which the site's badge gives; an amending order's registration kept
in its record."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .golden.corpus import corpus_folder
from .recordutil import command

CORPUS = corpus_folder()
# The order of the corpus whose heading the publisher gives with its registration.
ORDER = CORPUS / "ministerial" / "113484" / "meta.yaml" if CORPUS else None
REGISTRATION = '  registration: {number: "15332", date: 2017-07-14}\n'
PUBLICATION = '  publication: {source: "ЭКБ НПА", date: 2017-07-28}\n'
IN_FORCE = "  in_force: 2017-08-08\n"


def with_lines(manifest: Path, *lines: str) -> None:
    text = manifest.read_text(encoding="utf-8")
    head, files = text.split("files:", 1)
    manifest.write_text(head + "".join(lines) + "files:" + files, encoding="utf-8")


@pytest.fixture(scope="module")
def order(tmp_path_factory) -> Path:
    """The corpus's order No 375 of the Minister of Internal Affairs as a new project, with its
    registration, publication and entry into force in both manifests."""
    root = tmp_path_factory.mktemp("order") / "order"
    result = subprocess.run([sys.executable, "-m", "generator", "init", str(root), "--type",
                             "order", "--issuer", "ministry_internal_affairs", "--number", "375",
                             "--date", "2017-05-31"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    for lang in ("kk", "ru"):
        with_lines(root / "content" / lang / "manifest.yaml", REGISTRATION, PUBLICATION,
                   IN_FORCE)
    return root


def built_page(root: Path, out: Path, lang: str) -> str:
    result = command(root, "build", "--as-of", "original", "--format", "html", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return (out / lang / "2017-05-31" / f"{root.name}.html").read_text(encoding="utf-8")


def test_the_head_prints_the_registration_as_the_publisher_does(order, tmp_path):
    if ORDER is None:
        pytest.skip("the published corpus ../shared/corpus/ is not beside the repository")
    requisite = yaml.safe_load(ORDER.read_text(encoding="utf-8"))["requisite"]
    assert f"{requisite}." in built_page(order, tmp_path, "ru")
    assert ("Қазақстан Республикасы Ішкі істер министрінің 2017 жылғы 31 мамырдағы № 375 "
            "бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2017 жылғы 14 шілдеде "
            "№ 15332 болып тіркелді.") in built_page(order, tmp_path, "kk")


def test_a_document_without_registration_keeps_its_head(tmp_path):
    root = tmp_path / "plain"
    subprocess.run([sys.executable, "-m", "generator", "init", str(root), "--date",
                    "2017-05-31"], check=True, capture_output=True)
    page = built_page(root, tmp_path / "out", "ru")
    assert "Зарегистрирован" not in page


def test_the_site_badge_says_in_force_since_the_in_force_day(order, tmp_path):
    result = command(order, "site", "--out", str(tmp_path / "site"), "--no-downloads")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "ru" / "index.html").read_text(encoding="utf-8")
    badge = home[home.index('class="badge'):][:300]
    assert "08.08.2017" in badge and "31.05.2017" not in badge


def test_a_registration_before_the_adoption_is_an_error_at_its_line(order, tmp_path):
    root = tmp_path / "order"
    subprocess.run(["cp", "-r", str(order), str(root)], check=True)
    manifest = root / "content" / "ru" / "manifest.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("date: 2017-07-14",
                                                            "date: 2017-01-14"), "utf-8")
    line = next(number for number, text in enumerate(manifest.read_text("utf-8").splitlines(), 1)
                if text.startswith("  registration:"))
    result = command(root, "validate")
    assert result.returncode == 2
    assert (f"content/ru/manifest.yaml:{line}:3: error: document: the registration day "
            "2017-01-14 is before the adoption on 2017-05-31") in result.stderr


def test_an_amending_order_keeps_its_registration(order, tmp_path):
    root = tmp_path / "order"
    subprocess.run(["cp", "-r", str(order), str(root)], check=True)
    [record] = (root / "amendments").glob("*.yaml")
    text = record.read_text("utf-8")
    record.write_text(text.replace("  in_force: on_signing",
                                   '  registration: {number: "15400", date: 2017-07-20}\n'
                                   "  in_force: on_signing"), "utf-8")
    assert command(root, "validate").returncode == 0
    record.write_text(text.replace("  in_force: on_signing",
                                   '  registration: {number: ""}\n  in_force: on_signing'),
                      "utf-8")
    result = command(root, "validate")
    assert result.returncode == 2 and "registration" in result.stderr
