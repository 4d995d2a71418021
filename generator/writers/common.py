"""What every writer shares: output paths, atomic writes, table shapes and cell wording."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..lang import Language
from ..model import AmountsCell, Cell, NumberCell, Unit

TOC_KINDS = {"attachment", "section", "appendix"}


def output_path(out: Path, lang: str, date_text: str, doc_id: str, ext: str) -> Path:
    return out / lang / date_text / f"{doc_id}.{ext}"


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target and rename: a failure never leaves a truncated file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private; a published output gets the usual permissions.
        os.chmod(temp, 0o666 & ~_UMASK)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class TableShape:
    columns: int
    label_column: bool


def table_shape(table: Unit) -> TableShape:
    rows = [c for c in table.children if c.kind in ("row", "total")]
    label_column = any(row.label for row in rows) or table.role in ("action_plan", "towns")
    widest = max((len(row.cells or []) for row in rows), default=0) + (1 if label_column else 0)
    header = max((len(line) for line in table.header or []), default=0)
    return TableShape(max(widest, header, 1), label_column)


def cell_lines(cell: Cell, lang: Language) -> list[str]:
    """A cell as lines of text in the version's language ('2013 жыл – 2 000,0*')."""
    if isinstance(cell, AmountsCell):
        return [_amount_line(entry, lang) for entry in cell.amounts]
    if isinstance(cell, NumberCell):
        return [lang.number(cell.number) + (cell.mark or "")]
    if isinstance(cell, bool):
        return [str(cell)]
    if isinstance(cell, int | float):
        return [lang.number(cell)]
    return str(cell).split("\n") if cell else [""]


def _amount_line(entry, lang: Language) -> str:
    amount = "–" if entry.amount is None else lang.number(entry.amount)
    return f"{lang.amount_year(entry.year)} – {amount}{entry.mark or ''}"


def heading_text(unit: Unit) -> str:
    """'1. Бағдарламаның паспорты' — the label (if any) and the heading."""
    label = unit.label.strip() if unit.label else ""
    if unit.kind == "appendix":
        label = ""
    return f"{label} {unit.heading or ''}".strip()
