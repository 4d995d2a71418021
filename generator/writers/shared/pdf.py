"""What the PDF writers share: HTML → PDF/A-3b through WeasyPrint, the font checks, the fetcher.

Reads: HTML text, `print.css`, the page's language and the installed serif font. Writes: PDF
bytes, the same bytes for the same input (the creation date comes from the HTML's metadata,
never the clock), and the page each element id starts on (`anchor_pages`), which the DOCX
writer prints in its contents: kept in the user's cache (`pages`) by every layout, the PDF's too.

After `print.css` comes the stylesheet of the page's language (`language_css`): where the
renderer has no hyphenation patterns for the language, text in table cells and notes is set
ragged-right instead of justified, so that a narrow column shows no wide gaps.

WeasyPrint may read only files of the templates folders (the project's own `templates/`, then
the built-in one): every other URL (http, file:// elsewhere, data:) is refused. The serif font is
checked before rendering and every font of the rendered PDF after it: a missing font or glyph
stops the build instead of falling back silently.
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

from ...i18n import tr
from ...model import InputError, Language
from ...regular_files import read_regular
from .fonts import FONT_FAMILY, FontError, check_font, missing_font_message
from .pages import keep_pages, kept_pages, pages_key
from .templates import TEMPLATES, Templates

PRINT_CSS = "print.css"
PDF_VARIANT = "pdf/a-3b"
# What is set ragged-right in a language without hyphenation patterns: every paragraph and cell
# (justified lines without hyphens leave wide gaps), headings and numbers keep their alignment.
RAGGED = ("main .unit > p", "main .table-notes p", "main p.excluded", "main .note",
          "main .provenance", "table.table td:not(.number):not(.label)", ".act .formula",
          ".act .point", ".act .act-group", ".act .instruction",
          ".act p.quoted:not(.quoted-heading)")


def language_css(lang: Language) -> str:
    """The print rules of one language: ragged-right text where it cannot be hyphenated (Kazakh:
    neither Pyphen nor any maintained package has Kazakh patterns), nothing where it can (the
    stylesheet justifies and hyphenates)."""
    if lang.hyphenation:
        return ""
    selectors = ", ".join(f"html:lang({lang.code}) {selector}" for selector in RAGGED)
    # A sheet given to WeasyPrint is a user sheet: its rules override the page's own
    # stylesheet only when important.
    return f"{selectors} {{ text-align: left !important; hyphens: manual !important; }}\n"


class TemplateFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Serves the files of the templates folders; refuses every other URL."""

    def __init__(self, templates: Templates | None = None) -> None:
        super().__init__()  # sets what WeasyPrint reads of a fetcher; `fetch` does the rest
        self.templates = templates or Templates()
        # A project's file that may not be read (a link leading out, a FIFO): WeasyPrint turns
        # every failure of a fetch into its own error or a warning, so it is kept to be raised.
        self.problem: InputError | None = None
        # Every file served, by its URL: what a layout read, for the cache of its pages.
        self.served: dict[str, bytes] = {}

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        try:
            path = self.local_path(url)
        except InputError as exc:
            self.problem = exc
            raise
        if path is None:
            folders = ", ".join(str(folder) for folder in self.templates.folders)
            raise URLFetchingError(tr("refused (only files under {folders} are served): {url}",
                                      folders=folders, url=url))
        mime, _ = mimetypes.guess_type(path.name)
        data = self.served[url] = read_regular(path)
        return URLFetcherResponse(url, data, {"Content-Type": mime or "application/octet-stream"})

    def refetch(self, url: str) -> bytes | None:
        """The bytes `fetch` would serve for `url` now; None where it would serve none."""
        try:
            path = self.local_path(url)
            return None if path is None else read_regular(path)
        except (InputError, OSError):
            return None

    def local_path(self, url: str) -> Path | None:
        """The file a `file:` URL under a templates folder stands for: the project's file of
        that name when there is one, else the built-in one."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()
        for folder in self.templates.folders:
            if path.is_relative_to(folder):
                return self.templates.find(str(path.relative_to(folder)))
        return None


def _raise_problem(fetcher: URLFetcher) -> None:
    problem = getattr(fetcher, "problem", None)
    if problem is not None:
        raise problem


def verify_fonts(document: Document) -> None:
    """Every font WeasyPrint embedded is the chosen serif and had a glyph for every character."""
    fonts = list(document.fonts.values())
    families = sorted({font.family for font in fonts})
    if FONT_FAMILY not in families:
        raise FontError(missing_font_message(tr("fonts used instead: {families}",
                                                families=', '.join(families))))
    # Pango sets a character the serif lacks in another font, or draws it as a blank box.
    fallbacks = [font for font in fonts if font.family != FONT_FAMILY]
    replaced = {char for font in fallbacks for char in "".join(font.to_unicode.values())}
    missing = {chr(code) for font in fonts for code in font.missing}
    if fallbacks or missing:
        # Pango puts the spaces around such a character in the same run: name them last.
        lacking = sorted(replaced | missing, key=lambda char: (char.isspace(), char))
        chars = ", ".join(f"{char} (U+{ord(char):04X})" for char in lacking)
        others = ", ".join(sorted({font.family for font in fallbacks})) or "no font"
        raise FontError(tr("{font} has no glyph for {chars}: set in {others} instead",
                           font=FONT_FAMILY, chars=chars, others=others))


def _base_url() -> str:
    # Relative URLs resolve against the built-in folder; the fetcher serves a project's file of
    # the same name first.
    return TEMPLATES.resolve().as_uri() + "/"


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


def _layout(html_text: str, templates: Templates, lang: Language,
            fetcher: URLFetcher | None = None) -> Document:
    """The page laid out on the PDF's pages, with `print.css` and the language's own rules."""
    check_font()
    fetcher = fetcher or TemplateFetcher(templates)
    try:
        html = HTML(string=html_text, base_url=_base_url(), url_fetcher=fetcher)
        stylesheets = [CSS(url=_base_url() + PRINT_CSS, url_fetcher=fetcher)]
        own = language_css(lang)
        if own:
            stylesheets.append(CSS(string=own, url_fetcher=fetcher))
        document = html.render(stylesheets=stylesheets)
    except URLFetchingError:
        _raise_problem(fetcher)
        raise
    _raise_problem(fetcher)  # a file WeasyPrint left out with a warning
    return document


def anchor_pages(html_text: str, templates: Templates, lang: Language) -> dict[str, int]:
    """The number of the PDF page each element id of the page starts on, as the PDF writer
    paginates it: the page numbers other formats print (the DOCX's contents). Kept between
    commands (`pages`)."""
    check_font()
    key = pages_key(html_text, language_css(lang))
    fetcher = TemplateFetcher(templates)
    pages = kept_pages(key, fetcher.refetch)
    if pages is None:
        pages = _kept_anchors(key, fetcher, _layout(html_text, templates, lang, fetcher))
    return pages


def _kept_anchors(key: str, fetcher: TemplateFetcher, document: Document) -> dict[str, int]:
    """The page each anchor of a laid-out document starts on, kept for the next command."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    keep_pages(key, fetcher.served, pages)
    return pages


def render_html_pdf(html_text: str, identifier_key: str, templates: Templates, lang: Language,
                    fetcher: URLFetcher | None = None) -> bytes:
    """The PDF/A-3b of a page of HTML in `lang`; `identifier_key` names the document, its
    language and its date, so that the same document gets the same file identifier; `templates`
    (with the project's folder first) serve the stylesheets, or `fetcher` when one is given."""
    own_fetcher = TemplateFetcher(templates) if fetcher is None else None
    document = _layout(html_text, templates, lang, own_fetcher or fetcher)
    identifier = hashlib.md5(identifier_key.encode("utf-8"), usedforsecurity=False).hexdigest()
    data: bytes = document.write_pdf(
        pdf_variant=PDF_VARIANT, pdf_identifier=identifier.encode("ascii"),
        finisher=_compress_streams_once)
    verify_fonts(document)
    if own_fetcher is not None:  # every file the layout read is known: its pages can be kept
        _kept_anchors(pages_key(html_text, language_css(lang)), own_fetcher, document)
    return data
