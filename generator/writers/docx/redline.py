"""DOCX writer of a diff: the later version with Word's native tracked changes.

Reads: a `Diff`. Writes: DOCX bytes — first a summary table of the changed units (unit, change,
acts, in-force days), then every block of the diff as a paragraph or a table; each
insertion in `w:ins`, each deletion in `w:del`, inserted and deleted paragraphs and table rows
marked as such, every change authored by the amending acts (their names as the language writes
them; the one act that made a piece of text where the diff could tell) and dated by the day
their change took effect. Accepting every change gives the later
version's text, rejecting every change the earlier one's.

Built on the foundation of the version writer: its styles, font and page set-up, its tables,
the action plan's section on landscape pages, and the same dated package (the later version's
date), so that equal input gives equal bytes; unlike the version, widow control off. Edits a
reviewer makes on top are tracked too.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import cast

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

from ...model.diff import Acts, Block, Diff, Line, Row, TableBlock
from ..shared.typography import bind, leads_in
from .layout import body_section, break_section, landscape_uids, page_setup
from .oxml import bookmark, element, paragraph, run
from .package import new_document, save, set_core_properties
from .styles import LANDSCAPE, PORTRAIT, PageLayout
from .tables import CellContent, grid, table_element, table_row

AUTHOR = "legalgen"
# Settings that follow w:trackRevisions in the schema's order.
SETTINGS_AFTER_TRACKING = (
    "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop",
    "w:characterSpacingControl", "w:compat", "w:rsids", "w:themeFontLang",
    "w:clrSchemeMapping", "w:decimalSymbol", "w:listSeparator",
)
# The style of a line by its role, as the version writer styles the same text; headings take
# the style of their level.
ROLE_STYLES = {
    "title": "Title",
    "status": "DocumentStatus",
    "adoption": "DocumentLine",
    "repeal-line": "DocumentLine",
    "repeal-note": "EditorialNote",
    "note": "EditorialNote",
    "provenance": "ReconstructionMark",
    "table-note": "TableNotes",
    "pending-heading": "NoticeHeading",
    "pending-intro": "Normal",
    "pending-item": "ListBullet",
    "stamp": "ApprovalStamp",
    "excluded": "ExcludedUnit",
    "signature": "Signature",
    "cell": "TableText",
    "text": "BodyText",
}
# Relative widths of the summary's columns: unit, change, acts, in-force days.
SUMMARY_WIDTHS = (22.0, 14.0, 46.0, 18.0)


def render_diff_docx(diff: Diff) -> bytes:
    return _Writer(diff).render()


class _Writer:
    def __init__(self, diff: Diff) -> None:
        self.diff = diff
        self.ids = itertools.count(1)
        # Widow control off: LibreOffice keeps a lead-in ("… as follows:") with the point it
        # leads into only then, and a reviewer's document prefers a widow line to a stranded
        # lead-in.
        self.document: DocxDocument = new_document(diff.lang.tag, hyphenation=diff.lang.hyphenation,
                                                   widow_control=False)
        self.body = self.document.element.body
        self.layout: PageLayout = PORTRAIT

    def render(self) -> bytes:
        diff = self.diff
        self._set_metadata()
        page_setup(self.document, header=diff.title)
        landscape = (landscape_uids(diff.old.version.units, diff.old.exclusions)
                     | landscape_uids(diff.new.version.units, diff.new.exclusions))
        self._summary()
        # A block without an anchor belongs to the unit of the anchored block before it.
        owner: str | None = None
        blocks = _signatures_joined(diff.blocks)
        for number, block in enumerate(blocks):
            owner = block.anchor or owner
            self._turn_to(LANDSCAPE if owner in landscape else PORTRAIT)
            item = self._block(block)
            # The text opens a page after the summary, as the programme and each appendix open
            # one under their stamp (the first line of a stamped part carries its anchor).
            if isinstance(item, CT_P) and (number == 0 or (
                    isinstance(block, Line) and block.role == "stamp" and block.anchor)):
                item.get_or_add_pPr().pageBreakBefore_val = True
            self._append(item)
        self._turn_to(PORTRAIT)
        last = body_section(self.body).getprevious()
        if not isinstance(last, CT_P):
            self._append(paragraph())
        return save(self.document, diff.to_date)

    def _summary(self) -> None:
        """The changed units first, as the HTML redline lists them: unit, change, the acts
        and the days their changes took effect. Plain text: no part of either version."""
        diff, lang = self.diff, self.diff.lang
        heading = paragraph("NoticeHeading")
        run(heading, lang.phrase("diff_summary"))
        self._append(heading)
        columns = grid(SUMMARY_WIDTHS, len(SUMMARY_WIDTHS), self.layout.text_width)
        table = table_element(None, columns)
        titles = [lang.phrase("diff_unit"), lang.phrase("diff_change"), lang.phrase("diff_acts"),
                  lang.phrase("diff_in_force")]
        table.append(table_row([(_cell(text, "TableHeading"), 1) for text in titles], columns,
                               header=True))
        for change in diff.changes:
            days = [lang.short_date(item.in_force) for item in change.acts if item.in_force]
            # The unit by its path of printed labels; what became of it in the words the HTML
            # summary uses, agreeing with it.
            texts = [change.name, diff.change_word(change),
                     "; ".join(diff.act_names(change.acts)), ", ".join(days)]
            table.append(table_row([(_cell(bind(text, lang), "TableText"), 1) for text in texts],
                                   columns))
        self._append(table)

    def _block(self, block: Block | _Signature) -> BaseOxmlElement:
        if isinstance(block, _Signature):
            return self._paragraph(block.position, then=block.name)
        if block.is_table:
            return self._table(cast("TableBlock", block))
        return self._paragraph(cast("Line", block))

    def _append(self, item: BaseOxmlElement) -> None:
        body_section(self.body).addprevious(item)

    def _turn_to(self, layout: PageLayout) -> None:
        if layout is not self.layout:
            break_section(self.body, layout)
            self.layout = layout

    def _set_metadata(self) -> None:
        diff = self.diff
        set_core_properties(
            self.document, title=f"{diff.title} — {diff.new.title}",
            subject=diff.new.adoption_line, language=diff.lang.tag, author=AUTHOR,
            identifier=(f"{diff.document.id}@{diff.from_date.isoformat()}__"
                        f"{diff.to_date.isoformat()}"),
            date=diff.to_date,
        )
        # Word wants the settings in schema order: trackRevisions comes before these.
        settings = self.document.settings.element
        settings.insert_element_before(element("w:trackRevisions"), *SETTINGS_AFTER_TRACKING)

    # Revisions

    def _revision(self, tag: str, acts: Acts) -> BaseOxmlElement:
        """A `w:ins`/`w:del` element authored by the acts and dated by their in-force day."""
        names = self.diff.act_names(acts)
        mark = element(tag, {"w:id": str(next(self.ids)),
                             "w:author": "; ".join(names) or AUTHOR})
        dates = [item.in_force for item in acts if item.in_force is not None]
        if dates:
            mark.set(qn("w:date"), f"{max(dates).isoformat()}T00:00:00Z")
        return mark

    # Paragraphs

    def _paragraph(self, line: Line, style: str | None = None, mark_state: bool = True,
                   strong: bool = False, then: Line | None = None) -> CT_P:
        p = paragraph(style or _line_style(line))
        if mark_state and line.state != "equal":
            # The paragraph mark itself is inserted or deleted, not only its text.
            mark = element("w:rPr")
            mark.append(self._revision("w:ins" if line.state == "inserted" else "w:del",
                                       line.acts))
            p.get_or_add_pPr().append(mark)
        if line.anchor is not None:
            bookmark(p, next(self.ids), line.anchor)
        if _leads_in(line):
            # A lead-in keeps with what it leads into, as in the version.
            p.get_or_add_pPr().keepNext_val = True
        self._ops(p, line, "Strong" if strong else None)
        if then is not None:
            # A signature's name on the line of its position, after a tab, as the version.
            run(p, "\t")
            self._ops(p, then, "Strong" if strong else None)
        return p

    def _ops(self, p: CT_P, line: Line, run_style: str | None) -> None:
        lang = self.diff.lang
        for op in line.ops:
            if op.kind == "equal":
                run(p, bind(op.text, lang), run_style)
                continue
            # Authored by the one act that made this piece where the diff could tell.
            wrapper = self._revision("w:ins" if op.kind == "insert" else "w:del",
                                     op.acts or line.acts)
            run(wrapper, bind(op.text, lang), run_style, deleted=op.kind == "delete")
            p.append(wrapper)

    # Tables

    def _table(self, block: TableBlock) -> BaseOxmlElement:
        columns = grid(block.widths, block.columns, self.layout.text_width)
        table = table_element(block.role, columns)
        for row in block.rows:
            table.append(self._row(row, columns))
        first = table.find(f".//{qn('w:p')}")
        if block.anchor is not None and first is not None:
            bookmark(cast(CT_P, first), next(self.ids), block.anchor)
        return table

    def _row(self, row: Row, columns: list[int]) -> BaseOxmlElement:
        mark = None
        if row.state != "equal":
            mark = self._revision("w:ins" if row.state == "inserted" else "w:del", row.acts)
        cells: list[CellContent] = []
        # Cell text of the header and of heading rows is a table heading; of a row of sums,
        # strong.
        strong = row.spec is not None and row.spec.sums_rows
        for index, cell in enumerate(row.cells):
            style = "TableHeading" if row.kind == "header" or row.heads_rows else (
                "TableNumber" if cell.numeric else None)
            if row.kind == "excluded" and index == len(row.cells) - 1:
                style = ROLE_STYLES["excluded"]
            # A cell keeps its last paragraph mark: only the ones before it may come and go.
            paragraphs = [
                self._paragraph(line, style if line.role == "cell" else None,
                                mark_state=number < len(cell.lines) - 1,
                                strong=strong)
                for number, line in enumerate(cell.lines)
            ]
            if row.heads_rows:
                # A heading row keeps with the first row it heads.
                for p in paragraphs:
                    p.get_or_add_pPr().keepNext_val = True
            cells.append((paragraphs, cell.span))
        if row.anchor is not None and cells and cells[0][0]:
            bookmark(cells[0][0][0], next(self.ids), row.anchor)
        return table_row(cells, columns, header=row.kind == "header", mark=mark,
                         page_height=self.layout.text_height)


@dataclass(frozen=True, slots=True)
class _Signature:
    """A signature's position and name, which the diff gives a line each: one paragraph."""

    position: Line
    name: Line

    @property
    def anchor(self) -> str | None:
        return self.position.anchor


def _signatures_joined(blocks: list[Block]) -> list[Block | _Signature]:
    """The blocks, each signature's two lines (position, then name) as one."""
    joined: list[Block | _Signature] = []
    for block in blocks:
        last = joined[-1] if joined else None
        if (isinstance(block, Line) and block.role == "signature" and block.anchor is None
                and isinstance(last, Line) and last.role == "signature"):
            joined[-1] = _Signature(last, block)
        else:
            joined.append(block)
    return joined


def _cell(text: str, style: str) -> list[CT_P]:
    p = paragraph(style)
    run(p, text)
    return [p]


def _leads_in(line: Line) -> bool:
    """Whether the earlier or the later wording of a line is a lead-in ("… as follows:")."""
    earlier = "".join(op.text for op in line.ops if op.kind != "insert")
    later = "".join(op.text for op in line.ops if op.kind != "delete")
    return leads_in(earlier) or leads_in(later)


def _line_style(line: Line) -> str:
    if line.role == "heading":
        return f"Heading{min(max(line.level, 1), 6)}"
    return ROLE_STYLES.get(line.role, "BodyText")
