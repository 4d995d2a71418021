"""Where every page of the publication site goes, and the relative links between them.

Reads: nothing but dates, acts and language codes. Writes: paths relative to the site's folder,
always with "/" (they are URLs too). Every link is relative, so the site works from `file://`
and from any folder of any static host.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from pathlib import PurePosixPath
from urllib.parse import quote

from ..model import Act
from ..model.names import unique_names

ASSETS = "assets"
SITE_CSS = f"{ASSETS}/site.css"
SITE_JS = f"{ASSETS}/site.js"
LANDING = "index.html"


def home(lang: str) -> str:
    return f"{lang}/index.html"


def version(lang: str, date: dt.date) -> str:
    return f"{lang}/{date.isoformat()}.html"


def act_page_names(acts: Iterable[Act]) -> dict[str, str]:
    """The name of each act's page by its record's path: the record's name as a file name can
    hold it ("2014-10-30-1154"), with a short hash where two records' names give one
    (`model.names`)."""
    return unique_names({act.path: PurePosixPath(act.path).stem for act in acts})


def act_page(lang: str, name: str) -> str:
    """An act's page, by its name among `act_page_names`."""
    return f"{lang}/acts/{name}.html"


def redline(lang: str, old: dt.date, new: dt.date) -> str:
    return f"{lang}/diff/{old.isoformat()}__{new.isoformat()}.html"


def search(lang: str) -> str:
    return f"{lang}/search.html"


def search_index(lang: str) -> str:
    """The search index is a script, not JSON: a page opened from `file://` may load a script
    but not fetch a file."""
    return f"{ASSETS}/search-{lang}.js"


def download(lang: str, date: dt.date, doc_id: str, ext: str) -> str:
    return f"{lang}/files/{doc_id}-{date.isoformat()}.{ext}"


def href(page: str, target: str, anchor: str | None = None) -> str:
    """The link from `page` to `target` (both site paths), relative, with an optional anchor."""
    relative = posixpath.relpath(target, posixpath.dirname(page) or ".")
    link = quote(relative)
    return f"{link}#{quote(anchor)}" if anchor else link
