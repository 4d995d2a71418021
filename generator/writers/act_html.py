"""HTML writer of an amending act: its text → one self-contained HTML file.

Reads: an `ActText`. Writes: UTF-8 HTML (`templates/act.html.j2`, the stylesheet inlined, every
value escaped): the header note of a reconstruction, title, formula, points, the instructions
one per line with their quoted wordings (tables as tables), the signature.
"""

from __future__ import annotations

from ..model.act_text import ActText
from .shared.templates import act_html


def render_act_html(text: ActText) -> bytes:
    return act_html(text).encode("utf-8")
