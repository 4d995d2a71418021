"""Caches that cannot run code: the project cache unpickles only what this user's legalgen sealed
with its private key (build/sealed.py), and the output store reads a record only when it is a
small, flat, regular file."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
from pathlib import Path

import pytest

from generator.build import project_cache, sealed
from generator.build.store import OutputStore, parse_record
from tests.fixtureutil import copy_fixture


class Payload:
    """Makes a folder when unpickled."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return os.mkdir, (self.path,)


@pytest.fixture
def cache(own_user_cache: Path) -> Path:
    return project_cache.cache_folder()


def plant(root: Path, data: bytes) -> Path:
    path = project_cache.cache_folder() / f"{project_cache.input_key(root)}.pickle"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("seal", ["none", "sha256", "another key"])
def test_a_pickle_not_sealed_with_the_users_key_is_never_unpickled(tmp_path, cache, seal):
    root = copy_fixture(tmp_path)
    body = pickle.dumps(Payload(tmp_path / "pwned"))
    data = {"none": body, "sha256": hashlib.sha256(body).digest() + body,
            "another key": hmac.digest(b"k" * 32, body, "sha256") + body}[seal]
    planted = plant(root, data)
    project = project_cache.load_project_cached(root)
    assert not (tmp_path / "pwned").exists(), "the planted pickle ran"
    assert project.acts and planted.read_bytes() != data, "read from the files, and kept sealed"
    assert project_cache.load_project_cached(root).documents["kk"].units == \
        project.documents["kk"].units


def test_the_key_is_the_users_alone(tmp_path, cache):
    project_cache.load_project_cached(copy_fixture(tmp_path))
    key = cache / sealed.KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == sealed.KEY_SIZE
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    kept = list(cache.glob("*.pickle"))
    assert len(kept) == 1 and stat.S_IMODE(kept[0].stat().st_mode) & 0o077 == 0


@pytest.mark.parametrize("spoil", ["readable by others", "a link", "too short",
                                   "another user's"])
def test_a_key_that_is_not_the_users_private_file_means_no_cache(tmp_path, cache, spoil):
    cache.mkdir(parents=True)
    key = cache / sealed.KEY_FILE
    if spoil == "a link":
        (tmp_path / "elsewhere.key").write_bytes(b"k" * sealed.KEY_SIZE)
        (tmp_path / "elsewhere.key").chmod(0o600)
        key.symlink_to(tmp_path / "elsewhere.key")
    else:
        key.write_bytes(b"k" * (sealed.KEY_SIZE if spoil != "too short" else 5))
        key.chmod(0o644 if spoil == "readable by others" else 0o600)
    if spoil == "another user's":
        if os.geteuid() != 0:
            pytest.skip("giving a file to another user needs root")
        os.chown(key, 65534, 65534)
    root = copy_fixture(tmp_path)
    body = pickle.dumps(Payload(tmp_path / "pwned"))
    plant(root, hmac.digest(b"k" * sealed.KEY_SIZE, body, "sha256") + body)
    assert project_cache.load_project_cached(root).acts
    assert not (tmp_path / "pwned").exists()
    assert sealed.signing_key(cache) is None


def test_a_sealed_file_opens_only_with_its_key():
    key, other = b"a" * 32, b"b" * 32
    data = sealed.seal(key, b"body")
    assert sealed.unsealed(key, data) == b"body"
    assert sealed.unsealed(other, data) is None
    assert sealed.unsealed(key, data[:-1]) is None
    assert sealed.unsealed(key, b"") is None


# --- Output records ---------------------------------------------------------------------------

def test_a_record_nesting_anything_is_refused_before_it_is_parsed():
    assert parse_record(b'{"key": "a[{", "sha256": "b"}') == {"key": "a[{", "sha256": "b"}
    with pytest.raises(ValueError):
        parse_record(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(ValueError):
        parse_record(b'{"key": {"a": 1}}')


def test_a_record_that_is_no_small_regular_file_is_no_record(tmp_path):
    store = OutputStore(tmp_path)
    key = "ab" + "0" * 62
    store.record(key, "f" * 64)
    assert store.recorded_digest(key) == "f" * 64
    record = tmp_path / ".cache" / "outputs" / "ab" / f"{key}.json"
    record.write_text(" " * 5000 + f'{{"key": "{key}", "sha256": "{"f" * 64}"}}')
    assert store.recorded_digest(key) is None
    record.unlink()
    os.mkfifo(record)
    assert store.recorded_digest(key) is None  # read without blocking
