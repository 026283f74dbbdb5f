"""Every command of the README's five-minute tour runs as written, in order, in a fresh folder."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The tour runs its own-articles commands before anyone reviews the pre-labels: these two refuse the set (exit 2).
REFUSED = {"bench validate --gold my-gold", "bench eval --extractor rules --gold my-gold"}


def tour() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## A five-minute tour"):text.index("\n## ", text.index("## A five-minute tour") + 1)]


def tour_commands() -> list[str]:
    """Each command of the tour's bash blocks, comments dropped and ``a && b`` split, in order."""
    lines = [line.split("  #")[0].strip() for block in re.findall(r"```bash\n(.*?)```", tour(), flags=re.S)
             for line in block.splitlines()]
    return [command.strip() for line in lines if line for command in line.split("&&")]


def test_the_tour_runs_as_written(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    extractor, = re.findall(r"```python\n(# my_extractor\.py\n.*?)```", tour(), flags=re.S)
    Path("my_extractor.py").write_text(extractor, encoding="utf-8")
    own = (ROOT / "docs" / "own-articles.md").read_text(encoding="utf-8")
    Path("articles.jsonl").write_text(re.findall(r"```json\n(.*?)```", own, flags=re.S)[0], encoding="utf-8")
    assert cli("predict", "--extractor", "regex", "-o", "preds.jsonl").exit_code == 0  # what "bench score" reads

    commands = tour_commands()
    assert len(commands) == 23 and REFUSED < set(commands)
    for command in commands:
        program, *args = shlex.split(command)
        if program == "mkdir":
            Path(args[-1]).mkdir(parents=True, exist_ok=True)
            continue
        assert program == "bench", command
        args = [match for arg in args for match in (sorted(glob.glob(arg)) if "*" in arg else [arg])]
        result = cli(*args)
        assert result.exit_code == (2 if command in REFUSED else 0), f"{command}: {result.stderr[-1000:]}"
    assert "not reviewed yet" in cli("eval", "--extractor", "rules", "--gold", "my-gold").stderr
    assert Path("report.html").is_file() and Path("LEADERBOARD.md").is_file() and Path("wikinews-twin-3").is_dir()
