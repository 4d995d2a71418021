"""HTML writer of an amending act: its text → one self-contained HTML file.

Reads: an `ActText`. Writes: UTF-8 HTML (`templates/act.html.j2`, the stylesheet inlined, every
value escaped): the header note of a reconstruction, title, formula, points, the instructions
one per line with their quoted wordings (tables as tables), the signature.
"""

from __future__ import annotations

from pathlib import Path

from ..model.act_text import ActText
from .shared.templates import Templates, act_html


def render_act_html(text: ActText, template_dir: Path | None = None) -> bytes:
    """The act's page; `template_dir` is the project's templates folder, if it has one."""
    return act_html(text, Templates(template_dir)).encode("utf-8")
