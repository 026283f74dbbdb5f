"""What ran: the run spec every results file records, so two different runs are never taken for one.

A run spec holds the extractor spec as given (``learned``, ``pkg.mod:Cls``,
``file.py:Cls``) and the extractor's name, its resolved options (secrets redacted), what the extractor
says about itself (the ``llm`` extractor: model, endpoint host, prompt
version), the factbench version, and a hash of all of it. Its :attr:`RunSpec.label` names the run
for people in the leaderboard, the report and the comparison: the
extractor's name, then the options that differ from their defaults and the
extractor's own details. Its :attr:`RunSpec.key` is the same with the spec in
place of the name (two files may both define ``extract``): the CI gate tracks
runs by it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

REDACTED = "<redacted>"
_SECRET_WORDS = ("key", "token", "secret", "password", "credential")


def looks_secret(name: str) -> bool:
    """Option names that hold secrets by their name (``api_key``, ``token``...), whatever the extractor declares."""
    lowered = name.lower()
    return any(word in lowered for word in _SECRET_WORDS)


def _plain(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


@dataclass(frozen=True, slots=True)
class RunSpec:
    """The extractor spec, resolved options, extractor details, package version and their hash.

    ``changed`` lists the options set to something other than their default;
    they, with the details, make the label.
    """

    extractor: str
    name: str = ""  # the extractor's own name (default: the spec)
    params: dict[str, Any] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)
    package_version: str = ""
    changed: tuple[str, ...] = ()

    @property
    def hash(self) -> str:
        """``sha256:`` of the spec's canonical JSON (sorted keys): equal specs, equal hashes."""
        canonical = json.dumps(self._identity(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def label(self) -> str:
        """The run's name for people and its key in tables and the gate.

        >>> RunSpec("learned", "learned", {"C": 0.5, "threshold": 0.5}, changed=("C",)).label
        'learned [C=0.5]'
        >>> RunSpec("path/to/mine.py:Mine", "mine").label
        'mine'
        """
        return (self.name or self.extractor) + self._options_part()

    @property
    def key(self) -> str:
        """The label with the extractor spec for the name: what the gate tracks a run by.

        >>> RunSpec("path/to/mine.py:extract", "extract", {"n": 2}, changed=("n",)).key
        'path/to/mine.py:extract [n=2]'
        """
        return self.extractor + self._options_part()

    def _options_part(self) -> str:
        parts = [f"{name}={_plain(self.params[name])}" for name in self.changed
                 if name in self.params and name not in self.details]
        parts += [f"{name}={value}" for name, value in self.details.items()]  # in the extractor's order
        return f" [{', '.join(parts)}]" if parts else ""

    def _identity(self) -> dict[str, Any]:
        return {"extractor": self.extractor, "name": self.name, "params": self.params, "details": self.details,
                "package_version": self.package_version}

    def to_dict(self) -> dict[str, Any]:
        return {**self._identity(), "changed": list(self.changed), "label": self.label, "hash": self.hash}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> RunSpec:
        return cls(raw["extractor"], raw.get("name", ""), dict(raw.get("params", {})), dict(raw.get("details", {})),
                   raw.get("package_version", ""), tuple(raw.get("changed", ())))
