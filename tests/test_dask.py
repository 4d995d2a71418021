"""Builds on a Dask cluster: a real scheduler and two worker processes on 127.0.0.1 render the
workspace fixture (tests/workspaceutil.py: two documents of the corpus, tasks per document,
version, language and format), and the bytes are a local build's; a worker killed in the
middle of a build costs its task a second render elsewhere (or fails the build cleanly, exit 3,
with nothing written).

Full tier: starting a cluster takes a few seconds of CPU. The build runs in a process of its own,
as a drafter runs it; the test's own process talks to the scheduler only to find the worker to
kill.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, legalgen

distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed "
                                  "(pip install -e '.[test]')")

pytestmark = pytest.mark.full

BUILD = ("build", "--format", "html", "--as-of", "latest")
STARTED = 60.0  # seconds a cluster's processes may take to start on a loaded machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dask_command(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "dask"), *args]


class Cluster:
    """A scheduler and two single-threaded worker processes, each under its nanny (which starts
    it again when it dies)."""

    def __init__(self, folder: Path) -> None:
        self.address = f"tcp://127.0.0.1:{free_port()}"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        port = self.address.rsplit(":", 1)[1]
        self.scheduler = subprocess.Popen(
            dask_command("scheduler", "--host", "127.0.0.1", "--port", port,
                         "--no-dashboard", "--no-show"),
            env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.workers = [subprocess.Popen(
            dask_command("worker", self.address, "--nthreads", "1", "--host", "127.0.0.1",
                         "--no-dashboard"),
            env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(2)]
        with self.client() as client:
            client.wait_for_workers(2, timeout=STARTED)

    def client(self) -> distributed.Client:
        return distributed.Client(self.address, timeout=STARTED)

    def stop(self) -> None:
        for process in (*self.workers, self.scheduler):
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    running = Cluster(tmp_path_factory.mktemp("dask-cluster"))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def local_build(workspace, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("local-build")
    result = legalgen(*BUILD, "--out", str(out), "--jobs", "2", root=workspace)
    assert result.returncode == 0, result.stderr
    return digests(out)


def digests(out: Path) -> dict[str, str]:
    """Each output's SHA-256 by its path (the store's records left out)."""
    return {str(path.relative_to(out)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(out.rglob("*"))
            if path.is_file() and ".cache" not in path.relative_to(out).parts}


def test_a_dask_cluster_writes_the_bytes_of_a_local_build(workspace, cluster, local_build,
                                                          tmp_path):
    out = tmp_path / "out"
    result = legalgen(*BUILD, "--out", str(out), "--scheduler", cluster.address, root=workspace)
    assert result.returncode == 0, result.stderr
    assert digests(out) == local_build
    assert len(local_build) == 4  # two documents in two languages


def test_a_worker_killed_mid_build_costs_a_render_not_the_build(workspace, cluster, local_build,
                                                                tmp_path):
    out = tmp_path / "out"
    with cluster.client() as client:
        client.restart()  # workers that hold no project yet: each task starts by loading it
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", *BUILD, "--out", str(out), "--scheduler",
         cluster.address, "--root", str(workspace)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = kill_a_busy_worker(cluster)
    _, stderr = build.communicate(timeout=300)
    assert killed, "no worker was seen rendering"
    if build.returncode == 0:
        assert digests(out) == local_build
    else:
        assert build.returncode == 3, stderr
        assert "Traceback" not in stderr
        assert not out.exists() or digests(out) == {}


def kill_a_busy_worker(cluster: Cluster) -> bool:
    """Kill the worker process that renders a task first (its nanny starts another); False
    when none was seen busy."""
    with cluster.client() as client:
        deadline = time.monotonic() + STARTED
        while time.monotonic() < deadline:
            busy = [address for address, keys in client.processing().items()
                    if any(str(key).startswith("legalgen-") for key in keys)]
            if busy:
                pids = client.run(os.getpid, workers=busy[:1])
                os.kill(pids[busy[0]], signal.SIGKILL)
                return True
            time.sleep(0.05)
    return False
