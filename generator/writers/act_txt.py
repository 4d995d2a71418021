"""Plain-text writer of an amending act: one paragraph a line, as the act is published.

Reads: an `ActText`. Writes: UTF-8 text — header note, title, formula, the points, each
instruction on a line of its own with its quoted wording below (a table row as its cells
between " | "), the signature. `legalgen record --from-act` reads this text back.
"""

from __future__ import annotations

from ..model.act_text import ActText, plain_lines


def render_act_txt(text: ActText) -> bytes:
    return ("\n".join(plain_lines(text)) + "\n").encode("utf-8")
