"""Screenshots of the site for docs/screenshots/: the home page and a version page, on a
desktop (1280 px) and a phone (390 px). Run: .venv/bin/python scripts/site-screenshots.py SITE"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {"home": "kk/index.html", "version": "kk/2014-11-16.html"}
WIDTHS = {"desktop": 1280, "phone": 390}
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main(site: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for device, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in PAGES.items():
                page.goto((site / path).resolve().as_uri())
                page.screenshot(path=str(OUT / f"{name}-{device}.png"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
