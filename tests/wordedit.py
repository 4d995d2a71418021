"""Edits of a DOCX made the way Word makes them with Track Changes on: runs split mid-word with
`w:del`/`w:ins`, a new paragraph whose mark and text are inserted, a table row deleted."""

from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVISION = {f"{{{W}}}author": "Drafter", f"{{{W}}}date": "2014-05-15T09:00:00Z"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class WordEdit:
    def __init__(self, data: bytes) -> None:
        self.files = {}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                self.files[name] = archive.read(name)
        self.root = etree.fromstring(self.files["word/document.xml"])
        self.ids = 9000

    def _mark(self, tag: str) -> etree._Element:
        self.ids += 1
        return etree.Element(w(tag), {w("id"): str(self.ids), **REVISION})

    def bookmarked(self, name: str) -> etree._Element:
        """The paragraph (or table row) where the bookmark `name` starts."""
        start = self.root.find(f".//{w('bookmarkStart')}[@{w('name')}='{name}']")
        assert start is not None, name
        node = start.getparent()
        return node

    def replace_in_run(self, paragraph: etree._Element, old: str, new: str) -> None:
        """Split the run holding `old` around it: the rest stays, `old` deleted, `new` inserted."""
        for r in paragraph.iter(w("r")):
            t = r.find(w("t"))
            if t is None or old not in (t.text or ""):
                continue
            before, after = t.text.split(old, 1)
            t.text = before
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            deleted = self._mark("del")
            dr = copy.deepcopy(r)
            dr.find(w("t")).tag = w("delText")
            dr.find(w("delText")).text = old
            deleted.append(dr)
            inserted = self._mark("ins")
            ir = copy.deepcopy(r)
            ir.find(w("t")).text = new
            inserted.append(ir)
            rest = copy.deepcopy(r)
            rest.find(w("t")).text = after
            r.addnext(deleted)
            deleted.addnext(inserted)
            inserted.addnext(rest)
            return
        raise AssertionError(f"{old!r} is in no run")

    def insert_paragraph_after(self, paragraph: etree._Element,
                               text: str | list[str | tuple[str, str]]) -> None:
        """A new paragraph after `paragraph`, its mark and text inserted; a (text, bookmark)
        part of `text` is a link to that bookmark, as Word's Insert > Link makes it."""
        new = etree.Element(w("p"))
        ppr = copy.deepcopy(paragraph.find(w("pPr")))
        if ppr is None:
            ppr = etree.SubElement(new, w("pPr"))
        else:
            new.append(ppr)
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, w("rPr"))
        rpr.append(self._mark("ins"))
        for part in [text] if isinstance(text, str) else text:
            holder = new
            if isinstance(part, tuple):
                holder = etree.SubElement(new, w("hyperlink"), {w("anchor"): part[1]})
                part = part[0]
            inserted = self._mark("ins")
            holder.append(inserted)
            t = etree.SubElement(etree.SubElement(inserted, w("r")), w("t"))
            t.text = part
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        paragraph.addnext(new)

    def delete_row(self, row: etree._Element) -> None:
        trpr = row.find(w("trPr"))
        if trpr is None:
            trpr = etree.Element(w("trPr"))
            row.insert(0, trpr)
        trpr.append(self._mark("del"))
        for r in list(row.iter(w("r"))):
            for t in r.findall(w("t")):
                t.tag = w("delText")
            wrapper = self._mark("del")
            r.addprevious(wrapper)
            wrapper.append(r)

    def bytes(self) -> bytes:
        self.files["word/document.xml"] = etree.tostring(self.root, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.files.items():
                archive.writestr(name, data)
        return out.getvalue()


def join_with_next(edit: WordEdit, paragraph: etree._Element, following: etree._Element,
                   label: str) -> None:
    """Join a paragraph to the one that follows it as Word records it: a space inserted at the
    end, the paragraph mark deleted, and the next paragraph's label (a run of its own)
    deleted."""
    ppr = paragraph.find(w("pPr"))
    if ppr is None:
        ppr = etree.SubElement(paragraph, w("pPr"))
        paragraph.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, w("rPr"))
    rpr.append(edit._mark("del"))
    space = edit._mark("ins")
    run = etree.SubElement(space, w("r"))
    text = etree.SubElement(run, w("t"))
    text.text = " "
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    paragraph.append(space)
    for r in following.iter(w("r")):
        t = r.find(w("t"))
        if t is not None and t.text == label:
            t.tag = w("delText")
            wrapper = edit._mark("del")
            r.addprevious(wrapper)
            wrapper.append(r)
            return
    raise AssertionError(f"no run {label!r} in the next paragraph")
