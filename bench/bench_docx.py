"""Benchmark: the time to write the DOCX of the latest version, in both languages, against the
time to write its PDF, in one run (target: the DOCX in under a quarter of the PDF's time).

Reads: the project in the repository. Prints, per language, the best of several timings of
`render_docx` and of `render_pdf` (generator/writers/pdf.py; WeasyPrint on the HTML when that
writer is missing) after one warm-up call each, and the ratio of the two.
Run: .venv/bin/python bench/bench_docx.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.annotate import annotate
from generator.consolidate import consolidate, timeline
from generator.lang import codes
from generator.load import load_project
from generator.model import Annotated
from generator.writers.docx.version import render_docx

ROOT = Path(__file__).resolve().parent.parent
DOCX_RUNS = 10
PDF_RUNS = 3
TARGET = 0.25


def pdf_writer() -> tuple[str, Callable[[Annotated], bytes]]:
    try:
        from generator.writers.pdf import render_pdf
    except ImportError:
        from weasyprint import HTML

        from generator.writers.shared.templates import document_html

        def render_pdf(annotated: Annotated) -> bytes:
            return HTML(string=document_html(annotated)).write_pdf()

        return "weasyprint.HTML(document_html(...)).write_pdf() (no generator/writers/pdf.py)", \
            render_pdf
    return "generator.writers.pdf.render_pdf", render_pdf


def best_time(write: Callable[[Annotated], bytes], annotated: Annotated, runs: int) -> float:
    write(annotated)  # warm-up: imports, fonts, templates
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        write(annotated)
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> int:
    project = load_project(ROOT)
    latest = timeline(project)[-1][0]
    pdf_name, render_pdf = pdf_writer()
    print(f"latest version {latest.isoformat()}; PDF writer: {pdf_name}")
    print(f"{'lang':<6}{'docx s':>10}{'pdf s':>10}{'docx/pdf':>10}")
    totals = [0.0, 0.0]
    for lang in codes():
        annotated = annotate(consolidate(project, lang, latest), project)
        docx_time = best_time(render_docx, annotated, DOCX_RUNS)
        pdf_time = best_time(render_pdf, annotated, PDF_RUNS)
        totals[0] += docx_time
        totals[1] += pdf_time
        print(f"{lang:<6}{docx_time:>10.3f}{pdf_time:>10.3f}{docx_time / pdf_time:>10.1%}")
    ratio = totals[0] / totals[1]
    verdict = "meets" if ratio < TARGET else "misses"
    print(f"{'both':<6}{totals[0]:>10.3f}{totals[1]:>10.3f}{ratio:>10.1%}  "
          f"({verdict} the target of {TARGET:.0%})")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
