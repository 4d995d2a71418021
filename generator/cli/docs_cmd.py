"""`legalgen docs [TOPIC]`: the documentation shipped inside the package, printed.

Reads the Markdown pages of `generator/docs/` (package data; in the repository a link to
`docs/`, their one copy). Writes the page asked for to stdout, or the list of topics.
"""

from __future__ import annotations

import sys
from importlib import resources
from importlib.resources.abc import Traversable

import click

from ..i18n import tr
from .common import EXIT_INPUT, err, stdout


def pages() -> dict[str, Traversable]:
    """Every page of the shipped docs by its topic, the page's file name without `.md`."""
    folder = resources.files("generator") / "docs"
    found = [entry for entry in folder.iterdir() if entry.name.endswith(".md")]
    return {entry.name.removesuffix(".md"): entry for entry in sorted(found, key=str)}


def title(page: Traversable) -> str:
    """The page's first heading, without its `#`."""
    first = page.read_text(encoding="utf-8").lstrip().splitlines()[0]
    return first.lstrip("#").strip()


@click.command()
@click.argument("topic", required=False)
def docs(topic: str | None) -> None:
    """Print a page of legalgen's documentation (the record format, the issuers, the templates,
    the content format ...); without TOPIC, list the topics."""
    available = pages()
    if topic is None:
        width = max(len(name) for name in available)
        for name, page in available.items():
            stdout.print(f"{name.ljust(width)}  {title(page)}", markup=False)
        return
    chosen = available.get(topic.removesuffix(".md"))
    if chosen is None:
        err.print("error: " + tr("no topic '{topic}'; the topics are: {topics}",
                                 topic=topic, topics=", ".join(available)), markup=False)
        sys.exit(EXIT_INPUT)
    sys.stdout.write(chosen.read_text(encoding="utf-8"))
