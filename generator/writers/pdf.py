"""PDF writer: an annotated version → a PDF/A-3b file, its HTML rendered by WeasyPrint.

Reads: an `Annotated` version (through the HTML writer), `templates/print.css`, and the installed
serif font. Writes: PDF bytes — A4, the action plan on landscape pages, running heads, page numbers,
bookmarks, title, language, author and subject — the same bytes for the same input.

WeasyPrint may read only files under `templates/`: every other URL (http, file:// elsewhere,
data:) is refused. The serif font is checked before rendering and every font of the rendered PDF
after it: a missing font or glyph stops the build instead of falling back silently.
"""

from __future__ import annotations

import functools
import hashlib
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
from weasyprint import CSS, HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

from ..model import Annotated
from .shared.fonts import FONT_FAMILY, FontError, check_font, missing_font_message
from .shared.templates import TEMPLATES, document_html

PRINT_CSS = "print.css"
PDF_VARIANT = "pdf/a-3b"


class TemplateFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Serves the files under the templates folder; refuses every other URL."""

    def __init__(self, root: Path = TEMPLATES) -> None:
        super().__init__()  # sets what WeasyPrint reads of a fetcher; `fetch` does the rest
        self.root = root.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path = self.local_path(url)
        if path is None:
            raise URLFetchingError(f"refused (only files under {self.root} are served): {url}")
        mime, _ = mimetypes.guess_type(path.name)
        return URLFetcherResponse(
            url, path.read_bytes(), {"Content-Type": mime or "application/octet-stream"}
        )

    def local_path(self, url: str) -> Path | None:
        """The file a `file:` URL names, if it lies under the templates folder."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()
        return path if path.is_relative_to(self.root) and path.is_file() else None


def verify_fonts(document: Document) -> None:
    """Every font WeasyPrint embedded is the chosen serif and had a glyph for every character."""
    fonts = list(document.fonts.values())
    families = sorted({font.family for font in fonts})
    if FONT_FAMILY not in families:
        raise FontError(missing_font_message(f"fonts used instead: {', '.join(families)}"))
    # Pango sets a character the serif lacks in another font, or draws it as a blank box.
    fallbacks = [font for font in fonts if font.family != FONT_FAMILY]
    replaced = {char for font in fallbacks for char in "".join(font.to_unicode.values())}
    missing = {chr(code) for font in fonts for code in font.missing}
    if fallbacks or missing:
        # Pango puts the spaces around such a character in the same run: name them last.
        lacking = sorted(replaced | missing, key=lambda char: (char.isspace(), char))
        chars = ", ".join(f"{char} (U+{ord(char):04X})" for char in lacking)
        others = ", ".join(sorted({font.family for font in fallbacks})) or "no font"
        raise FontError(f"{FONT_FAMILY} has no glyph for {chars}: set in {others} instead")


def _base_url() -> str:
    return TEMPLATES.resolve().as_uri() + "/"


def pdf_identifier(annotated: Annotated) -> bytes:
    """A stable file identifier: the same document, language and version give the same id."""
    version = annotated.version
    key = f"{version.document.id}/{annotated.lang.code}/{version.date.isoformat()}"
    return hashlib.md5(key.encode("utf-8"), usedforsecurity=False).hexdigest().encode("ascii")


_COMPRESSED_ONCE: dict[type, type] = {}


def _compressed_once(stream_class: type) -> type:
    """A subclass of a pydyf stream class that compresses its bytes once and keeps them."""
    once = _COMPRESSED_ONCE.get(stream_class)
    if once is None:
        compute = stream_class.data.fget  # type: ignore[attr-defined]  # pydyf has no types
        once = type(stream_class.__name__, (stream_class,),
                    {"data": functools.cached_property(compute)})
        _COMPRESSED_ONCE[stream_class] = once
    return once


def _compress_streams_once(document: Document, pdf: pydyf.PDF) -> None:
    """Finisher: pydyf compresses every stream a second time to hash the file for its identifier
    (which PDF/A requires); keeping the bytes of the first time saves that work."""
    for pdf_object in pdf.objects:
        if isinstance(pdf_object, pydyf.Stream):
            pdf_object.__class__ = _compressed_once(type(pdf_object))


def render_pdf(annotated: Annotated, fetcher: URLFetcher | None = None) -> bytes:
    """The PDF of a version; `fetcher` (by default a TemplateFetcher) loads every resource."""
    check_font()
    fetcher = fetcher or TemplateFetcher()
    html = HTML(string=document_html(annotated), base_url=_base_url(), url_fetcher=fetcher)
    print_css = CSS(url=_base_url() + PRINT_CSS, url_fetcher=fetcher)
    document = html.render(stylesheets=[print_css])
    # The creation date comes from the version date in the HTML's metadata, never the clock.
    data: bytes = document.write_pdf(
        pdf_variant=PDF_VARIANT, pdf_identifier=pdf_identifier(annotated),
        finisher=_compress_streams_once)
    verify_fonts(document)
    return data
