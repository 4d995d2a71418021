"""The Word styles, page layouts and font table of both DOCX writers.

Reads nothing: it holds the WordprocessingML of every style the DOCX writers use (the built-in
Word names where Word has one, so that Word shows them under its own localised names), the A4
page layouts that match templates/style.css @page, and the font table that tells Word to stand
in Times New Roman where Liberation Serif is not installed (the two are metric-compatible).
`STYLES` serves the version and the redline.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import nsdecls

FONT = "Liberation Serif"
FONT_STAND_IN = "Times New Roman"


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


@dataclass(frozen=True, slots=True)
class PageLayout:
    """A page size and its margins in millimetres, as the PDF's @page rules give them."""

    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float
    footer: float = 8

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def text_width(self) -> int:
        return twips(self.width - self.left - self.right)

    @property
    def text_height(self) -> int:
        return twips(self.height - self.top - self.bottom)

    def section_xml(self) -> str:
        orient = ' w:orient="landscape"' if self.landscape else ""
        return (
            f"<w:sectPr {nsdecls('w')}>"
            f'<w:pgSz w:w="{twips(self.width)}" w:h="{twips(self.height)}"{orient}/>'
            f'<w:pgMar w:top="{twips(self.top)}" w:right="{twips(self.right)}"'
            f' w:bottom="{twips(self.bottom)}" w:left="{twips(self.left)}"'
            f' w:header="{twips(self.footer)}" w:footer="{twips(self.footer)}" w:gutter="0"/>'
            '<w:cols w:space="708"/>'
            "</w:sectPr>"
        )


PORTRAIT = PageLayout(210, 297, top=20, right=15, bottom=20, left=25)
LANDSCAPE = PageLayout(297, 210, top=15, right=15, bottom=15, left=15)

# Stamps sit in the right part of the page, as `.stamp { margin-left: 55% }` does.
STAMP_INDENT = round(PORTRAIT.text_width * 0.55)


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """One w:style: its id, its Word name and its properties as WordprocessingML."""

    style_id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    next: str | None = None
    ppr: str = ""
    rpr: str = ""
    tblpr: str = ""
    extra: str = ""  # flags between w:next and w:pPr (w:uiPriority, w:qFormat, ...)
    default: bool = False


def _heading(level: int, size: int) -> StyleSpec:
    return StyleSpec(
        f"Heading{level}", f"heading {level}", next="Normal",
        extra='<w:uiPriority w:val="9"/><w:qFormat/>',
        ppr=('<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>'
             f'<w:jc w:val="center"/><w:outlineLvl w:val="{level - 1}"/>'),
        rpr=f'<w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>',
    )


_SMALL = '<w:sz w:val="20"/><w:szCs w:val="20"/>'
_PAGE_LINE = '<w:sz w:val="18"/><w:szCs w:val="18"/>'
_CENTERED = '<w:jc w:val="center"/>'
_CELL_SPACING = '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
_GRID = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)

