"""Writing a suite: atomic, replacing only a suite directory, cleaning what an interrupted run left."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.data.replace_dir import clean_leftovers
from bench.data.suite import writer
from bench.data.suite.build import MARKER
from bench.data.suite.load import load_suite
from bench.data.suite.writer import write_suite
from bench.errors import InputError


def test_build_writes_atomically_and_refuses_a_full_directory(tmp_path):
    target = tmp_path / "suite"
    write_suite(target, 3, per_capability=1)
    assert load_suite(target).name == "capabilities" and (target / MARKER).is_file()
    with pytest.raises(InputError, match="exists and is not empty"):
        write_suite(target, 4, per_capability=1)
    write_suite(target, 4, force=True, per_capability=1)
    assert json.loads((target / "capabilities.json").read_text())["seed"] == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["suite"]


def test_an_empty_directory_is_filled_without_force(tmp_path):
    (tmp_path / "suite").mkdir()
    write_suite(tmp_path / "suite", 3, per_capability=1)
    assert (tmp_path / "suite" / MARKER).is_file()


def test_force_replaces_only_a_suite(tmp_path):
    """A mistyped -o with --force must not delete someone's work: without the marker nothing is touched."""
    work = tmp_path / "thesis"
    work.mkdir()
    (work / "chapter1.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(InputError, match=r"was not written by 'bench suite build' \(no \.bench-suite\); "
                                         r"refusing to replace it"):
        write_suite(work, 3, force=True, per_capability=1)
    assert [p.name for p in work.iterdir()] == ["chapter1.txt"]
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="exists and is not a directory"):
        write_suite(afile, 3, force=True, per_capability=1)


def test_the_command_refuses_a_foreign_directory_in_one_line(cli, tmp_path):
    work = tmp_path / "notes"
    work.mkdir()
    (work / "a.txt").write_text("mine", encoding="utf-8")
    result = cli("suite", "build", "--seed", "3", "-o", work, "--force")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {work}: --output: was not written by 'bench suite build' (no .bench-suite); "
                             "refusing to replace it\n")


def _dead_pid() -> int:
    """The id of a process that has ended (a child we started and waited for)."""
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                             check=True)
    return int(process.stdout)


def test_leftovers_of_an_interrupted_replace_are_removed_on_the_next_run(tmp_path):
    target = tmp_path / "suite"
    dead = _dead_pid()
    for stage in ("replaced", "building"):
        leftover = tmp_path / f".suite.{stage}-{dead}"
        leftover.mkdir()
        (leftover / MARKER).write_text("", encoding="utf-8")
    unmarked = tmp_path / f".suite.replaced-{dead + 1}"
    unmarked.mkdir()  # not ours (no marker): left alone
    write_suite(target, 3, per_capability=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [unmarked.name, "suite"]


def test_a_running_process_keeps_its_staging_directory(tmp_path):
    import os

    mine = tmp_path / f".suite.building-{os.getppid()}"  # our parent is alive
    mine.mkdir()
    (mine / MARKER).write_text("", encoding="utf-8")
    assert clean_leftovers(tmp_path / "suite", MARKER) == [] and mine.is_dir()


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    calls = []

    def failing_write(self, data):
        calls.append(self)
        if len(calls) > 5:
            raise OSError(28, "No space left on device")
        return Path.write_text(self, data.decode("utf-8"), encoding="utf-8")

    monkeypatch.setattr(writer.Path, "write_bytes", failing_write)
    with pytest.raises(InputError, match=r"suite: --output: cannot write the suite: No space left on device"):
        write_suite(tmp_path / "suite", 3, per_capability=1)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_replace_keeps_the_old_suite(tmp_path, monkeypatch):
    target = tmp_path / "suite"
    write_suite(target, 3, per_capability=1)
    before = (target / "capabilities.json").read_bytes()
    original = Path.rename

    def failing_rename(self, destination):
        if ".building-" in self.name:
            raise OSError(5, "Input/output error")
        return original(self, destination)

    monkeypatch.setattr(writer.Path, "rename", failing_rename)
    with pytest.raises(InputError, match="cannot write the suite: Input/output error"):
        write_suite(target, 4, force=True, per_capability=1)
    assert (target / "capabilities.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["suite"]
