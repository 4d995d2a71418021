"""The publication site in a real headless Chromium (Debian's `chromium`, through Playwright):
a reader's path from the home page to a redline, the search, accessibility (axe-core, installed
from npm into tests/a11y by `make test`), and `legalgen serve --watch` reloading an edited page.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import REPO, ROOT

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
AXE = REPO / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
SECTION = "att_1__sec_4"
SUBSECTION = f"{SECTION}__subsec_3"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.close()


def test_a_reader_goes_from_the_home_page_to_the_redline_of_act_1154(real_site, page):
    page.goto((real_site / "index.html").as_uri())
    page.get_by_role("link", name="Қазақша").click()
    page.get_by_role("link", name="16.11.2014 күнгі жағдай бойынша редакция").click()
    expect(page).to_have_url(re.compile(r"/kk/2014-11-16\.html$"))
    page.locator(f"#toc a[href='#{SECTION}']").click()
    expect(page.locator(f"#{SECTION}")).to_be_in_viewport()
    page.locator("a.lang-switch").click()
    expect(page).to_have_url(re.compile(rf"/ru/2014-11-16\.html#{SECTION}$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(f"#{SECTION} > h2")).to_be_in_viewport()
    page.locator(f"#{SUBSECTION} > p.note a.act-link", has_text="№ 1154").click()
    expect(page).to_have_url(re.compile(r"/ru/acts/2014-10-30-1154\.html$"))
    expect(page.locator("main")).to_contain_text("строку, порядковый номер 10, исключить")
    page.locator("p.act-redline a").click()
    expect(page).to_have_url(re.compile(r"/ru/diff/2013-11-07__2014-11-16\.html$"))
    expect(page.locator("#summary")).to_contain_text("№ 1154")


@pytest.mark.parametrize(("lang", "phrase", "row"), [
    ("kk", "серіктестік бағдарламасының шараларын", "att_1__sec_7__action_plan__row_23"),
    ("ru", "Реализация мер программы партнерства", "att_1__sec_7__action_plan__row_23"),
])
def test_the_search_finds_a_phrase_of_the_action_plan(real_site, page, lang, phrase, row):
    page.goto((real_site / lang / "index.html").as_uri())
    page.locator("#site-q").fill(phrase)
    page.locator("#site-q").press("Enter")
    expect(page).to_have_url(re.compile(rf"/{lang}/search\.html\?q="))
    result = page.locator(f"#search-results a[href$='#{row}']")
    expect(result).to_have_count(1)
    result.click()
    expect(page.locator(f"#{row}")).to_be_in_viewport()
    expect(page.locator(f"#{row}")).to_contain_text(phrase.split()[-1])


PAGES = ["index.html", "kk/index.html", "ru/2014-11-16.html", "kk/acts/2014-10-30-1154.html",
         "ru/diff/2013-11-07__2014-11-16.html", "kk/search.html?q=моноқала"]


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violation(real_site, browser, width):
    tab = browser.new_page(viewport={"width": width, "height": 900})
    found = {}
    for path in PAGES:
        name, _, query = path.partition("?")
        tab.goto((real_site / name).as_uri() + (f"?{query}" if query else ""))
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
        # The issue asks for no serious violation; the site has none of any impact.
        violations = [f"{item['impact']} {item['id']}: {item['help']} ({len(item['nodes'])})"
                      for item in result["violations"]]
        if violations:
            found[path] = violations
    tab.close()
    assert found == {}


def test_focus_is_visible_a_phone_gets_one_column_and_print_shows_the_text_alone(real_site,
                                                                                 browser):
    tab = browser.new_page(viewport={"width": 390, "height": 800})
    tab.goto((real_site / "kk" / "2014-11-16.html").as_uri())
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.className") == "skip-link"
    tab.keyboard.press("Tab")
    outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    # Nothing but the wide tables (which scroll by themselves) is wider than the phone.
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.emulate_media(media="print")
    expect(tab.locator(".site-bar")).to_be_hidden()
    expect(tab.locator(".version-tools")).to_be_hidden()
    expect(tab.locator("#para_2")).to_be_visible()
    tab.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def preview(tmp_path) -> Iterator[tuple[Path, str]]:
    """`legalgen serve --watch` on a copy of the real content, stopped after the test."""
    root = tmp_path / "project"
    for name in ("content", "amendments"):
        shutil.copytree(ROOT / name, root / name)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--watch", "--port", str(port),
         "--root", str(root), "--out", str(tmp_path / "site")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    try:
        _wait_for(port, server)
        yield root, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert server.returncode is not None


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("the preview did not start")


def test_serve_watch_reloads_an_edited_page_and_shows_an_invalid_edit(preview, page):
    root, url = preview
    page.goto(f"{url}kk/2012-05-25.html")
    point = page.locator("#para_2")
    expect(point).to_contain_text("шаралар қабылдасын")
    page.wait_for_timeout(500)  # the page has read the preview's first state
    source = root / "content" / "kk" / "01-resolution.yaml"
    text = source.read_text(encoding="utf-8")
    assert text.count("шаралар қабылдасын") == 1
    source.write_text(text.replace("шаралар қабылдасын", "шаралар тез қабылдасын"),
                      encoding="utf-8")
    # Generous bounds: how fast the reload comes is measured in bench/, not here.
    expect(point).to_contain_text("шаралар тез қабылдасын", timeout=30_000)
    edited = source.read_text(encoding="utf-8")
    typo = '  - kind: paragrph\n    label: "2."'
    source.write_text(edited.replace('  - kind: paragraph\n    label: "2."', typo),
                      encoding="utf-8")
    line = source.read_text(encoding="utf-8").splitlines().index("  - kind: paragrph") + 1
    errors = page.locator(".build-errors pre")
    expect(errors).to_contain_text(f"content/kk/01-resolution.yaml:{line}:5: error: ",
                                   timeout=30_000)
    expect(errors).to_contain_text("unknown kind 'paragrph'")
    page.locator(".build-errors a").click()
    expect(page.locator("#para_2")).to_contain_text("шаралар тез қабылдасын")
