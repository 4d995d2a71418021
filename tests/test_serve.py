"""`legalgen serve` under malformed requests and clients that go away, and the live preview's
watcher under folders that vanish and come back: every failure is answered and told in one
line, no traceback, the server goes on, and the next edit still shows."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build.live import Preview
from tests.fixtureutil import copy_fixture, edit

LINE_WAIT = 10.0  # seconds a log line may take to come
QUIET = 0.5  # after it, no second line may come in this long


class Server:
    """`legalgen serve` in a process of its own, its stderr read line by line."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", "0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        first = self.next_line(120)
        assert first.startswith("serving "), first
        self.port = int(first.rsplit(":", 1)[1].split("/")[0])

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def next_line(self, timeout: float = LINE_WAIT) -> str:
        line = self.lines.get(timeout=timeout)
        self.seen.append(line)
        return line

    def no_more_lines(self) -> None:
        time.sleep(QUIET)
        extra = []
        while not self.lines.empty():
            extra.append(self.lines.get())
        self.seen += extra
        assert not extra, extra

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=30)

    def ask(self, raw: bytes) -> bytes:
        """Send `raw`, read the whole answer."""
        with self.connect() as sock:
            sock.sendall(raw)
            return read_all(sock)


def read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    root = copy_fixture(tmp_path_factory.mktemp("serve"))
    running = Server(root)
    site = root / "build" / "site"
    (site / "link-out").symlink_to("/etc")
    os.mkfifo(site / "fifo.html")
    (site / "latin1.html").write_bytes(b"<html><body>caf\xe9 \xff\xfe</body></html>")
    (site / "big.bin").write_bytes(b"\0" * (64 * 1024 * 1024))
    # The preview's script, which the project may override, made a link leading out: a page
    # that cannot be made (500).
    (root / "templates" / "site").mkdir(parents=True)
    (root / "templates" / "site" / "live.js").symlink_to("/etc/passwd")
    yield running
    running.process.terminate()
    running.process.wait(timeout=30)
    assert "Traceback" not in "\n".join(running.seen)


MALFORMED = [
    (b"GET /%00 HTTP/1.0\r\n\r\n", b"400", "NUL"),
    (b"GET /kk/%ff%fe.html HTTP/1.0\r\n\r\n", b"400", "not UTF-8"),
    (b"GARBAGE\r\n\r\n", b"400", "Bad request"),
    (b"GET / HTTP/9.9\r\n\r\n", b"505", "version"),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n", b"414", "414"),
    (b"GET /../../etc/passwd HTTP/1.0\r\n\r\n", b"404", "404"),
    (b"GET /link-out/passwd HTTP/1.0\r\n\r\n", b"404", "404"),
    (b"GET /link-out/hostname HTTP/1.0\r\n\r\n", b"404", "404"),
    (b"GET /fifo.html HTTP/1.0\r\n\r\n", b"404", "404"),
    (b"GET /kk/no-such-page.html HTTP/1.0\r\n\r\n", b"404", "404"),
    (b"DELETE /kk/ HTTP/1.0\r\n\r\n", b"501", "DELETE"),
    (b"GET /_legalgen/live.js HTTP/1.0\r\n\r\n", b"500", "link leading out"),
]


@pytest.mark.parametrize(("raw", "status", "words"), MALFORMED,
                         ids=[raw[:24].decode("latin-1") for raw, _, _ in MALFORMED])
def test_a_malformed_request_is_answered_and_told_in_one_line(server, raw, status, words):
    answer = server.ask(raw)
    assert status in answer.split(b"\r\n")[0] or answer.startswith(status), answer[:200]
    line = server.next_line()
    assert line.startswith("serve: 127.0.0.1") and words in line, line
    server.no_more_lines()
    assert server.process.poll() is None


def test_a_page_that_is_not_utf8_is_served_as_it_is(server):
    answer = server.ask(b"GET /latin1.html HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 200") and b"caf\xe9" in answer
    assert b"/_legalgen/live.js" in answer
    server.no_more_lines()


def test_a_client_gone_in_the_middle_of_an_answer_is_one_line(server):
    sock = server.connect()
    sock.sendall(b"GET /big.bin HTTP/1.0\r\n\r\n")
    sock.recv(1024)  # the answer has begun
    # Close at once with a reset, the answer far from sent.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()
    line = server.next_line()
    assert "the client went away" in line and "/big.bin" in line, line
    server.no_more_lines()


def test_a_client_gone_before_its_request_ended_is_one_line(server):
    with server.connect() as sock:
        sock.sendall(b"GET /kk/ HTTP/1.0")
        sock.shutdown(socket.SHUT_WR)
        read_all(sock)
    line = server.next_line()
    assert "400" in line and "ended before its first line did" in line, line
    server.no_more_lines()


def test_the_server_still_serves_after_all_that(server):
    answer = server.ask(b"GET /kk/ HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 200")
    server.no_more_lines()


# --- The watcher -----------------------------------------------------------------------------

# 5 s of races in `make test`; `make check` (LEGALGEN_FUZZ=quick, its fast profile) takes 1.5.
CHURN_SECONDS = 1.5 if os.environ.get("LEGALGEN_FUZZ") == "quick" else 5.0


def _churn(root: Path, stop: threading.Event) -> int:
    """Folders removed and made again, as `git checkout` and atomic saves do, until `stop`."""
    backup = root.parent / "backup"
    shutil.copytree(root / "content", backup / "content")
    shutil.copytree(root / "amendments", backup / "amendments")
    rounds = 0
    while not stop.is_set():
        for name in ("content/kk", "amendments", "content"):
            shutil.rmtree(root / name)
            time.sleep(0.01)
            shutil.copytree(backup / name, root / name)
        (root / "content" / "ru").rename(root / "content" / "ru-moved")
        (root / "content" / "ru-moved").rename(root / "content" / "ru")
        rounds += 1
    return rounds


def test_the_watcher_survives_folders_vanishing_and_shows_the_next_edit(tmp_path):
    root = copy_fixture(tmp_path)
    out = tmp_path / "site"
    preview = Preview(root, out, ["kk", "ru"], downloads=False)
    preview.refresh()
    assert preview.errors == []
    stop, done = threading.Event(), threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(done, 0.02), daemon=True)
    watcher.start()
    rounds: list[int] = []
    churner = threading.Thread(target=lambda: rounds.append(_churn(root, stop)))
    churner.start()
    time.sleep(CHURN_SECONDS)
    stop.set()
    churner.join()
    assert rounds and rounds[0] > CHURN_SECONDS, "the folders came and went many times"
    edit(root / "content/kk/01-resolution.yaml", "шаралар қабылдасын.",
         "шаралар дереу қабылдасын.")
    page = out / "kk" / "2016-01-01.html"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if preview.errors == [] and "шаралар дереу" in page.read_text(encoding="utf-8"):
            break
        time.sleep(0.1)
    assert watcher.is_alive(), "the watcher went on through every race"
    done.set()
    watcher.join(timeout=60)
    assert "шаралар дереу" in page.read_text(encoding="utf-8"), preview.errors
    assert preview.errors == []
