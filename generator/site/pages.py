"""Site stage: a project → every page of its publication site, in memory.

Reads: a `Project`, through consolidate, annotate, diff and draft (the site re-derives nothing),
and the project's templates. Writes nothing: it yields `Page`s — a site path and its bytes — and
`Download`s — a site path, a version and a format —, which the build engine writes (a page only
when its bytes changed) and renders (a download only when its version or its writer changed).
The version, redline and act pages are the HTML writers' own pages inside the site's frame
(`templates/site/*.html.j2` extend `document.html.j2`, `diff.html.j2`, `act.html.j2`); the
downloads are the registered version writers' files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..annotate import annotate
from ..consolidate import consolidate
from ..diff import compare
from ..draft import draft_act
from ..lang import DRAFTING, language
from ..model import DOCUMENT, Act, Annotated, InputError, Language, Project, Unit, Version
from ..model.act_text import ActText
from ..writers import writer
from ..writers.diff_html import diff_html
from ..writers.shared.templates import TEMPLATES, Frame, Templates, act_html, document_html
from . import history, plan
from .search import index_script

ASSET_FILES = {plan.SITE_CSS: "site/site.css", plan.SITE_JS: "site/site.js"}


@dataclass(frozen=True, slots=True)
class Page:
    """A file of the site made here: its site path and its bytes."""

    path: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Download:
    """A version's file in one format, which the version writer of that format renders."""

    path: str
    annotated: Annotated
    format: str


Output = Page | Download


@dataclass(frozen=True, slots=True)
class SiteOptions:
    langs: Sequence[str]
    downloads: Sequence[str]  # version formats offered for download: pdf, docx
    today: dt.date


