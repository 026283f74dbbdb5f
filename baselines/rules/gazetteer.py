"""World knowledge the rules use: government bodies, countries and cabinet titles (``gazetteer.json``).

General knowledge for any news article, never a list drawn from the gold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bench.normalize.aliases import fold

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.json")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Agency aliases as written -> canonical name; countries; cabinet subjects -> title."""

    agencies: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, str] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()
    secretaries: dict[str, str] = field(default_factory=dict)

    def canonical_agency(self, surface: str) -> str | None:
        """The canonical name of a body written ``surface`` in any case or word order the table lists."""
        return self.agencies.get(surface) or self.folded.get(fold(surface))


def _aliases(table: dict[str, list[str]]) -> dict[str, str]:
    return {alias: canonical for canonical, aliases in table.items() for alias in aliases}


@cache
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    raw = json.loads(path.read_text(encoding="utf-8"))
    agencies = _aliases(raw["agencies"])
    folded = {fold(name): canonical for name, canonical in agencies.items() if len(name) > 5}
    folded.update((fold(canonical), canonical) for canonical in raw["agencies"])
    return Gazetteer(agencies, _aliases(raw["ambiguous"]), folded, frozenset(raw["countries"]), raw["secretaries"])
