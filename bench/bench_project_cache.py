"""Benchmark: what reading the loaded project back from the cache costs in each safe format.

Loads the repository's project once, then times, in this process (CPU seconds, best of several
rounds): reading the sealed pickle back (HMAC-SHA256 under the user's key, then unpickling — the
format the cache uses), the same pickle behind a plain SHA-256 (the format before, which anyone
could write: the floor the seal adds to), and parsing the project as JSON (the model dumped as
plain data — only `json.loads`, without making the model's objects again, so a lower bound of
any data format that needs no code of its own to read). Prints each and the seal's cost over
the floor (target: at most 1.10), and JSON against the sealed pickle. Exits 1 over target.
Run: .venv/bin/python bench/bench_project_cache.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _measure import ROOT, verdict

from generator.build.sealed import seal, unsealed
from generator.load import load_project

ROUNDS = 15
TARGET_RATIO = 1.10
KEY = b"k" * 32


def plain_data(value: Any) -> Any:
    """The project as JSON can hold it: each object as a mapping of its fields and its type."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"type": type(value).__name__,
                **{field.name: plain_data(getattr(value, field.name))
                   for field in dataclasses.fields(value)}}
    if isinstance(value, dict):
        return {str(key): plain_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain_data(item) for item in value]
    if isinstance(value, dt.date | Path):
        return str(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return repr(value)


def best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    project = load_project(ROOT)
    body = pickle.dumps(project, protocol=pickle.HIGHEST_PROTOCOL)
    sealed = seal(KEY, body)
    digested = hashlib.sha256(body).digest() + body
    text = json.dumps(plain_data(project), ensure_ascii=False)

    def read_sealed() -> object:
        return pickle.loads(unsealed(KEY, sealed) or b"")

    def read_digested() -> object:
        assert hashlib.sha256(digested[32:]).digest() == digested[:32]
        return pickle.loads(digested[32:])

    sealed_time, floor, json_time = best(read_sealed), best(read_digested), best(
        lambda: json.loads(text))
    ratio = sealed_time / floor
    print(f"CPU seconds, best of {ROUNDS}, {len(body) / 1e6:.2f} MB of pickle, "
          f"{len(text.encode()) / 1e6:.2f} MB of JSON: sealed pickle {sealed_time:.4f}, "
          f"pickle behind SHA-256 {floor:.4f}, json.loads alone {json_time:.4f} "
          f"({json_time / sealed_time:.2f}x the sealed pickle, before any object is made)")
    print(f"the seal's cost: ratio {ratio:.2f} (target at most {TARGET_RATIO:.2f}): "
          f"{verdict(ratio, TARGET_RATIO)}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
