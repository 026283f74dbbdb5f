"""Finding extractors by name: built-ins and plug-ins alike, through entry points.

A spec is an entry-point name (``regex``), ``package.module:attr`` or
``path/to/file.py:attr``. Loading a module or file runs its code.
Nothing is imported until an extractor is asked for.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import sys
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from bench.errors import ExtractorNotFound
from bench.extraction.extractor import Extractor, FunctionExtractor

GROUP = "bench.extractors"
ONLY_ENV = "BENCH_EXTRACTORS"  # comma-separated names: load only these entry points


@dataclass(frozen=True, slots=True)
class Registered:
    name: str
    target: str  # "module:attr", imported only when used
    distribution: str


def registered() -> dict[str, Registered]:
    """Installed extractors by name, without importing any of them."""
    only = {name.strip() for name in os.environ.get(ONLY_ENV, "").split(",") if name.strip()}
    found = {}
    for ep in entry_points(group=GROUP):
        if only and ep.name not in only:
            continue
        dist = ep.dist.name if getattr(ep, "dist", None) else "?"
        found[ep.name] = Registered(ep.name, ep.value, dist)
    return dict(sorted(found.items()))


def _import_attr(module_name: str, attr: str, spec: str) -> Any:
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ExtractorNotFound(f"cannot import {module_name!r} for extractor {spec!r}: {exc}") from None
    try:
        return getattr(module, attr)
    except AttributeError:
        raise ExtractorNotFound(f"module {module_name!r} has no attribute {attr!r}") from None


def _load_file(path_text: str, attr: str, spec: str) -> Any:
    path = Path(path_text)
    if not path.is_file():
        raise ExtractorNotFound(f"no such file {path_text!r} for extractor {spec!r}")
    module_name = f"bench_user_{path.stem}_{abs(hash(str(path.resolve())))}"
    module_spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_name] = module
    module_spec.loader.exec_module(module)
    if not hasattr(module, attr):
        raise ExtractorNotFound(f"{path_text} has no attribute {attr!r}")
    return getattr(module, attr)


def resolve(spec: str) -> Any:
    """The object a spec names (a class, a function or an instance), imported now."""
    if ":" in spec:
        target, _, attr = spec.rpartition(":")
        if target.endswith(".py") or os.sep in target or "/" in target:
            return _load_file(target, attr, spec)
        return _import_attr(target, attr, spec)
    known = registered()
    if spec not in known:
        names = ", ".join(known) or "none installed"
        raise ExtractorNotFound(f"Unknown extractor {spec!r}. Available: {names}")
    module_name, _, attr = known[spec].target.partition(":")
    return _import_attr(module_name, attr, spec)


def build(obj: Any, params: dict[str, Any] | None = None, name: str | None = None) -> Extractor:
    """Make an extractor of a class (instantiated with ``params``), an instance or a function."""
    params = params or {}
    if inspect.isclass(obj):
        try:
            instance = obj(**params)
        except TypeError as exc:
            raise ExtractorNotFound(f"cannot create {obj.__name__} with {params or 'no options'}: {exc}") from None
    elif hasattr(obj, "extract"):
        instance = obj
    elif callable(obj):
        instance = FunctionExtractor(obj, name=name)
    else:
        raise ExtractorNotFound(f"{obj!r} is neither an extractor class, instance nor function")
    if not isinstance(getattr(instance, "name", None), str) or not hasattr(instance, "version"):
        raise ExtractorNotFound(f"{type(instance).__name__} needs a 'name' and a 'version'")
    return instance


def load_extractor(spec: str, params: dict[str, Any] | None = None) -> Extractor:
    """Resolve and build the extractor ``spec`` names."""
    return build(resolve(spec), params, name=spec.rpartition(":")[2] or spec)
