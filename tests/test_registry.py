"""Loading extractors: typed options, capability protocols, and one-line refusals of broken plug-ins."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.errors import BenchError, ExtractorFailed, ExtractorNotFound
from bench.extraction.extractor import (
    Batched,
    Describing,
    Extractor,
    Pretrained,
    Trainable,
)
from bench.extraction.options import OptionError
from bench.extraction.registry import load_extractor, load_run

ROOT = Path(__file__).resolve().parents[1]

PLUGINS = textwrap.dedent(
    '''
    from dataclasses import dataclass
    from pathlib import Path
    from bench import option

    class Typed:
        name, version = "typed", "1"

        @dataclass(frozen=True)
        class Options:
            count: int = option(3, "how many")
            ratio: float = option(0.5, "a share")
            loud: bool = option(False, "shout")
            where: Path | None = option(None, "a file")
            label: str = option("x", "a word")

        def __init__(self, count=3, ratio=0.5, loud=False, where=None, label="x"):
            self.got = (count, ratio, loud, where, label)

        def extract(self, document):
            return []

    class NoExtract:
        name, version = "no-extract", "1"

    class BrokenInit:
        name, version = "broken", "1"

        def __init__(self):
            len(5)  # a TypeError inside the constructor: the extractor's bug

        def extract(self, document):
            return []

    class FitOnly:
        name, version = "fit-only", "1"

        def fit(self, documents, facts):
            pass

        def extract(self, document):
            return []

    def plain(document):
        return []
    '''
)


@pytest.fixture()
def plugins(tmp_path):
    path = tmp_path / "plugins.py"
    path.write_text(PLUGINS, encoding="utf-8")
    return path


def test_params_are_parsed_to_the_declared_types(plugins):
    made = load_extractor(f"{plugins}:Typed", {"count": "7", "ratio": "2", "loud": "yes", "where": "a.txt", "label": "7"})
    assert made.got == (7, 2.0, True, Path("a.txt"), "7")
    assert load_extractor(f"{plugins}:Typed", {"where": ""}).got == (3, 0.5, False, None, "x")
    assert load_extractor(f"{plugins}:Typed", {"count": 7, "ratio": 1}).got[:2] == (7, 1.0)  # JSON values (baseline files)


@pytest.mark.parametrize(("params", "message"), [
    ({"cuont": "1"}, "unknown option 'cuont'"),
    ({"count": "1.5"}, "count: expected integer, got '1.5'"),
    ({"ratio": "nan"}, "ratio: expected number, got 'nan'"),
    ({"loud": "maybe"}, "loud: expected true/false, got 'maybe'"),
    ({"count": ""}, "count: expected integer, got ''"),
    ({"count": True}, "count: expected integer, got True"),
])
def test_an_unknown_option_or_a_wrong_type_is_one_line_listing_the_options(plugins, params, message):
    with pytest.raises(OptionError) as caught:
        load_extractor(f"{plugins}:Typed", params)
    assert str(caught.value) == (f"--param: {message}; Typed options: count (integer), ratio (number), "
                                 "loud (true/false), where (path or empty), label (text)")


def test_plain_functions_take_no_options(plugins):
    with pytest.raises(OptionError, match=r"^--param: unknown option 'n'; plugins\.plain takes no options$"):
        load_extractor(f"{plugins}:plain", {"n": "1"})


def test_an_extractor_hidden_by_bench_extractors_names_the_variable(monkeypatch):
    monkeypatch.setenv("BENCH_EXTRACTORS", "regex")
    with pytest.raises(ExtractorNotFound) as hidden:
        load_extractor("rules")
    assert str(hidden.value) == ("extractor 'rules' is installed, but BENCH_EXTRACTORS=regex hides it (only the "
                                 "extractors it names load); add rules to BENCH_EXTRACTORS, or unset it")
    with pytest.raises(ExtractorNotFound) as unknown:
        load_extractor("rulez")
    assert str(unknown.value) == "Unknown extractor 'rulez'. Available: regex (only these: BENCH_EXTRACTORS=regex)"


def test_a_class_without_extract_is_refused_when_loaded(plugins):
    with pytest.raises(ExtractorNotFound, match=r"^NoExtract has no extract\(document\) method, so it is not an extractor$"):
        load_extractor(f"{plugins}:NoExtract")


def test_a_type_error_inside_a_constructor_is_the_extractors_not_a_usage_error(plugins):
    with pytest.raises(ExtractorFailed) as caught:
        load_extractor(f"{plugins}:BrokenInit")
    assert str(caught.value) == ("BrokenInit failed to start (inside its constructor, not an options problem): "
                                 "TypeError: object of type 'int' has no len()")


def test_fit_without_trained_on_is_refused(plugins):
    with pytest.raises(ExtractorNotFound, match=r"FitOnly has fit\(\) but no 'trained_on'"):
        load_extractor(f"{plugins}:FitOnly")


def test_the_baselines_capabilities_are_their_protocols():
    from baselines.learned import LearnedExtractor
    from baselines.llm import LLMExtractor
    from baselines.regex import RegexExtractor

    learned = LearnedExtractor()
    assert isinstance(learned, Trainable) and isinstance(learned, Pretrained) and isinstance(learned, Extractor)
    assert not isinstance(RegexExtractor(), Trainable) and not isinstance(RegexExtractor(), Batched)
    llm = LLMExtractor(base_url="http://127.0.0.1:9/v1", model="m", use_cache=False)
    assert isinstance(llm, Batched) and isinstance(llm, Describing) and not isinstance(llm, Trainable)


def test_run_spec_of_a_file_extractor_records_spec_name_and_resolved_options(plugins):
    _, run = load_run(f"{plugins}:Typed", {"count": "4"})
    assert (run.extractor, run.name, run.changed) == (f"{plugins}:Typed", "typed", ("count",))
    assert run.params == {"count": 4, "ratio": 0.5, "loud": False, "where": None, "label": "x"}
    assert run.label == "typed [count=4]"


def _bench(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "bench", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_a_file_that_fails_to_import_is_one_line_naming_it(tmp_path):
    (tmp_path / "bad.py").write_text("import nowhere_to_be_found\n", encoding="utf-8")
    done = _bench("predict", "-e", "bad.py:X", "-o", "out.jsonl", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "error: bad.py: importing it failed: ModuleNotFoundError: No module named 'nowhere_to_be_found'\n"
    (tmp_path / "syntax.py").write_text("def (:\n", encoding="utf-8")
    done = _bench("eval", "-e", "syntax.py:X", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("error: syntax.py: importing it failed: SyntaxError: ")
    assert done.stderr.count("\n") == 1 and not (tmp_path / "out.jsonl").exists()


def test_a_file_without_a_name_hints_at_the_form(tmp_path):
    (tmp_path / "mine.py").write_text("def extract(document):\n    return []\n", encoding="utf-8")
    done = _bench("eval", "-e", "mine.py", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "error: --extractor: name the extractor inside the file: "
                                                 "mine.py:ClassName (or :function_name)\n")


def _fake_distribution(site: Path, name: str, target: str) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[bench.extractors]\nyears = {target}\n", encoding="utf-8")


def test_two_distributions_registering_one_name_are_refused_naming_both(tmp_path):
    site = tmp_path / "site"
    _fake_distribution(site, "alpha_years", "alpha:Years")
    _fake_distribution(site, "beta_years", "beta:Years")
    done = _bench("eval", "-e", "years", cwd=tmp_path, env={"PYTHONPATH": f"{ROOT}{os.pathsep}{site}"})
    assert done.returncode == 2
    assert done.stderr == ("error: extractor name 'years' is registered twice: by alpha_years (alpha:Years) "
                           "and by beta_years (beta:Years); uninstall one of them\n")


def test_bench_list_options_prints_each_option_with_type_default_and_help(tmp_path):
    done = _bench("list", "--options", "learned", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = [line.split()[:3] for line in done.stdout.splitlines()[2:]]
    assert rows == [["model_path", "path", "or"], ["threshold", "number", "0.5"], ["C", "number", "1.0"]]
    assert "probability from which a candidate is kept" in done.stdout
    assert _bench("list", "--options", "regex", cwd=tmp_path).stdout == "regex takes no options\n"


def test_errors_are_bench_errors():
    assert issubclass(OptionError, BenchError) and issubclass(ExtractorFailed, BenchError)
