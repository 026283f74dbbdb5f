"""What ran: the run spec every results file records, so two different runs are never taken for one.

A run spec holds the extractor spec as given (``learned``, ``pkg.mod:Cls``,
``file.py:Cls``) and the extractor's name, its resolved options (secrets redacted), what the extractor
says about itself (the ``llm`` extractor: model, endpoint host, prompt
version), the factbench version, and a hash of all of it; beside them, the
training regime of the run (see :func:`training_regime`). Its :attr:`RunSpec.label` names the run
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

LEAVE_ONE_OUT = "leave-one-document-out"  # each document predicted by a model fitted on the set's other documents
PRETRAINED = "pretrained"  # a model loaded from a file, used as it is
UNTRAINED = "none"  # bench never trains it: used as it is
TRAINED_ON = "trained on "  # + the set it was fitted on, once (never the documents scored)


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
    training: str = ""  # the training regime ("" in files from before it was recorded); not part of the hash

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
        training = {"training": self.training} if self.training else {}
        return {**self._identity(), "changed": list(self.changed), **training, "label": self.label, "hash": self.hash}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> RunSpec:
        return cls(raw["extractor"], raw.get("name", ""), dict(raw.get("params", {})), dict(raw.get("details", {})),
                   raw.get("package_version", ""), tuple(raw.get("changed", ())), raw.get("training", ""))


def trained_on(set_name: str) -> str:
    """The regime of a model fitted once on another set than the one scored.

    >>> trained_on("articles (gold 1.0.0)")
    'trained on articles (gold 1.0.0)'
    """
    return TRAINED_ON + set_name


def training_regime(extractor: Any, training_set: str | None) -> str:
    """The training regime of a run, as the extractor that ran declares it.

    An extractor declares it with an optional method ``training_regime(training_set) -> str``, where
    ``training_set`` names the set it was fitted on, or is None when it was run on the scored set itself
    (a trainable one is then fitted leave-one-document-out). It answers :data:`LEAVE_ONE_OUT`,
    :func:`trained_on`, :data:`PRETRAINED` or :data:`UNTRAINED`. An extractor without ``fit`` is never
    trained by bench (:data:`UNTRAINED`); a trainable one that does not declare leaves it unrecorded ("").

    >>> class Plain: ...
    >>> class Quiet:
    ...     def fit(self, documents, facts): ...
    >>> class Saying(Quiet):
    ...     def training_regime(self, training_set): return trained_on(training_set) if training_set else LEAVE_ONE_OUT
    >>> training_regime(Plain(), None), training_regime(Quiet(), None), training_regime(Saying(), "articles")
    ('none', '', 'trained on articles')
    """
    declare = getattr(extractor, "training_regime", None)
    if callable(declare):
        return str(declare(training_set))
    return "" if callable(getattr(extractor, "fit", None)) else UNTRAINED
