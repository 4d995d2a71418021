"""`legalgen serve`: the site on 127.0.0.1; with `--watch`, rebuilt and reloaded on every edit.

Reads: the project, then (with `--watch`) its files as they change. Writes: the site under
`--out`; serves it with the standard library's threaded HTTP server, adding to each page the
small script that reloads it (`templates/site/live.js`) and, while the project has errors, an
error page in place of every page, the last good text one click away (`?last-good`).
"""

from __future__ import annotations

import json
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import click

from ..build.files import template_dir
from ..build.live import Preview
from ..build.site import default_out
from ..lang import language
from ..writers.shared.templates import Templates
from .common import chosen_langs, err, lang_option, root_option

LIVE = "/_legalgen/"
LIVE_SCRIPT = f'<script src="{LIVE}live.js"></script>'
LAST_GOOD = "last-good"


def site_path(url_path: str) -> str:
    """The site path a URL's path names: "/kk/" → "kk/index.html"."""
    path = unquote(url_path).lstrip("/")
    return f"{path}index.html" if not path or path.endswith("/") else path


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the site's folder, the preview's state and script, and the error page."""

    preview: Preview
    templates: Templates

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == f"{LIVE}state.json":
            page = site_path(parse_qs(url.query).get("page", ["/"])[0])
            self._send(json.dumps(self.preview.state(page)).encode(), "application/json")
        elif url.path == f"{LIVE}live.js":
            script = self.templates.find("site/live.js")
            assert script is not None
            self._send(script.read_bytes(), "text/javascript")
        elif self._is_page(url.path) and self.preview.errors and LAST_GOOD not in url.query:
            self._send(self._error_page(url.path), "text/html; charset=utf-8")
        elif self._is_page(url.path):
            self._send_page(url.path)
        else:
            super().do_GET()

    @staticmethod
    def _is_page(path: str) -> bool:
        return path.endswith((".html", "/"))

    def _send_page(self, path: str) -> None:
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        html = file.read_text(encoding="utf-8")
        at = html.rfind("</body>")
        html = html[:at] + LIVE_SCRIPT + html[at:] if at >= 0 else html + LIVE_SCRIPT
        self._send(html.encode("utf-8"), "text/html; charset=utf-8")

    def _error_page(self, path: str) -> bytes:
        segment = path.strip("/").split("/")[0]
        lang = language(segment if segment in self.preview.langs else self.preview.langs[0])
        state = self.preview.state(site_path(path))
        html = self.templates.environment().get_template("site/errors.html.j2").render(
            lang=lang, errors=state["errors"], edited=state["edited"],
            last_good=f"{path}?{LAST_GOOD}")
        return html.encode("utf-8")

    def _send(self, data: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def end_headers(self) -> None:
        # Every answer fresh: a reload must show the rebuilt file.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the preview prints rebuilds, not every request."""


@click.command()
@root_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@lang_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: ROOT/build/site].")
@click.option("--watch", is_flag=True, help="Rebuild what an edit touches and reload the page.")
@click.option("--downloads/--no-downloads", default=False, show_default=True,
              help="Also make each version's PDF and DOCX (remade when the version changes).")
def serve(root: Path, port: int, langs: str | None, out: Path | None, watch: bool,
          downloads: bool) -> None:
    """Serve the site on 127.0.0.1 (Ctrl-C stops it)."""
    lang_list = chosen_langs(langs)
    target = (out or default_out(root)).absolute()
    preview = Preview(root, target, lang_list, downloads)
    preview.refresh()
    if preview.errors and not watch:
        for line in preview.errors:
            err.print(line, markup=False)
        raise SystemExit(2)
    handler = type("Handler", (PreviewHandler,), {
        "preview": preview, "templates": Templates(template_dir(root))})
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(target)))
    except OSError as exc:  # say which address: the port may be taken
        raise OSError(exc.errno, exc.strerror, f"127.0.0.1:{port}") from exc
    server.daemon_threads = True
    stop = threading.Event()
    if watch:
        threading.Thread(target=preview.watch, args=(stop,), daemon=True).start()
    err.print(f"serving {target} on http://127.0.0.1:{server.server_port}/ (Ctrl-C stops)",
              markup=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
