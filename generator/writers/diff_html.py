"""HTML writer of a diff: the later version with `<ins>`/`<del>`, and a summary of the changes.

Reads: a `Diff`. Writes: one self-contained HTML page (Jinja2 template `diff.html.j2`, text
escaped, the version stylesheet inlined): the summary at the top (unit, change, acts) linking to
each change, then the later version's text, notes included, with every insertion and deletion
marked and titled with the acts responsible, readable on screen and in print.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from ..model.diff import Acts, Diff, Line
from .shared.templates import Frame, Templates, framed

_TAGS = {"insert": "ins", "delete": "del"}


def ops_html(line: Line, names: str) -> Markup:
    """A line's word operations as HTML; a line break in the text is a `<br>`."""
    parts: list[str] = []
    for op in line.ops:
        text = Markup("<br>").join(escape(piece) for piece in op.text.split("\n"))
        tag = _TAGS.get(op.kind)
        if tag is None:
            parts.append(text)
        else:
            parts.append(f'<{tag} title="{escape(names)}">{text}</{tag}>')
    return Markup("".join(parts))


def render_diff_html(diff: Diff, template_dir: Path | None = None) -> bytes:
    """The diff page; `template_dir` is the project's templates folder, if it has one."""
    return diff_html(diff, Templates(template_dir)).encode("utf-8")


def diff_html(diff: Diff, templates: Templates, frame: Frame | None = None) -> str:
    """The diff page (`diff.html.j2`), or that page inside a frame."""
    template, framing = framed(frame, "diff.html.j2", diff.lang)

    def names(acts: Acts) -> str:
        return "; ".join(diff.act_names(acts))

    summary = {change.uid: index for index, change in enumerate(diff.changes, 1)}
    return templates.render(
        template,
        **framing,
        diff=diff,
        lang=diff.lang,
        css=templates.stylesheet(),
        from_heading=diff.old.version_heading,
        to_heading=diff.new.version_heading,
        summary=summary,
        names=names,
        ops=lambda line: ops_html(line, names(line.acts)),
        numbers=lambda acts: ", ".join(f"{diff.lang.phrase('number_sign')} {item.act.number}"
                                       for item in acts),
    )
