"""The files of a new programme and of a new amendment record, as text.

Reads the example texts of each language (`Language.starter`); `init_cmd` and `new_act_cmd`
write what these functions return. Every YAML file starts with a `yaml-language-server` modeline
naming its JSON Schema under `schemas/`, so that editors complete and check it. Values are
written as JSON strings, which YAML reads as they are.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..lang import language
from ..load.json_schema import FILES
from ..model import ActSignatory
from ..model.language import OrderStarterTexts

SCHEMAS_DIR = "schemas"
CONTENT_FILE = "01-programme.yaml"
# The table of the plan an order approves, and its row the example record amends.
ORDER_PLAN = "att_1__plan"
ORDER_TARGET = f"{ORDER_PLAN}__row_1"


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def modeline(kind: str, depth: int) -> str:
    """The modeline of a file `depth` folders below the project root."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMAS_DIR}/{FILES[kind][0]}\n"


@dataclass(frozen=True, slots=True)
class Programme:
    """What `legalgen init` asks: the document's id, titles, type, issuer, number, date."""

    doc_id: str
    titles: dict[str, str]
    act_type: str
    issuer: str
    number: str
    date: dt.date

    @property
    def year(self) -> int:
        return self.date.year + 1

    @property
    def is_order(self) -> bool:
        return self.act_type == "order"

    @property
    def target(self) -> str:
        """The unit the example record amends: the programme's point, the order's plan row."""
        return ORDER_TARGET if self.is_order else "sec_1__point_1"


def manifest(programme: Programme, lang: str) -> str:
    starter = language(lang).starter
    return (
        modeline("manifest", 2)
        + "document:\n"
        f"  id: {programme.doc_id}                 # the file name of every output\n"
        f"  type: {programme.act_type}\n"
        f"  issuer: {programme.issuer}            # a key of the registry: legalgen docs issuers\n"
        f"  number: {quoted(programme.number)}\n"
        f"  date: {programme.date.isoformat()}\n"
        f"  title: {quoted(programme.titles[lang])}\n"
        f"  signatory: {{position: {quoted(starter.position)}, name: {quoted(starter.name)}}}\n"
        "files:                          # the content files, in reading order\n"
        f"  - {CONTENT_FILE}\n"
    )


def content(programme: Programme, lang: str) -> str:
    """The programme's one section and point, or an order approving a plan of one measure."""
    starter = language(lang).starter
    if programme.is_order and starter.order is not None:
        return _order(programme, lang, starter.order)
    return (
        modeline("content", 2)
        + "# The text as adopted. Ids: this section is sec_1, its point sec_1__point_1\n"
        "# (`legalgen outline` lists them).\n"
        "units:\n"
        "  - kind: section\n"
        '    label: "1."\n'
        f"    heading: {quoted(starter.section)}\n"
        "    children:\n"
        "      - kind: point\n"
        '        label: "1."\n'
        f"        text: {quoted(starter.point.format(year=programme.year))}\n"
    )


def _order(programme: Programme, lang: str, order: OrderStarterTexts) -> str:
    starter = language(lang).starter
    day = language(lang).date(programme.date)
    stamp = "".join(f"      - {quoted(line.format(date=day, number=programme.number))}\n"
                    for line in order.stamp)
    header = ", ".join(quoted(cell) for cell in order.header)
    cells = ", ".join(quoted(cell) for cell in (order.measure,
                                                order.term.format(year=programme.year),
                                                starter.position))
    return (
        modeline("content", 2)
        + "# The order as adopted, and the plan it approves. Ids: the plan's table is\n"
        f"# {ORDER_PLAN}, its row {ORDER_TARGET} (`legalgen outline` lists them).\n"
        "units:\n"
        f"  - kind: preamble\n    text: {quoted(order.preamble)}\n"
        f'  - kind: paragraph\n    label: "1."\n    text: {quoted(order.approve)}\n'
        f'  - kind: paragraph\n    label: "2."\n    text: {quoted(order.in_force)}\n'
        f"  - kind: signature\n    position: {quoted(starter.position)}\n"
        f"    name: {quoted(starter.name)}\n"
        "  - kind: attachment\n    id: att_1\n    stamp:\n"
        f"{stamp}"
        f"    heading: {quoted(order.heading)}\n"
        "    children:\n"
        "      - kind: table\n        id: plan\n        role: action_plan\n"
        f"        header:\n          - [{header}]\n"
        "        children:\n"
        f'          - {{kind: row, label: "1.", cells: [{cells}]}}\n'
    )


