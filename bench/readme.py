"""Tables in README.md that are generated, never typed.

A block stands between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``;
``bench readme`` regenerates every block it knows, ``--check`` only compares.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bench.errors import InputError

_BLOCK = re.compile(r"(<!-- bench:(?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /bench:(?P=name) -->)", re.S)


def gold_stats_block() -> str:
    from bench.gold import gold_statistics, load_gold
    from bench.render import statistics_table

    gold = load_gold()
    return f"Gold {gold.version}, `{gold.hash[:19]}…`\n\n" + statistics_table(gold_statistics(gold), markdown=True)


BLOCKS: dict[str, Callable[[], str]] = {"gold-stats": gold_stats_block}


def update_blocks(text: str, path: str, blocks: dict[str, Callable[[], str]] | None = None) -> str:
    """``text`` with every known block regenerated; an unknown block name is an error."""
    blocks = BLOCKS if blocks is None else blocks

    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in blocks:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(f"unknown generated block {name!r} (known: {', '.join(blocks)})", path, line, "bench:" + name)
        return f"{match[1]}{blocks[name]().rstrip()}\n{match[4]}"

    return _BLOCK.sub(replace, text)
