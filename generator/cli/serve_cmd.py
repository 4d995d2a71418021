"""`legalgen serve`: the site on 127.0.0.1; with `--watch`, rebuilt and reloaded on every edit.

Reads: the project, then (with `--watch`) its files as they change. Writes: the site under
`--out`; serves it with the standard library's threaded HTTP server, adding to each page the
small script that reloads it (`templates/site/live.js`) and, while the project has errors, an
error page in place of every page, the last good text one click away (`?last-good`).

Only regular files inside the site's folder are served, their paths resolved (a link leading
out of it is not found). Every request that fails is answered (400, 404, 500) and every failure
— a malformed request, a client that goes away — is one line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import mimetypes
import shutil
import sys
import threading
from contextlib import suppress
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import click

from ..build.files import template_dir
from ..build.live import Preview
from ..build.site import default_out
from ..i18n import tr
from ..lang import language
from ..regular_files import is_regular, open_regular
from ..writers.shared.templates import Templates
from .common import chosen_langs, err, lang_option, root_option

LIVE = "/_legalgen/"
LIVE_SCRIPT = b'<script src="/_legalgen/live.js"></script>'
LAST_GOOD = "last-good"
# The errors a client that went away makes the server meet.
GONE = (ConnectionError, TimeoutError)


def site_path(url_path: str) -> str:
    """The site path a URL's path names: "/kk/" → "kk/index.html"."""
    path = unquote(url_path).lstrip("/")
    return f"{path}index.html" if not path or path.endswith("/") else path


def log(line: str) -> None:
    """One line on stderr, whatever the client sent (control characters escaped)."""
    shown = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in line)
    err.print(f"serve: {shown}", markup=False)


class BadRequest(Exception):
    """A request legalgen answers with 400."""


class PreviewHandler(BaseHTTPRequestHandler):
    """Serves the site's folder, the preview's state and script, and the error page."""

    preview: Preview
    templates: Templates
    site: Path  # the site's folder, resolved
    error_message_format = "%(code)d %(message)s\n"
    error_content_type = "text/plain; charset=utf-8"

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except GONE as exc:
            self.close_connection = True
            log(f"{self._client()} {self._request()}: the client went away "
                f"({exc.strerror or type(exc).__name__})")

    def finish(self) -> None:
        with suppress(*GONE):  # its request was already told
            super().finish()

    def parse_request(self) -> bool:
        line: bytes = getattr(self, "raw_requestline", b"")
        if not line.endswith(b"\n"):  # the client stopped in the middle of it
            self.command, self.request_version = "", self.default_request_version
            self.requestline = line.decode("iso-8859-1")
            self.close_connection = True
            self.send_error(HTTPStatus.BAD_REQUEST, "the request ended before its first line did")
            return False
        return super().parse_request()

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        try:
            self._route(with_body)
        except GONE:
            raise
        except BadRequest as exc:
            self.send_error(HTTPStatus.BAD_REQUEST, str(exc))
        except Exception as exc:  # a page that cannot be made: said, and the server goes on
            self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR,
                            f"{type(exc).__name__}: {exc}".splitlines()[0])

    def _route(self, with_body: bool) -> None:
        url = urlsplit(self.path)
        if url.path == f"{LIVE}state.json":
            page = site_path(parse_qs(url.query).get("page", ["/"])[0])
            self._send(json.dumps(self.preview.state(page)).encode(), "application/json",
                       with_body)
        elif url.path == f"{LIVE}live.js":
            script = self.templates.find("site/live.js")
            if script is None:
                raise FileNotFoundError("site/live.js")
            self._send(script.read_bytes(), "text/javascript", with_body)
        else:
            self._send_file(url.path, LAST_GOOD in url.query, with_body)

    def _send_file(self, url_path: str, last_good: bool, with_body: bool) -> None:
        file = self._site_file(url_path)
        if file is None:
            self.send_error(HTTPStatus.NOT_FOUND)
        elif file.suffix == ".html" and self.preview.errors and not last_good:
            self._send(self._error_page(url_path), "text/html; charset=utf-8", with_body)
        elif file.suffix == ".html":
            with open_regular(file) as handle:
                html = handle.read()
            at = html.rfind(b"</body>")
            html = html[:at] + LIVE_SCRIPT + html[at:] if at >= 0 else html + LIVE_SCRIPT
            self._send(html, "text/html; charset=utf-8", with_body)
        else:
            with open_regular(file) as handle:
                size = handle.seek(0, 2)
                handle.seek(0)
                self._headers(mimetypes.guess_type(file.name)[0] or "application/octet-stream",
                              size)
                if with_body:
                    shutil.copyfileobj(handle, self.wfile)

    def _site_file(self, url_path: str) -> Path | None:
        """The regular file inside the site's folder a URL's path names, its links resolved;
        None when there is none there (or it leads out)."""
        try:
            text = unquote(url_path, errors="strict")
        except UnicodeDecodeError:
            raise BadRequest("the path is not UTF-8") from None
        if "\x00" in text:
            raise BadRequest("a NUL character in the path")
        parts = [part for part in text.split("/") if part not in ("", ".")]
        if ".." in parts:
            return None
        path = self.site.joinpath(*parts)
        try:
            if path.is_dir():
                path = path / "index.html"
            real = path.resolve()
        except (OSError, RuntimeError):  # a link loop
            return None
        return real if real.is_relative_to(self.site) and is_regular(real) else None

    def _error_page(self, path: str) -> bytes:
        segment = path.strip("/").split("/")[0]
        lang = language(segment if segment in self.preview.langs else self.preview.langs[0])
        state = self.preview.state(site_path(path))
        html = self.templates.render("site/errors.html.j2", lang=lang, errors=state["errors"],
                                     edited=state["edited"], last_good=f"{path}?{LAST_GOOD}")
        return html.encode("utf-8")

    def _send(self, data: bytes, content_type: str, with_body: bool) -> None:
        self._headers(content_type, len(data))
        if with_body:
            self.wfile.write(data)

    def _headers(self, content_type: str, length: int) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def end_headers(self) -> None:
        # Every answer fresh: a reload must show the rebuilt file.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _client(self) -> str:
        return str(self.client_address[0]) if self.client_address else "?"

    def _request(self) -> str:
        return f'"{getattr(self, "requestline", "")}"'

    def log_error(self, format: str, *args: Any) -> None:
        """One line for every request that failed: the client, the request and the answer."""
        log(f"{self._client()} {self._request()}: {format % args}")

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the preview prints rebuilds and failures, not every request."""


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A failure outside a request's handling: one line, no traceback."""
        failure = sys.exc_info()[1]
        log(f"{client_address[0] if client_address else '?'}: "
            f"{type(failure).__name__}: {failure}")


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
    templates = Templates(template_dir(root))
    target.mkdir(parents=True, exist_ok=True)
    handler = type("Handler", (PreviewHandler,), {
        "preview": preview, "templates": templates, "site": target.resolve()})
    try:
        server = PreviewServer(("127.0.0.1", port), handler)
    except OSError as exc:  # say which address: the port may be taken
        raise OSError(exc.errno, exc.strerror, f"127.0.0.1:{port}") from exc
    stop = threading.Event()
    if watch:
        threading.Thread(target=preview.watch, args=(stop,), daemon=True).start()
    err.print(tr("serving {target} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
                 target=target, port=server.server_port),
              markup=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
