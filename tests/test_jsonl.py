"""JSONL reading errors name the line; writes are atomic."""

from __future__ import annotations

import pytest

from bench.data.jsonl import atomic_writer, iter_jsonl, read_json
from bench.errors import InputError


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"a": 1}\n[1, 2]\n', "f.jsonl:2: expected a JSON object, got list"),
        (b'{"a": 1}\n{"a": NaN}\n', "f.jsonl:2: invalid JSON: NaN is not valid JSON"),
        (b'{"a": 1}\n\n{"a": \n', "f.jsonl:3: invalid JSON: Expecting value"),
        (b'\xff\xfe{"a": 1}\n', "f.jsonl:1: not UTF-8 (byte 0)"),
        (b'{"a": 1}\n{"a": "x\\ud800"}\n', "f.jsonl:2: a string holds a lone surrogate (\\ud800-\\udfff), not valid Unicode"),
        (b'{"a": "\\uDC00"}\n', "f.jsonl:1: a string holds a lone surrogate (\\ud800-\\udfff), not valid Unicode"),
        (b'{"\\uDBFF": 1}\n', "f.jsonl:1: a string holds a lone surrogate (\\ud800-\\udfff), not valid Unicode"),
        ('{"a": "“quoted” \\ud800"}\n'.encode(), "f.jsonl:1: a string holds a lone surrogate (\\ud800-\\udfff), not valid Unicode"),
        (b'{"a": 1}\n\xef\xbb\xbf{"a": 2}\n', "f.jsonl:2: invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)"),
    ],
)
def test_bad_lines_are_named(tmp_path, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.jsonl").write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(iter_jsonl("f.jsonl"))
    assert str(caught.value) == message


def test_bom_crlf_and_blank_lines_are_accepted(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}\r\n\r\n{"a": 2}\r\n')
    assert list(iter_jsonl(path)) == [(1, {"a": 1}), (3, {"a": 2})]


def test_a_surrogate_pair_in_either_case_is_one_character(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"a": "\\ud83d\\ude00"}\n{"a": "\\uD83D\\uDE00"}\n')
    assert list(iter_jsonl(path)) == [(1, {"a": "\U0001F600"}), (2, {"a": "\U0001F600"})]


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(InputError, match=r"nope\.json: cannot read: No such file or directory$"):
        read_json(tmp_path / "nope.json")


def test_interrupted_write_leaves_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt):
        with atomic_writer(target) as handle:
            handle.write("partial")
            raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_files_read_whole_must_be_regular_files(tmp_path):
    for path, message in (("/dev/null", "is a device: bench reads regular files only"), (tmp_path, "is a folder, not a file")):
        for read in (read_json, lambda p: list(iter_jsonl(p))):
            with pytest.raises(InputError) as caught:
                read(path)
            assert str(caught.value) == f"{path}: {message}"
    assert list(iter_jsonl("/dev/null", stream=True)) == []  # predictions and documents may be streams
