"""docs/own-articles.md's example ("Evaluate on your own articles") runs as written and prints what it shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

PAGE = Path(__file__).resolve().parents[1] / "docs" / "own-articles.md"


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)


def console(block: str) -> dict[str, str]:
    """Each ``$ command`` of a console block and the output shown under it."""
    shown: dict[str, str] = {}
    for part in block.split("$ ")[1:]:
        command, _, output = part.partition("\n")
        shown[command] = output
    return shown


def test_the_example_runs_as_the_page_shows(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    articles, added = blocks("json")
    Path("articles.jsonl").write_text(articles, encoding="utf-8")
    first, last = (console(block) for block in blocks("console")[0:3:2])

    init = cli("gold", "init", "my-gold", "--docs", "articles.jsonl", "--prelabel", "rules")
    assert init.exit_code == 0 and init.stderr == first["bench gold init my-gold --docs articles.jsonl --prelabel rules"]
    refused = cli("eval", "-e", "rules", "--gold", "my-gold")
    assert refused.exit_code == 2 and refused.stderr == first["bench eval -e rules --gold my-gold"]

    facts = Path("my-gold/facts.jsonl")
    reviewed = [{k: v for k, v in json.loads(line).items() if k != "reviewed"} for line in facts.read_text().splitlines()]
    facts.write_text("".join(json.dumps(r) + "\n" for r in reviewed) + added, encoding="utf-8")
    validate = console(blocks("console")[1])["bench validate --gold my-gold"]
    assert cli("validate", "--gold", "my-gold").stdout == validate
    aliases = json.loads(Path("my-gold/aliases.json").read_text())
    aliases["agencies"]["State Health Board"] = []
    Path("my-gold/aliases.json").write_text(json.dumps(aliases), encoding="utf-8")
    assert cli("validate", "--gold", "my-gold").stderr == "ok: gold 0.1.0\n"

    scored = cli("eval", "-e", "rules", "--gold", "my-gold")
    assert scored.exit_code == 0 and scored.stdout == last["bench eval -e rules --gold my-gold"]
