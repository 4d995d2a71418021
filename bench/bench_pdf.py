"""Benchmark: the PDF step against WeasyPrint alone on the same HTML.

Reads: the project in this repository (the latest version in both languages).
Prints: for each language the pages, the seconds of our PDF step (`render_pdf`: HTML, print
stylesheet, locked-down fetcher, font checks, PDF/A) and of WeasyPrint alone rendering the same
HTML with the same print stylesheet and its defaults otherwise, their ratio (target: at most
1.10: what our step adds to WeasyPrint's work) and our seconds per page. For information, the
seconds of WeasyPrint on the HTML without the print stylesheet, and what that stylesheet (running
heads, landscape pages, page numbers of the contents, pagination rules) costs per page. Times
are CPU seconds, each the best of a few rounds, the steps taking turns, after a warm-up round.

Run: .venv/bin/python bench/bench_pdf.py
"""

from __future__ import annotations

import gc
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from weasyprint import CSS, HTML

from generator.annotate import annotate
from generator.consolidate import consolidate, resolve_date
from generator.load import load_project
from generator.writers.pdf import render_pdf
from generator.writers.shared.pdf import PRINT_CSS, TEMPLATES, TemplateFetcher
from generator.writers.shared.templates import document_html

ROOT = Path(__file__).resolve().parent.parent

ROUNDS = 5
TARGET_RATIO = 1.10


def seconds(step: Callable[[], bytes]) -> tuple[float, bytes]:
    """CPU seconds of this process: other work on a shared machine does not count. The garbage
    of the previous step is collected first, so that no step pays for another's."""
    gc.collect()
    start = time.process_time()
    data = step()
    return time.process_time() - start, data


def best_of_alternating(rounds: int, *steps: Callable[[], bytes]) -> tuple[list[float], bytes]:
    """The best time of each step, the steps run in turn so that all meet the same machine
    load; the bytes of the first."""
    times: list[list[float]] = [[] for _ in steps]
    data = b""
    for _ in range(rounds):
        for index, step in enumerate(steps):
            elapsed, made = seconds(step)
            times[index].append(elapsed)
            data = made if index == 0 else data
    return [min(each) for each in times], data


def main() -> int:
    project = load_project(ROOT)
    date = resolve_date(project, "latest")
    base_url = TEMPLATES.resolve().as_uri() + "/"
    fetcher = TemplateFetcher()
    print(f"version {date}; CPU seconds, best of {ROUNDS} rounds after a warm-up")
    print(f"{'lang':<5}{'pages':>6}{'ours s':>9}{'weasyprint s':>14}{'ratio':>8}{'s/page':>9}"
          f"{'  without print.css s':>22}{'print.css s/page':>18}")
    total_ours = total_alone = 0.0
    for lang in ("kk", "ru"):
        annotated = annotate(consolidate(project, lang, date), project)
        html = document_html(annotated)

        def ours(annotated=annotated) -> bytes:
            return render_pdf(annotated)

        def alone(html=html) -> bytes:
            print_css = CSS(url=base_url + PRINT_CSS, url_fetcher=fetcher)
            return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
                stylesheets=[print_css])

        def bare(html=html) -> bytes:
            return HTML(string=html).write_pdf()

        best_of_alternating(1, ours, alone, bare)
        (ours_seconds, alone_seconds, bare_seconds), data = best_of_alternating(
            ROUNDS, ours, alone, bare)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        total_ours += ours_seconds
        total_alone += alone_seconds
        print(f"{lang:<5}{pages:>6}{ours_seconds:>9.2f}{alone_seconds:>14.2f}"
              f"{ours_seconds / alone_seconds:>8.3f}{ours_seconds / pages:>9.3f}"
              f"{bare_seconds:>22.2f}{(alone_seconds - bare_seconds) / pages:>18.3f}")
    ratio = total_ours / total_alone
    verdict = "ok" if ratio <= TARGET_RATIO else "over target"
    print(f"ratio {ratio:.3f} (target at most {TARGET_RATIO:.2f}): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