class Site:
    """The pages of one project's site; `outputs(lang)` makes those of one language."""

    def __init__(self, project: Project, template_dir: Path | None, options: SiteOptions):
        self.project = project
        self.template_dir = template_dir
        self.templates = Templates(template_dir)
        self.options = options
        self.steps = history.steps(project, options.today)
        self.act_names = plan.act_page_names(project.acts)

    # --- The frame every page shares -------------------------------------------------------

    def chrome(self, lang: Language, page: str,
               counterpart: Callable[[str], str] | None = None) -> dict[str, Any]:
        """The site bar of `page`: home, search, the same page in the other languages."""
        def link(target: str, anchor: str | None = None) -> str:
            return plan.href(page, target, anchor)

        other = [code for code in self.options.langs if code != lang.code]
        switches = [(language(code), link(counterpart(code) if counterpart else plan.home(code)))
                    for code in other]
        document = self.project.documents[lang.code]
        return {"site": {
            "lang": lang, "page": page, "link": link, "switches": switches,
            "css": link(plan.SITE_CSS), "js": link(plan.SITE_JS),
            "home": link(plan.home(lang.code)), "search": link(plan.search(lang.code)),
            "label": lang.act_name(document),
        }}

    def act_links(self, lang: str, page: str) -> dict[str, str]:
        """Each act by its key → its page, from `page`: notes link the words naming an act."""
        return {act.key: plan.href(page, self.act_page_path(lang, act))
                for act in self.project.acts}

    def act_page_path(self, lang: str, act: Act) -> str:
        return plan.act_page(lang, self.act_names[act.path])

    def _render(self, template: str, **context: Any) -> bytes:
        return self.templates.render(template, **context).encode("utf-8")

    # --- Pages -----------------------------------------------------------------------------

    def shared(self) -> Iterator[Page]:
        """The landing page and the assets, which belong to no language."""
        for path, name in ASSET_FILES.items():
            found = self.templates.find(name) or TEMPLATES / name
            yield Page(path, found.read_bytes())
        page = plan.LANDING
        titles = [(language(code), self.project.documents[code].title,
                   plan.href(page, plan.home(code))) for code in self.options.langs]
        lang = language(self.options.langs[0])
        yield Page(page, self._render("site/landing.html.j2", titles=titles, lang=lang,
                                      css=plan.SITE_CSS))

    def outputs(self, lang_code: str, first: Collection[str] = ()) -> Iterator[Output]:
        """Every page of one language, each as soon as it is made: the versions (those named
        in `first`, which a reader of the live preview has open, before the others) and home,
        then redlines, acts, search, and the downloads last."""
        lang = language(lang_code)
        versions: dict[dt.date, Annotated] = {}
        for step in sorted(self.steps, key=lambda s: plan.version(lang_code, s.date) not in first):
            versions[step.date] = annotate(consolidate(self.project, lang_code, step.date),
                                           self.project)
            yield self.version_page(versions[step.date], step)
        versions = {step.date: versions[step.date] for step in self.steps}
        yield self.home(lang, versions)
        for step in self.steps:
            if step.previous is not None:
                yield self.redline_page(versions[step.previous], versions[step.date])
        consolidated = {date: annotated.version for date, annotated in versions.items()}
        for act in self.project.acts:
            yield self.act_page(lang, act, consolidated)
        latest = versions[self.steps[-1].date]
        yield self.search_page(lang)
        index = index_script(latest, plan.href(plan.search(lang_code),
                                               plan.version(lang_code, latest.version.date)))
        yield Page(plan.search_index(lang_code), index.encode("utf-8"))
        for annotated in versions.values():
            yield from self.downloads(annotated)

    def home(self, lang: Language, versions: dict[dt.date, Annotated]) -> Page:
        page = plan.home(lang.code)
        latest = versions[self.steps[-1].date]
        link = self.chrome(lang, page)["site"]["link"]
        return Page(page, self._render(
            "site/home.html.j2", **self.chrome(lang, page, plan.home), lang=lang,
            a=latest, status=history.status(self.project, latest.version, self.options.today),
            steps=self.steps,
            version_link=lambda date: link(plan.version(lang.code, date)),
            redline_link=lambda old, new: link(plan.redline(lang.code, old, new)),
            act_link=lambda act: link(self.act_page_path(lang.code, act)),
            pending=history.pending_acts(self.project, self.options.today),
            acts=sorted(self.project.acts, key=lambda act: (act.date, act.order)),
            short_date=lang.short_date,
        ))

    def version_page(self, annotated: Annotated, step: history.Step) -> Page:
        code = annotated.lang.code
        page = plan.version(code, step.date)
        chrome = self.chrome(annotated.lang, page, lambda other: plan.version(other, step.date))
        link = chrome["site"]["link"]
        tools = {
            "previous": link(plan.redline(code, step.previous, step.date))
            if step.previous else None,
            "downloads": [(fmt.upper(), link(self.download_path(code, step.date, fmt)))
                          for fmt in self.options.downloads],
            "versions": [(annotated.lang.short_date(other.date),
                          link(plan.version(code, other.date)), other.date == step.date)
                         for other in self.steps],
        }
        frame = Frame("site/version.html.j2", {**chrome, "tools": tools},
                      self.act_links(code, page))
        return Page(page, document_html(annotated, self.templates, frame).encode("utf-8"))

    def downloads(self, annotated: Annotated) -> Iterator[Download]:
        """The version's files, in every format offered."""
        version = annotated.version
        for fmt in self.options.downloads:
            yield Download(self.download_path(version.lang, version.date, fmt), annotated, fmt)

    def download_path(self, lang: str, date: dt.date, fmt: str) -> str:
        return plan.download(lang, date, self.project.doc_id, writer("version", fmt).extension)

    def redline_page(self, old: Annotated, new: Annotated) -> Page:
        code = new.lang.code
        old_date, new_date = old.version.date, new.version.date
        page = plan.redline(code, old_date, new_date)
        chrome = self.chrome(new.lang, page,
                             lambda other: plan.redline(other, old_date, new_date))
        link = chrome["site"]["link"]
        versions = [(new.lang.version_heading(date), link(plan.version(code, date)))
                    for date in (old_date, new_date)]
        frame = Frame("site/diff.html.j2", {**chrome, "versions": versions})
        html = diff_html(compare(old, new), self.templates, frame)
        return Page(page, html.encode("utf-8"))

    def act_page(self, lang: Language, act: Act, versions: dict[dt.date, Version]) -> Page:
        page = self.act_page_path(lang.code, act)
        chrome = self.chrome(lang, page, lambda other: self.act_page_path(other, act))
        link = chrome["site"]["link"]
        changed = history.changed_units(self.project, act, versions)
        dates = sorted({item.date for item in changed})
        previous = {step.date: step.previous for step in self.steps if step.previous}
        facts = {
            "act": act, "name": lang.act_name(act), "title": act.title.get(lang.code, ""),
            "in_force": [lang.short_date(date) for date in dates],
            "rule": history.rule_text(lang, act),
            "changed": [(item, link(plan.version(lang.code, item.date), item.uid))
                        for item in changed],
            "redlines": [(lang.version_heading(date),
                          link(plan.redline(lang.code, previous[date], date)))
                         for date in dates if date in previous],
            "unit_name": lambda subject: (lang.unit_name(subject) if isinstance(subject, Unit)
                                          else lang.act_name(subject)),
            # What became of it, agreeing with it as the redlines' summaries word it.
            "change_word": lambda item: lang.change_word(
                item.kind, item.subject.kind if isinstance(item.subject, Unit) else DOCUMENT,
                self.project.documents[lang.code].type),
        }
        context = {**chrome, "facts": facts}
        text = self._drafted(act, lang)
        if text is None:
            return Page(page, self._render("site/act-facts.html.j2", lang=lang, **context))
        html = act_html(text, self.templates, Frame("site/act.html.j2", context))
        return Page(page, html.encode("utf-8"))

    def _drafted(self, act: Act, lang: Language) -> ActText | None:
        """The act's text, or None: an act the draft stage cannot word (yet), or a language
        without a grammar of amending acts, still has its page, without its text."""
        if lang.code not in DRAFTING:
            return None
        try:
            return draft_act(self.project, act, lang.code)
        except InputError:
            return None

    def search_page(self, lang: Language) -> Page:
        page = plan.search(lang.code)
        return Page(page, self._render(
            "site/search.html.j2", **self.chrome(lang, page, plan.search), lang=lang,
            index=plan.href(page, plan.search_index(lang.code))))


def workspace_home(sites: list[Site], langs: list[str]) -> Page:
    """The home of a workspace's site (each document's site in the folder of its id): in every
    language, each document's title leading to its home in that language."""
    page = plan.LANDING
    folders = [str(site.project.workspace_doc) for site in sites]
    languages = [(language(code), [(site.project.documents[code].title,
                                    plan.href(page, f"{folder}/{plan.home(code)}"))
                                   for site, folder in zip(sites, folders, strict=True)])
                 for code in langs]
    data = sites[0].templates.render("site/workspace.html.j2", languages=languages,
                                     lang=language(langs[0]),
                                     css=f"{folders[0]}/{plan.SITE_CSS}")
    return Page(page, data.encode("utf-8"))

