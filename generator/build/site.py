"""The publication site through the engine: its pages written when they changed, its downloads
rendered when their version or writer changed, in parallel.

Reads: a `Project` through the site stage, and the site's folder through its output store.
Writes: the site's files — into a staging folder moved into place all at once (`legalgen
site`), or straight into the site's folder, each file as soon as it is made (the live preview,
whose open pages reload as their files change) — and the store's records of the downloads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from pathlib import Path

from ..model import Project
from ..site.pages import Download, Page, Site, SiteOptions, workspace_home
from ..writers import formats as writer_formats
from ..writers import writer
from .engine import Progress, Report, prepare, record, render
from .executors import Executor
from .files import template_dir
from .plan import Job, Keys, split
from .staging import staged
from .store import OutputStore


def download_formats() -> list[str]:
    """The version formats a reader downloads beside the page: every writer but HTML's."""
    return [fmt for fmt in writer_formats("version") if fmt != "html"]


def default_out(root: Path) -> Path:
    return root / "build" / "site"


def make_site(root: Path, project: Project, langs: list[str], downloads: bool) -> Site:
    """The site of `langs`; with `downloads`, the machine is checked for their writers first."""
    formats = download_formats() if downloads else []
    for fmt in formats:
        writer("version", fmt).check_machine()
    options = SiteOptions(langs=langs, downloads=formats, today=dt.date.today())
    return Site(project, template_dir(root), options)


def write_site(site: Site, langs: Iterable[str], store: OutputStore, executor: Executor,
               into: Path | None = None, first: Collection[str] = (),
               progress: Progress | None = None) -> Report:
    """Write every file of the site under `into` (by default the store's folder): the pages of
    each language in turn (those named in `first` before the others), each page as soon as it
    is made and only when its bytes changed; then the downloads the store lacks, rendered by
    `executor`, the slowest first. Returns what was kept and written; the downloads' records are
    left to `record`, once the files are in place."""
    report = Report()
    downloads: list[Download] = []
    for outputs in (site.shared(), *(site.outputs(lang, first) for lang in langs)):
        for output in outputs:
            if isinstance(output, Download):
                downloads.append(output)
            else:
                _write_page(output, store, into, report)
    plan = split(download_jobs(downloads, site.template_dir), store)
    report.up_to_date += [job.path for job in plan.up_to_date]
    prepare(plan.to_write)
    render(plan.to_write, store, executor, report, into, progress)
    return report


def download_jobs(downloads: Iterable[Download], template_dir: Path | None) -> list[Job]:
    """The site's downloads: the version writers' files, at the site's paths."""
    keys = Keys(template_dir)
    return [keys.job(writer("version", item.format), item.annotated.lang.code, item.annotated,
                     Path(item.path))
            for item in downloads]


def _write_page(page: Page, store: OutputStore, into: Path | None, report: Report) -> None:
    path = Path(page.path)
    if store.holds(path, page.data):
        report.up_to_date.append(path)
    else:
        store.put(path, page.data, into)
        report.written.append(path)


def publish_site(site: Site, langs: list[str], store: OutputStore, executor: Executor,
                 progress: Progress | None = None) -> Report:
    """`legalgen site`: nothing reaches the site's folder unless every file was made."""
    with staged(store.out) as stage:
        report = write_site(site, langs, store, executor, stage, progress=progress)
    record(store, report)
    return report


def publish_workspace_site(sites: list[Site], langs: list[str], store: OutputStore,
                           executor: Executor, progress: Progress | None = None) -> Report:
    """`legalgen site` of a workspace: each document's site in the folder of its id, as a
    document's own site is, and the workspace's home listing them; nothing reaches the site's
    folder unless every file was made."""
    report = Report()
    parts: list[tuple[OutputStore, Report]] = []
    with staged(store.out) as stage:
        for site in sites:
            folder = str(site.project.workspace_doc)
            own = OutputStore(store.out / folder, store.trust_records)
            part = write_site(site, langs, own, executor, stage / folder, progress=progress)
            parts.append((own, part))
            report.up_to_date += [Path(folder) / path for path in part.up_to_date]
            report.written += [Path(folder) / path for path in part.written]
            report.rendered += part.rendered
        _write_page(workspace_home(sites, langs), store, stage, report)
    for own, part in parts:
        record(own, part)
    return report