def example_record(programme: Programme, langs: tuple[str, ...]) -> str:
    """A valid record of an act that amends the programme's one point: replace or delete it."""
    date = programme.date + dt.timedelta(days=30)
    title = "\n".join(f"    {lang}: {quoted(language(lang).starter.example_act)}"
                      for lang in langs)
    find = ", ".join(f"{lang}: {quoted(str(programme.year))}" for lang in langs)
    replace = ", ".join(f"{lang}: {quoted(str(programme.year + 1))}" for lang in langs)
    # The name only: the position is the one of the act's blank.
    signatory = "".join(f"    {lang}: {{name: {quoted(language(lang).starter.name)}}}\n"
                        for lang in langs)
    return (
        modeline("amendment", 1)
        + "# An EXAMPLE record, to be replaced by the records of the real acts (one file per\n"
        "# act; `legalgen new-act` writes a skeleton) or deleted. It moves the programme's year\n"
        "# by one: every action and option of a record is described in `legalgen docs\n"
        "# record-format`.\n"
        "act:\n"
        f"  type: {programme.act_type}\n"
        f"  issuer: {programme.issuer}\n"
        '  number: "2"\n'
        f"  date: {date.isoformat()}\n"
        "  in_force: on_signing          # or on_publication, {date: YYYY-MM-DD},\n"
        "                                # or {after_publication_days: 10} with published: ...\n"
        "  title:\n"
        f"{title}\n"
        "  signatory:                    # who signs it, for its drafted text\n"
        f"{signatory}"
        "changes:\n"
        f"  - target: {programme.target:<22}# a unit id: see `legalgen outline`\n"
        "    action: amend               # replace, amend, insert, delete or repeal\n"
        "    edits:\n"
        f"      - find: {{{find}}}\n"
        f"        replace: {{{replace}}}\n"
    )


def config(programme: Programme, langs: tuple[str, ...], issuers: str = "") -> str:
    """legalgen.yaml: the defaults of amending acts (the document's type and issuer, its
    signatory) and the issuers the registry lacks (`issuers`: their YAML, else an example)."""
    names = "".join(f"#     {lang}: {{short: {language(lang).starter.issuer}}}\n" for lang in langs)
    signatory = "".join(f"    {lang}: {{position: {quoted(language(lang).starter.position)}, "
                        f"name: {quoted(language(lang).starter.name)}}}\n" for lang in langs)
    listed = "issuers:\n" + "".join(f"  {line}\n" for line in issuers.splitlines()) \
        if issuers else "issuers: {}\n"
    return (
        modeline("config", 0)
        + "# Settings of this programme.\n"
        "#\n"
        "# defaults: what the acts amending it usually are; `legalgen new-act` and\n"
        "# `legalgen record` use them where no --type, --issuer is given.\n"
        "defaults:\n"
        f"  type: {programme.act_type}\n"
        f"  issuer: {programme.issuer}\n"
        "  signatory:\n"
        f"{signatory}"
        "#\n"
        "# issuers: the issuers the built-in registry lacks, in the genitive (`legalgen docs\n"
        "# issuers`):\n"
        "#   akimat_zhanaozen:\n"
        f"{names}"
        f"{listed}"
    )


def readme(programme: Programme) -> str:
    return f"""# {next(iter(programme.titles.values()))}

A programme kept with legalgen: the text as adopted in `content/<lang>/`, one record per
amending act in `amendments/`.

- `legalgen outline` — the ids of the units, to name in a record's `target`.
- `legalgen new-act --number N --date YYYY-MM-DD` — the skeleton of a new record.
- `legalgen validate` — checks everything; each problem as `path:line:col: error: ...`.
- `legalgen build --as-of all` — every version under `build/<lang>/<date>/` (HTML, PDF, DOCX).
- `legalgen diff --from original --to latest` — the redline between two versions.
- `legalgen schema` — refreshes `schemas/` after adding issuers to `legalgen.yaml`.
- `legalgen templates --list` — the page templates; a file of the same name in `templates/`
  replaces the built-in one.
- `legalgen docs` — the documentation at hand: `legalgen docs record-format` (every action
  and option of a record), `issuers`, `content-format`, `templates`.
- `LEGALGEN_LANG=kk` or `LEGALGEN_LANG=ru` — legalgen's messages in Kazakh or Russian.

`amendments/` holds an example record: replace it with the real acts or delete it.
"""


def _signatory_flow(signatory: ActSignatory) -> str:
    """A signatory as a YAML flow mapping, with what the project's defaults give of it."""
    fields = ([f"position: {quoted(signatory.position)}"] if signatory.position else []) \
        + [f"name: {quoted(signatory.name)}"] + (["acting: true"] if signatory.acting else [])
    return "{" + ", ".join(fields) + "}"


def record_skeleton(act_type: str, issuer: str, number: str, date: dt.date,
                    langs: tuple[str, ...],
                    signatory: dict[str, ActSignatory] | None = None) -> str:
    title = "\n".join(f'    {lang}: ""' for lang in langs)
    each = ", ".join(f"{lang}: ..." for lang in langs)
    signed = "".join(f"    {lang}: {_signatory_flow(signatory[lang])}\n"
                     for lang in langs if lang in signatory) if signatory else ""
    return (
        modeline("amendment", 1)
        + "act:\n"
        f"  type: {act_type}\n"
        f"  issuer: {issuer}\n"
        f"  number: {quoted(number)}\n"
        f"  date: {date.isoformat()}\n"
        "  in_force: on_signing\n"
        "  # published: YYYY-MM-DD      # needed by on_publication and after_publication_days\n"
        f"  # in_force_text: {{{each}}}   # the act's own clause, if not today's wording\n"
        "  title:\n"
        f"{title}\n"
        + (f"  signatory:\n{signed}" if signed else "")
        + "# One item per change, in the act's order (legalgen docs record-format):\n"
        "#   - target: sec_1__point_1\n"
        "#     action: amend\n"
        "#     edits:\n"
        f"#       - find: {{{each}}}\n"
        f"#         replace: {{{each}}}\n"
        "changes: []\n"
    )
