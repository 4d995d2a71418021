"""Benchmark: a workspace of many documents built by the local pool and by a Dask cluster.

Writes a synthetic workspace (bench_consolidate's generator, `--documents` documents of
`--sections` sections each, in kk and ru, each with its own acts and a repeal, and one record
amending the first two documents at once), loads it once (the project cache then holds every
document, as after any earlier command), and builds the HTML of every document's latest version
(`build --as-of latest --format html --force`, a task per document and language) twice each,
alternating: with the local pool (`--jobs 2`) and on a Dask cluster of two single-threaded
worker processes started beforehand on 127.0.0.1 (`--scheduler`; starting a cluster is not part
of a build). The two builds must write the same bytes.

Prints each build's wall seconds (the best of its rounds), the machine's load average, and:
- the ratio of the Dask build's wall time to the local one's (target ≤ 1.15);
- the Dask overhead per task, measured on the same cluster: as many tasks as the build has,
  each doing nothing but return 50 KB (about an HTML output), submitted and collected as the
  Dask executor does — wall × workers / tasks (target ≤ 20 ms); and, for comparison, the
  worker time the Dask build spends beyond the local build's, (Dask wall − local wall) ×
  workers / tasks (negative: the Dask build was the faster);
- the peak resident memory of each Dask worker (its own `ru_maxrss`).
Exits 1 when a target is missed or the bytes differ.
Run: .venv/bin/python bench/bench_corpus.py [--documents 200] [--sections 2] [--rounds 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import LEGALGEN, ROOT, private_cache
from bench_consolidate import ADOPTED, write_amendments, write_content

RATIO_TARGET = 1.15
OVERHEAD_TARGET_MS = 20.0
WORKERS = 2
STARTED = 120.0  # seconds a loaded machine may take to start the cluster
OUTPUT_BYTES = 50_000


def write_workspace(root: Path, documents: int, sections: int) -> list[str]:
    ids = [f"doc-{index:04d}" for index in range(1, documents + 1)]
    for index, doc in enumerate(ids):
        home = root / "documents" / doc
        write_content(home, sections)
        write_amendments(home, sections, acts=3, seed=index)
        for lang in ("kk", "ru"):
            manifest = home / "content" / lang / "manifest.yaml"
            data = json.loads(manifest.read_text("utf-8"))
            data["document"]["id"] = doc
            manifest.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        repeal = home / "amendments" / "repeal.yaml"
        repeal.write_text(repeal.read_text("utf-8").replace('"synthetic"', json.dumps(doc)),
                          "utf-8")
    (root / "legalgen.yaml").write_text(json.dumps({"documents": ids}), "utf-8")
    signed = ADOPTED.replace(year=ADOPTED.year + 1)
    grouped = {"act": {"type": "resolution", "issuer": "government", "number": "shared",
                       "date": signed.isoformat(), "in_force": "on_signing",
                       "title": {"kk": "А", "ru": "Б"}},
               "documents": {doc: {"changes": [{"target": "para_2", "action": "delete"}]}
                             for doc in ids[:2]}}
    (root / "amendments").mkdir()
    (root / "amendments" / "shared.yaml").write_text(json.dumps(grouped, ensure_ascii=False),
                                                     "utf-8")
    return ids


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_cluster(env: dict[str, str], folder: Path) -> tuple[str, list[subprocess.Popen[bytes]]]:
    dask = str(Path(sys.executable).parent / "dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env,
             "cwd": folder}
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port",
                                   str(port), "--no-dashboard", "--no-show"], **quiet)]
    processes += [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--host",
                                    "127.0.0.1", "--no-dashboard"], **quiet)
                  for _ in range(WORKERS)]
    from distributed import Client

    with Client(address, timeout=STARTED) as client:
        client.wait_for_workers(WORKERS, timeout=STARTED)
    return address, processes


def timed_build(root: Path, out: Path, env: dict[str, str], *options: str) -> float:
    command = [*LEGALGEN, "build", "--root", str(root), "--as-of", "latest", "--format", "html",
               "--force", "--out", str(out), *options]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return wall


def digests(out: Path) -> dict[str, str]:
    return {str(path.relative_to(out)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(out.rglob("*"))
            if path.is_file() and ".cache" not in path.relative_to(out).parts}


def overhead_ms(address: str, tasks: int) -> float:
    """Per task, the workers' time a task costs beyond its own work: empty tasks returning
    50 KB, submitted one by one and collected as they complete."""
    from distributed import Client, as_completed

    with Client(address, timeout=STARTED) as client:
        start = time.perf_counter()
        futures = [client.submit(bytes, OUTPUT_BYTES, pure=False, key=f"noop-{index}")
                   for index in range(tasks)]
        for future in as_completed(futures):
            future.result()
        wall = time.perf_counter() - start
    return wall * WORKERS / tasks * 1000


def worker_peaks_mib(address: str) -> list[float]:
    from distributed import Client

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with Client(address, timeout=STARTED) as client:
        return sorted(client.run(peak).values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--sections", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="legalgen-bench-") as folder:
        base = Path(folder)
        root = base / "workspace"
        ids = write_workspace(root, args.documents, args.sections)
        env = {**private_cache(base / "cache"), "PYTHONPATH": str(ROOT)}
        subprocess.run([*LEGALGEN, "validate", "--root", str(root)], env=env, cwd=ROOT,
                       capture_output=True, check=True)  # the project cache filled
        address, cluster = start_cluster(env, base)
        try:
            load_before = os.getloadavg()
            local, remote = [], []
            for _ in range(args.rounds):
                local.append(timed_build(root, base / "local", env, "--jobs", str(WORKERS)))
                remote.append(timed_build(root, base / "dask", env, "--scheduler", address))
            per_task = overhead_ms(address, len(ids) * 2)
            load_after = os.getloadavg()
            peaks = worker_peaks_mib(address)
        finally:
            for process in cluster:
                process.kill()
                process.wait()
        same = digests(base / "local") == digests(base / "dask")
    tasks = len(ids) * 2
    best_local, best_dask = min(local), min(remote)
    ratio = best_dask / best_local
    beyond_local_ms = (best_dask - best_local) * WORKERS / tasks * 1000
    print(f"workspace: {len(ids)} documents × 2 languages = {tasks} tasks (HTML, latest); "
          f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print(f"local --jobs {WORKERS}: " + ", ".join(f"{wall:.2f}" for wall in local) + " s")
    print(f"dask {WORKERS} workers × 1 thread: " + ", ".join(f"{wall:.2f}" for wall in remote)
          + " s")
    print(f"ratio dask/local: {ratio:.3f} (target ≤ {RATIO_TARGET})")
    print(f"dask overhead per task: {per_task:.1f} ms (target ≤ {OVERHEAD_TARGET_MS:.0f} ms); "
          f"the build's worker time beyond the local one's: {beyond_local_ms:.1f} ms per task")
    print("peak memory per dask worker: " + ", ".join(f"{peak:.0f} MiB" for peak in peaks))
    print(f"same bytes: {'yes' if same else 'NO'}")
    missed = ratio > RATIO_TARGET or per_task > OVERHEAD_TARGET_MS or not same
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
