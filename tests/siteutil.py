"""What the tests of the publication site share: its pages read with lxml, and a crawler."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("a", "data-base"),
                   ("form", "action"))


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path).read_bytes())


def ids(site: Path, path: str) -> set[str]:
    return set(page(site, path).xpath("//@id"))


def links(site: Path, path: str) -> list[str]:
    tree = page(site, path)
    return [value for tag, attribute in LINK_ATTRIBUTES
            for value in tree.xpath(f"//{tag}/@{attribute}")]


def resolve(site: Path, path: str, link: str) -> tuple[str, str]:
    """The site path and anchor a relative link of `path` leads to."""
    parts = urlsplit(link)
    target = (site / path).parent / unquote(parts.path) if parts.path else site / path
    return str(target.resolve().relative_to(site.resolve())), unquote(parts.fragment)


def crawl(site: Path, start: str = "index.html") -> tuple[set[str], list[str]]:
    """Every file reached from `start`, and every link that leads nowhere (a missing file, or
    an anchor the page lacks) as 'page: link'."""
    seen, broken, queue = {start}, [], [start]
    anchors: dict[str, set[str]] = {}
    while queue:
        current = queue.pop()
        for link in links(site, current):
            if urlsplit(link).scheme:
                broken.append(f"{current}: {link} leaves the site")
                continue
            target, anchor = resolve(site, current, link)
            if not (site / target).is_file():
                broken.append(f"{current}: {link}")
                continue
            if anchor:
                known = anchors.setdefault(target, ids(site, target))
                if anchor not in known:
                    broken.append(f"{current}: {link} (no anchor)")
            if target not in seen:
                seen.add(target)
                if target.endswith(".html"):
                    queue.append(target)
    return seen, broken