STYLES: list[StyleSpec] = [
    # Normal leaves the size to the defaults so that a table style's size reaches its cells.
    StyleSpec("Normal", "Normal", based_on=None, default=True, extra="<w:qFormat/>",
              ppr='<w:spacing w:after="72" w:line="324" w:lineRule="auto"/><w:jc w:val="both"/>'),
    StyleSpec("Title", "Title", next="Normal", extra='<w:uiPriority w:val="10"/><w:qFormat/>',
              ppr='<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>',
              rpr='<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    _heading(1, 28),
    _heading(2, 26),
    _heading(3, 24),
    _heading(4, 24),
    _heading(5, 24),
    _heading(6, 24),
    StyleSpec("BodyText", "Body Text", ppr='<w:ind w:firstLine="300"/>'),
    # The editorial notes (led by the language's `note_word`), set apart as `.note` is in the HTML.
    StyleSpec("EditorialNote", "Editorial Note", next="Normal", extra="<w:qFormat/>",
              ppr=('<w:pBdr><w:left w:val="single" w:sz="16" w:space="5" w:color="888888"/>'
                   '</w:pBdr><w:ind w:left="400"/>'),
              rpr=f'<w:i/><w:iCs/><w:color w:val="333333"/>{_SMALL}'),
    StyleSpec("ReconstructionMark", "Reconstruction Mark", next="Normal",
              ppr='<w:ind w:left="400"/>',
              rpr=f'<w:i/><w:iCs/><w:color w:val="7A4B00"/>{_SMALL}'),
    StyleSpec("ExcludedUnit", "Excluded Unit", rpr='<w:i/><w:iCs/><w:color w:val="555555"/>'),
    # The status line keeps with the title under it, never alone at a page's foot.
    StyleSpec("DocumentStatus", "Document Status", ppr='<w:keepNext/><w:jc w:val="center"/>',
              rpr='<w:b/><w:bCs/><w:color w:val="AA0000"/>'),
    StyleSpec("DocumentLine", "Document Line", ppr='<w:jc w:val="center"/>'),
    StyleSpec("VersionLine", "Version Line", based_on="DocumentLine", rpr="<w:i/><w:iCs/>"),
    # A stamp stays whole and with the heading under it.
    StyleSpec("ApprovalStamp", "Approval Stamp",
              ppr=('<w:keepNext/><w:keepLines/>'
                   f'<w:spacing w:after="0"/><w:ind w:left="{STAMP_INDENT}"/>'
                   '<w:jc w:val="center"/>')),
    # The blank of an amending act: its heading lines, then the date and number with the place
    # at the right margin.
    StyleSpec("BlankHeading", "Blank Heading", next="BlankLine",
              ppr='<w:keepNext/><w:keepLines/><w:spacing w:after="0"/><w:jc w:val="center"/>',
              rpr="<w:b/><w:bCs/>"),
    StyleSpec("BlankLine", "Blank Line", next="Title",
              ppr=(f'<w:keepNext/><w:tabs><w:tab w:val="right" w:pos="{PORTRAIT.text_width}"/>'
                   '</w:tabs><w:spacing w:before="240" w:after="240"/><w:jc w:val="left"/>')),
    StyleSpec("Signature", "Signature",
              ppr=('<w:keepLines/><w:tabs><w:tab w:val="right" '
                   f'w:pos="{PORTRAIT.text_width}"/></w:tabs><w:spacing w:before="360"/>'
                   '<w:jc w:val="left"/>'),
              rpr="<w:b/><w:bCs/>"),
    StyleSpec("NoticeHeading", "Notice Heading", next="Normal",
              ppr='<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:jc w:val="left"/>',
              rpr="<w:b/><w:bCs/>"),
    StyleSpec("ListBullet", "List Bullet",
              ppr='<w:numPr><w:numId w:val="1"/></w:numPr><w:jc w:val="left"/>'),
    StyleSpec("TOCHeading", "TOC Heading", next="Normal", extra='<w:uiPriority w:val="39"/>',
              ppr=('<w:keepNext/><w:spacing w:before="240" w:after="120"/>'
                   '<w:jc w:val="center"/><w:outlineLvl w:val="9"/>'),
              rpr='<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>'),
    *(StyleSpec(f"TOC{level}", f"toc {level}", next="Normal",
                extra='<w:uiPriority w:val="39"/>',
                ppr=(f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{PORTRAIT.text_width}"/>'
                     f'</w:tabs><w:spacing w:after="40"/><w:ind w:left="{360 * (level - 1)}"/>'
                     '<w:jc w:val="left"/>'))
      for level in (1, 2, 3)),
    StyleSpec("Footer", "footer", ppr=_CENTERED, rpr=_PAGE_LINE),
    # The running head, as the PDF sets it: small italic at the outer edge.
    StyleSpec("Header", "header", ppr='<w:jc w:val="right"/>', rpr=f"<w:i/><w:iCs/>{_PAGE_LINE}"),
    StyleSpec("TableText", "Table Text", ppr=f'{_CELL_SPACING}<w:jc w:val="left"/>'),
    StyleSpec("TableHeading", "Table Heading", based_on="TableText",
              ppr='<w:keepNext/><w:jc w:val="center"/>', rpr="<w:b/><w:bCs/>"),
    StyleSpec("TableLabel", "Table Label", based_on="TableText", ppr='<w:jc w:val="center"/>'),
    StyleSpec("TableNumber", "Table Number", based_on="TableText", ppr='<w:jc w:val="right"/>'),
    StyleSpec("TableNotes", "Table Notes", ppr='<w:ind w:firstLine="250"/>', rpr=_SMALL),
    StyleSpec("CommentText", "annotation text", rpr=_SMALL),
    StyleSpec("DefaultParagraphFont", "Default Paragraph Font", kind="character",
              based_on=None, default=True,
              extra='<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'),
    StyleSpec("Strong", "Strong", kind="character", based_on="DefaultParagraphFont",
              extra="<w:qFormat/>", rpr="<w:b/><w:bCs/>"),
    StyleSpec("Emphasis", "Emphasis", kind="character", based_on="DefaultParagraphFont",
              extra="<w:qFormat/>", rpr="<w:i/><w:iCs/>"),
    # References to acts and units: dotted underline, as `.ref` in the HTML.
    StyleSpec("Reference", "Reference", kind="character", based_on="DefaultParagraphFont",
              rpr='<w:u w:val="dotted" w:color="666666"/>'),
    StyleSpec("CommentReference", "annotation reference", kind="character",
              based_on="DefaultParagraphFont", rpr='<w:sz w:val="16"/><w:szCs w:val="16"/>'),
    StyleSpec("TableNormal", "Normal Table", kind="table", based_on=None, default=True,
              extra='<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
              tblpr=('<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                     '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                     '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                     "</w:tblCellMar>")),
    StyleSpec("LegalTable", "Legal Table", kind="table", based_on="TableNormal", rpr=_SMALL,
              tblpr=(f"<w:tblBorders>{_GRID}</w:tblBorders><w:tblCellMar>"
                     '<w:top w:w="40" w:type="dxa"/><w:left w:w="60" w:type="dxa"/>'
                     '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="60" w:type="dxa"/>'
                     "</w:tblCellMar>")),
    StyleSpec("ActionPlanTable", "Action Plan Table", kind="table", based_on="LegalTable",
              rpr='<w:sz w:val="17"/><w:szCs w:val="17"/>'),
    StyleSpec("NoList", "No List", kind="numbering", based_on=None, default=True,
              extra='<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'),
]


def style_xml(spec: StyleSpec, lang_tag: str) -> str:
    """The w:style element; every paragraph, character and table style names the language."""
    default = ' w:default="1"' if spec.default else ""
    parts = [f'<w:style {nsdecls("w")} w:type="{spec.kind}"{default} w:styleId="{spec.style_id}">',
             f'<w:name w:val="{spec.name}"/>']
    if spec.based_on:
        parts.append(f'<w:basedOn w:val="{spec.based_on}"/>')
    if spec.next:
        parts.append(f'<w:next w:val="{spec.next}"/>')
    parts.append(spec.extra)
    if spec.ppr:
        parts.append(f"<w:pPr>{spec.ppr}</w:pPr>")
    if spec.kind != "numbering":
        parts.append(f'<w:rPr>{spec.rpr}<w:lang w:val="{lang_tag}"/></w:rPr>')
    if spec.tblpr:
        parts.append(f"<w:tblPr>{spec.tblpr}</w:tblPr>")
    parts.append("</w:style>")
    return "".join(parts)


def doc_defaults_xml(lang_tag: str, widow_control: bool = True) -> str:
    """The document's default run and paragraph properties; `widow_control=False` turns widow
    and orphan control off for every paragraph (left unsaid, the viewer's default holds)."""
    widows = "" if widow_control else '<w:widowControl w:val="0"/>'
    return (
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="24"/><w:szCs w:val="24"/>'
        f'<w:lang w:val="{lang_tag}"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        f"{widows}"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )


def font_table_xml() -> str:
    """The fonts the document uses; Word substitutes the alternative name when one is missing."""
    return (
        f"<w:fonts {nsdecls('w')}>"
        f'<w:font w:name="{FONT}"><w:altName w:val="{FONT_STAND_IN}"/>'
        '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="CC"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
        f'<w:font w:name="{FONT_STAND_IN}"><w:panose1 w:val="02020603050405020304"/>'
        '<w:charset w:val="CC"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
        '<w:font w:name="Symbol"><w:panose1 w:val="05050102010706020507"/>'
        '<w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
        "</w:fonts>"
    )
