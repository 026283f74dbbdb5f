"""Shared fixtures: a CLI runner and tiny files written for the test."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from bench.cli.main import app

# `mutmut run` (see docs/mutation.md) selects it: fixed examples, so a mutant meets the same inputs each run,
# and no health check or deadline, which tracing and a loaded machine would trip.
settings.register_profile("mutation", derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """On a pytest-xdist worker under --dist loadgroup (pyproject's addopts), warn if the xdist_group marks are lost.

    pytest-xdist groups a test by appending "@GROUP" to its id; with pytest 9.2 and pytest-xdist 3.8 the id does not
    change (pytest-xdist issue 1386), and the grouped tests (Chromium, wall-clock limits, costly module fixtures)
    would run on both workers at once, saying nothing. The test extra pins a pytest without the problem.
    """
    if not getattr(config.option, "loadgroup", False):
        return
    lost = [item.nodeid for item in items
            if item.get_closest_marker("xdist_group") and item.nodeid.rfind("@") <= item.nodeid.rfind("]")]
    if lost:
        warnings.warn(f"pytest-xdist ignored the xdist_group marks of {len(lost)} tests, {lost[0]} first (pytest-xdist "
                      "issue 1386, with pytest 9.2): they may run at once; pip install '.[test]' pins a pytest that works",
                      pytest.PytestWarning, stacklevel=1)


@pytest.fixture(autouse=True)
def _normalizers_as_the_mutant_builds_them():
    """Under mutmut only: rebuild the date patterns and empty the normalizers' caches before each test.

    mutmut imports the code once and forks a child per mutant: a child would otherwise match with the date
    patterns the original code compiled at import, and answer from caches the original code filled. The dates
    module is re-run for its patterns, keeping the function objects the tests and other modules hold (their
    caches are the ones to empty). Doing it in every test also shows mutmut which tests build the patterns.
    """
    if "MUTANT_UNDER_TEST" in os.environ:
        import importlib

        from bench.normalize import dates, numbers

        functions = {name: value for name, value in vars(dates).items() if callable(value)}
        importlib.reload(dates)
        vars(dates).update(functions)
        for module in (dates, numbers):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    yield


ISOLATED_PREFIXES = ("BENCH_", "OPENAI_")  # what bench and its baselines read from the environment
BUILTIN_DISTRIBUTION = "factbench"


def pin_builtin_extractors(monkeypatch) -> None:
    """Make the registry see factbench's own extractors only, whatever else this environment has installed.

    The registry's entry-point source is filtered, not replaced: the built-ins are found through the same
    installed metadata as always, and a plug-in installed here (``pip install ./examples/plugin``) is not.
    """
    import importlib.metadata

    from bench.extraction import registry

    def builtins_only(**selection):
        return [ep for ep in importlib.metadata.entry_points(**selection)
                if getattr(ep.dist, "name", None) == BUILTIN_DISTRIBUTION]

    monkeypatch.setattr(registry, "entry_points", builtins_only)


@pytest.fixture(autouse=True)
def _isolated_from_the_environment(monkeypatch):
    """No test sees this machine's BENCH_* or OPENAI_* variables or its installed plug-ins.

    Subprocesses started with ``{**os.environ, ...}`` inherit the cleaned variables too. A test that wants a
    variable sets it itself (``monkeypatch.setenv``); one that wants the real entry points undoes the pin.
    """
    for name in list(os.environ):
        if name.startswith(ISOLATED_PREFIXES):
            monkeypatch.delenv(name)
    pin_builtin_extractors(monkeypatch)


@pytest.fixture()
def cli():
    """Run ``bench ARGS...`` in-process; returns the click Result (stdout and stderr apart)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, prog_name="bench")

    return invoke


@pytest.fixture()
def write_jsonl(tmp_path: Path):
    """Write records (dicts, or raw strings for broken lines) as a JSONL file."""

    def write(name: str, records: list) -> Path:
        path = tmp_path / name
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


# A gold set of two short articles written for the tests, built file by file
# (not with bench's own writer), with facts labelled by hand.
SMALL_TEXTS = {
    "rail": ("ELMTON, 4 June 2023 - The Office of Rail Standards said on Friday that 75 workers will leave by August. "
             "Director Ada Quill said the office would hire again in 2024.", "2023-06-04"),
    "ferry": ("Ferry fares rose on 1 May 2023. More than 2,000 riders wrote to the Office of Rail Standards, "
              "and Ada Quill promised an answer by May 5.", None),
}
SMALL_LABELS = [  # (doc, surface, type, value); the offsets are found in the text
    ("rail", "4 June 2023", "date", "2023-06-04"),
    ("rail", "Office of Rail Standards", "agency", "Office of Rail Standards"),
    ("rail", "Friday", "date", "2023-06-02"),  # 4 June 2023 was a Sunday
    ("rail", "75", "headcount", {"count": 75, "qualifier": "eq", "unit": "employees"}),
    ("rail", "August", "date", "2023-08"),
    ("rail", "Ada Quill", "official", {"name": "Ada Quill", "title": "Director"}),
    ("rail", "2024", "date", "2024"),
    ("ferry", "1 May 2023", "date", "2023-05-01"),
    ("ferry", "More than 2,000", "user_count", {"count": 2000, "qualifier": "gt", "unit": "users"}),
    ("ferry", "Office of Rail Standards", "agency", "Office of Rail Standards"),
    ("ferry", "Ada Quill", "official", {"name": "Ada Quill", "title": "Director"}),
]
SMALL_ALIASES = {"agencies": {"Office of Rail Standards": ["ORS"]}, "officials": {"Ada Quill": ["Quill"]},
                 "titles": {"Director": []}, "units": {"employees": ["workers"], "users": ["riders"]}}


def small_fact_records() -> list[dict]:
    records = []
    for number, (doc, surface, fact_type, value) in enumerate(SMALL_LABELS, 1):
        start = SMALL_TEXTS[doc][0].index(surface)
        records.append({"id": f"s{number:02d}", "doc_id": doc, "type": fact_type, "text": surface,
                        "start": start, "end": start + len(surface), "value": value})
    return records


def write_small_gold(directory: Path, facts: list[dict] | None = None) -> Path:
    import hashlib

    (directory / "documents").mkdir(parents=True)
    manifest = []
    for doc_id, (text, published) in SMALL_TEXTS.items():
        data = text.encode("utf-8")
        (directory / "documents" / f"{doc_id}.txt").write_bytes(data)
        manifest.append({"id": doc_id, "file": f"{doc_id}.txt", "sha256": hashlib.sha256(data).hexdigest(), "published": published})
    lines = [json.dumps(record) for record in manifest]
    (directory / "documents" / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    facts = small_fact_records() if facts is None else facts
    (directory / "facts.jsonl").write_text("".join(json.dumps(f) + "\n" for f in facts), encoding="utf-8")
    (directory / "aliases.json").write_text(json.dumps(SMALL_ALIASES), encoding="utf-8")
    (directory / "VERSION").write_text("0.1.0\n", encoding="utf-8")
    return directory


@pytest.fixture()
def small_gold(tmp_path):
    """Make a small gold set (optionally with other facts) in a fresh directory; returns its path."""
    made = iter(range(1000))

    def make(facts: list[dict] | None = None) -> Path:
        return write_small_gold(tmp_path / f"small-{next(made)}", facts)

    return make
