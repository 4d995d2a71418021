"""The import graph of `generator/`, checked against the pipeline's layers.

Run `python -m generator.devtools.deps` (or `make lint`): it prints which package imports which
and exits 1 on any import that runs upward (a stage importing a later one, the model importing
anything), sideways between writers (one format's module importing another's), or round in a
cycle between modules — imports under `if TYPE_CHECKING:` count like any other.

Reads the source files as text (ast); imports nothing of the project.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "generator"
# Each part of the package, with the parts it may import: the pipeline from the bottom up.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "memory": set(),
    "version": set(),
    "lang": {"model"},
    "load": {"model", "lang", "memory"},
    "consolidate": {"model", "load", "memory"},
    "annotate": {"model", "lang", "memory"},
    "validate": {"model", "load", "consolidate"},
    "diff": {"model", "lang", "consolidate", "annotate"},
    "draft": {"model", "lang", "load", "consolidate", "diff"},
    "record": {"model", "lang", "load", "consolidate", "diff", "draft"},
    "writers": {"model", "lang"},
    "site": {"model", "lang", "consolidate", "annotate", "diff", "draft", "writers"},
    "cli": {"version", "model", "memory", "lang", "load", "consolidate", "annotate", "validate",
            "diff", "draft", "record", "writers", "site"},
    "devtools": set(),
    "__main__": {"cli"},
}
# Modules of `writers` every format may use; each format is a module or package of its own.
WRITERS_SHARED = "shared"


@dataclass
class Report:
    edges: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    parts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    violations: list[str] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations and not self.cycles


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(path: Path, module: str, known: set[str]) -> set[str]:
    """The project modules a file imports, wherever the import stands (TYPE_CHECKING too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node)
            for alias in node.names:
                # `from . import jobs` imports a submodule; `from .x import name` imports x.
                submodule = f"{target}.{alias.name}"
                found.add(submodule if submodule in known else target)
    return {name for name in found if name in known}


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def writer_of(module: str) -> str | None:
    """The format a module of `writers` belongs to (None for the registry itself)."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "writers" else None


def check(root: Path) -> Report:
    files = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    report = Report()
    for module, path in files.items():
        for target in imports_of(path, module, set(files)):
            if target != module:
                report.edges[module].add(target)
    for module, targets in sorted(report.edges.items()):
        for target in sorted(targets):
            _check_edge(module, target, report)
    report.cycles = _cycles(report.edges)
    return report


def _check_edge(module: str, target: str, report: Report) -> None:
    source_part, target_part = part_of(module), part_of(target)
    if source_part != target_part:
        report.parts[source_part].add(target_part)
        if target_part not in ALLOWED.get(source_part, set()):
            report.violations.append(f"{module} imports {target}: {source_part} may not "
                                     f"import {target_part}")
        return
    if source_part != "writers":
        return
    source_writer, target_writer = writer_of(module), writer_of(target)
    if target_writer is None and source_writer is not None:
        report.violations.append(f"{module} imports the writer registry {target}")
    elif source_writer not in (None, target_writer) and target_writer != WRITERS_SHARED:
        report.violations.append(f"{module} imports {target}: writers may share only "
                                 f"writers.{WRITERS_SHARED}, never each other")


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def render(report: Report) -> str:
    lines = [f"{part:12} → {', '.join(sorted(targets)) or '-'}"
             for part, targets in sorted(report.parts.items())]
    lines += [f"error: {violation}" for violation in report.violations]
    lines += [f"error: import cycle: {' → '.join(cycle)}" for cycle in report.cycles]
    if report.ok:
        lines.append(f"ok: {sum(len(t) for t in report.edges.values())} imports between "
                     f"{len(report.edges)} modules, none upward, sideways or in a cycle")
    return "\n".join(lines)


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    report = check(root)
    print(render(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
