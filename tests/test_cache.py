"""The build cache: sealed with a key only this user holds, so a cache from elsewhere never runs."""

from __future__ import annotations

import marshal
import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

from readouts import cache, seal
from readouts.cli import main

MOFA = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"


class _Payload:
    """Unpickling this writes a file: what a cache from someone else could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@pytest.fixture
def built_site(built_demo: Path, tmp_path: Path) -> Path:
    root = tmp_path / "built"
    shutil.copytree(built_demo, root, symlinks=True)
    return root


def _change(root: Path) -> None:
    path = root / "content" / "readouts" / f"{MOFA}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Japan-Russia Foreign Ministers’ Meeting", "title: A changed title"), encoding="utf-8")


def test_a_cache_file_from_someone_else_is_never_unpickled(built_site: Path, tmp_path: Path, capsys) -> None:
    marker = tmp_path / "ran"
    for part in (built_site / ".readouts-cache").glob("*.pickle"):
        part.write_bytes(pickle.dumps((cache.code_digest(), _Payload(marker))))
    _change(built_site)
    assert main(["--root", str(built_site), "build"]) == 0
    out = capsys.readouterr().out
    assert not marker.exists(), "a cache file this user's readouts did not seal was unpickled"
    assert out.count("were not sealed by readouts for this user on this machine") == 1, out
    assert "A changed title" in (built_site / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")
    # the next build reads the cache it sealed itself, and says nothing of it
    _change(built_site)
    assert main(["--root", str(built_site), "build"]) == 0
    assert "not sealed" not in capsys.readouterr().out


def test_a_compiled_template_from_someone_else_is_never_run(built_site: Path, tmp_path: Path, capsys) -> None:
    import jinja2.bccache

    from readouts.render.env import make_env

    marker = tmp_path / "ran"
    code = compile(f"open({str(marker)!r}, 'w').write('ran')", "<template>", "exec")
    env = make_env(built_site / "templates", built_site / ".readouts-cache" / "templates")
    compiled = env.bytecode_cache
    assert isinstance(compiled, jinja2.FileSystemBytecodeCache)
    # what someone else's cache would hold: each template's file, its source's checksum, their code
    for name in env.list_templates():
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        path = Path(compiled.directory) / (compiled.pattern % compiled.get_cache_key(name, filename))
        path.write_bytes(jinja2.bccache.bc_magic + pickle.dumps(compiled.get_source_checksum(source), 2)
                         + marshal.dumps(code))
    _change(built_site)
    assert main(["--root", str(built_site), "build"]) == 0
    assert not marker.exists(), "a compiled template this user's readouts did not seal was run"
    assert "A changed title" in (built_site / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")


def test_a_cache_sealed_with_another_key_means_a_full_build_and_one_line(built_site: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    seal._key.cache_clear()
    for part in (built_site / ".readouts-cache").glob("*.pickle"):
        part.write_bytes(b"".join(seal.seal(part.read_bytes())))
    monkeypatch.undo()
    seal._key.cache_clear()
    _change(built_site)
    assert main(["--root", str(built_site), "build"]) == 0
    out = capsys.readouterr().out
    assert "warning: " in out and out.count("not sealed by readouts") == 1, out
    assert "error" not in out


def test_the_key_is_made_once_and_only_its_user_can_read_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    seal._key.cache_clear()
    try:
        sealed = b"".join(seal.seal(b"data"))
        key = tmp_path / "xdg" / "readouts" / "cache-key"
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
        seal._key.cache_clear()
        assert seal.unseal(sealed) == b"data", "the key is kept between processes"
        assert seal.unseal(sealed[:-1] + b"x") is None
        assert seal.unseal(b"data") is None
        # a key others could read is no secret: a new one replaces it
        os.chmod(key, 0o644)
        seal._key.cache_clear()
        assert seal.unseal(sealed) is None
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    finally:
        monkeypatch.undo()
        seal._key.cache_clear()


def test_without_a_place_for_the_key_builds_go_on_and_say_why(built_site: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))
    seal._key.cache_clear()
    try:
        _change(built_site)
        assert main(["--root", str(built_site), "build"]) == 0
        out = capsys.readouterr().out
        assert "warning: no key to seal the build cache with" in out, out
    finally:
        monkeypatch.undo()
        seal._key.cache_clear()


def test_a_readouts_body_is_kept_compressed_and_reads_back_the_same() -> None:
    """The bodies were 90 MB of the cache every build read and verified at 10,000 readouts, and
    a build that adds one readout reads a few dozen of them."""
    from readouts.model import Block
    from readouts.packed import Blocks

    items = tuple(Block(f"p{n}", "paragraph", 0, None, f"The ministers discussed the visits of former residents ({n}).",
                        n, None) for n in range(200))
    blocks = Blocks(items)
    packed = pickle.dumps(blocks, pickle.HIGHEST_PROTOCOL)
    assert len(packed) * 3 < len(pickle.dumps(items, pickle.HIGHEST_PROTOCOL))
    again = pickle.loads(packed)
    assert again == blocks and again.items == items and len(again) == 200 and again[5] == items[5]
    assert pickle.dumps(again, pickle.HIGHEST_PROTOCOL) == packed  # read, then saved: not packed again


def test_a_table_kept_in_parts_reads_a_part_when_asked_and_trusts_the_part_over_the_key_list() -> None:
    """A key list left by a build killed between writing a part and the list may name a key the
    part lacks: asking for it costs the work of making it again, never a wrong entry."""
    from readouts.cache_parts import PartedEntries

    files = {"a": {"a1": 1, "a2": 2}, "b": {"b1": 3}}
    read: list[str] = []
    entries: PartedEntries[str, int] = PartedEntries(
        lambda key: key[0], lambda part: (read.append(part), files.get(part))[1], frozenset({"a1", "a2", "b1", "b9"}))
    assert "b9" in entries and len(entries) == 4 and read == []
    assert entries["a1"] == 1 and read == ["a"]
    assert entries.get("b9") is None and "b9" not in entries and read == ["a", "b"]
    mine = entries.copy()
    mine["a3"] = 4
    del mine["a1"]
    assert "a3" not in entries and entries["a1"] == 1
    assert dict(mine.changed_parts()) == {"a": {"a2": 2, "a3": 4}}
    assert not list(entries.changed_parts())
    assert mine.all_keys() == {"a2", "a3", "b1"}


def test_an_entry_rewritten_whole_is_pickled_as_one_marshal_blob_and_a_bad_blob_is_a_damaged_part(
        tmp_path: Path) -> None:
    """The manifest, the related lists and what the pages were planned from are rewritten by
    every add: pickled object by object they took 15–20 ms each to write at 10,000 readouts.
    A blob that does not read back (another Python's marshal) leaves its part out, as any
    damaged part is, rather than failing the build."""
    from readouts.link.changes import GraphState
    from readouts.site_token import SummedManifest

    state = GraphState({"b": "d1", "a": "d2"}, {"a": ("b",)}, {"a": "m"},
                       {"m": (735000, "Tokyo", None, ("p",), ("a",), ())})
    manifest = SummedManifest({"index.html": "f1"}, 2**127 + 3)
    for entry in (state, manifest):
        blob = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
        assert b"_unmarshalled" in blob and pickle.loads(blob) == entry
    assert list(pickle.loads(pickle.dumps(state)).digests) == ["b", "a"]  # the chronology's order kept
    table = cache.CacheTable("planned", cache.unchanged_under_keys)
    good = cache.BuildCache(cache.code_digest(), (table,), {"planned": {"last": state}})
    good.save(tmp_path)
    assert cache.BuildCache.load(tmp_path, (table,)).entries["planned"] == {"last": state}
    bad = pickle.dumps((cache.code_digest(), {"last": _BadBlob()}), pickle.HIGHEST_PROTOCOL)
    part = tmp_path / cache.CACHE_DIR / f"planned-{cache._part('last')}.pickle"
    part.write_bytes(b"".join(seal.seal(bad)))
    assert cache.BuildCache.load(tmp_path, (table,)).entries["planned"] == {}


class _BadBlob:
    """Pickles as a GraphState whose marshal blob does not read back."""

    def __reduce__(self) -> tuple[object, ...]:
        from readouts.link.changes import GraphState

        return cache._unmarshalled, (GraphState, b"\xff not marshal")


def test_saving_summarises_and_writes_only_the_parts_whose_entries_are_other_objects_now(tmp_path: Path) -> None:
    """Summarising every part of every table on each load and save took about 0.05 s of adding
    one readout to 10,000. A part whose every entry equals what its file gave (or the last save
    wrote) is neither summarised nor written; one with a key new, gone or holding an unequal
    value is, and is written only when its summary moved."""
    summarised: list[frozenset[object]] = []

    def versions(part: dict[str, tuple[str, int]]) -> frozenset[object]:
        summary = frozenset((key, entry[0]) for key, entry in part.items())
        summarised.append(summary)
        return summary

    table = cache.CacheTable("versions", versions)
    entries = {f"r{n}": (f"d{n}", n) for n in range(200)}
    cache.BuildCache(cache.code_digest(), (table,), {"versions": dict(entries)}).save(tmp_path)
    folder = tmp_path / cache.CACHE_DIR

    def times() -> dict[str, int]:
        return {path.name: path.stat().st_mtime_ns for path in folder.glob("versions-*.pickle")}

    assert len(times()) == 16  # a cache made from nothing writes every part
    loaded = cache.BuildCache.load(tmp_path, (table,))
    summarised.clear()
    for path in folder.glob("versions-*.pickle"):
        os.utime(path, ns=(0, 0))
    before = times()
    loaded.save(tmp_path)
    assert summarised == [] and times() == before  # nothing touched: nothing summarised or written

    table_now = loaded.entries["versions"]
    table_now["r1"] = ("d", 1)[0] + "1", 1  # another object, an equal one: neither
    table_now["r4"] = ("d4", -4)       # another value, the same summary: summarised, not written
    table_now["r2"] = ("changed", 2)   # another version: written
    table_now["new"] = ("d", 0)        # a new key: its part written
    del table_now["r3"]                # a key gone: its part written
    loaded.save(tmp_path)
    after = times()
    parts = {name: f"versions-{cache._part(key)}.pickle" for name, key in
             (("equal", "r1"), ("changed", "r2"), ("new", "new"), ("gone", "r3"), ("same", "r4"))}
    written = {name for name in after if after[name] != before[name]}
    assert written == {parts["changed"], parts["new"], parts["gone"]}
    touched = {parts[name] for name in ("changed", "new", "gone", "same")}
    assert len(summarised) == 2 * len(touched)  # the touched parts, before and now
    # what the table's rule calls unchanged stays as its file has it
    assert cache.BuildCache.load(tmp_path, (table,)).entries["versions"] == {**table_now, "r4": ("d4", 4)}
