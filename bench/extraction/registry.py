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
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from bench.data.runspec import RunSpec
from bench.errors import BenchError, ExtractorFailed, ExtractorNotFound
from bench.extraction.extractor import (
    Describing,
    Extractor,
    FunctionExtractor,
    Trainable,
)
from bench.extraction.options import declared, recorded_options, resolve_options

GROUP = "bench.extractors"
_MISSING = object()
ONLY_ENV = "BENCH_EXTRACTORS"  # comma-separated names: load only these entry points


@dataclass(frozen=True, slots=True)
class Registered:
    name: str
    target: str  # "module:attr", imported only when used
    dist: Any = field(default=None, repr=False)  # the registering distribution; one object per scan, equal by identity

    @property
    def distribution(self) -> str:
        """The registering distribution's name: read from its metadata file only when asked (1 ms each)."""
        return self.dist.name if self.dist is not None else "?"


def registered() -> dict[str, Registered]:
    """Installed extractors by name, without importing any of them.

    Raises:
        ExtractorNotFound: when two distributions register one name (neither would be sure to load).
    """
    only = {name.strip() for name in os.environ.get(ONLY_ENV, "").split(",") if name.strip()}
    found: dict[str, Registered] = {}
    for ep in entry_points(group=GROUP):
        if only and ep.name not in only:
            continue
        entry = Registered(ep.name, ep.value, getattr(ep, "dist", None))
        first = found.setdefault(ep.name, entry)
        if first != entry:
            one, two = sorted((first, entry), key=lambda r: (r.distribution, r.target))
            raise ExtractorNotFound(f"extractor name {ep.name!r} is registered twice: by {one.distribution} "
                                    f"({one.target}) and by {two.distribution} ({two.target}); uninstall one of them")
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
    if module_spec is None or module_spec.loader is None:
        raise ExtractorNotFound(f"cannot import {path_text!r} as a Python module for extractor {spec!r}")
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_name] = module
    try:
        module_spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - any error importing the user's file is that file's, told in one line
        del sys.modules[module_name]
        raise ExtractorNotFound(f"importing it failed: {type(exc).__name__}: {exc}", path_text) from None
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
    if spec.endswith(".py"):
        raise ExtractorNotFound(f"name the extractor inside the file: {spec}:ClassName (or :function_name)",
                                field="--extractor")
    known = registered()
    if spec not in known:
        raise ExtractorNotFound(_unknown(spec, known))
    module_name, _, attr = known[spec].target.partition(":")
    return _import_attr(module_name, attr, spec)


def _unknown(spec: str, known: dict[str, Registered]) -> str:
    """Why ``spec`` names no extractor: the names there are, and whether ``BENCH_EXTRACTORS`` hides it."""
    names = ", ".join(known) or "none installed"
    only = os.environ.get(ONLY_ENV, "").strip()
    if not only:
        return f"Unknown extractor {spec!r}. Available: {names}"
    if any(ep.name == spec for ep in entry_points(group=GROUP)):
        return (f"extractor {spec!r} is installed, but {ONLY_ENV}={only} hides it (only the extractors it names "
                f"load); add {spec} to {ONLY_ENV}, or unset it")
    return f"Unknown extractor {spec!r}. Available: {names} (only these: {ONLY_ENV}={only})"


def _construct(cls: type, given: dict[str, Any], owner: str) -> tuple[Extractor, dict[str, Any]]:
    """An instance of ``cls`` with its declared options; a crash inside the constructor is the extractor's."""
    if not callable(getattr(cls, "extract", None)):
        raise ExtractorNotFound(f"{cls.__name__} has no extract(document) method, so it is not an extractor")
    resolved = resolve_options(owner, declared(cls), given)
    try:
        return cls(**resolved), resolved
    except BenchError:
        raise
    except Exception as exc:  # noqa: BLE001 - the options were checked: this is the extractor failing to start
        raise ExtractorFailed(f"{cls.__name__} failed to start (inside its constructor, not an options problem): "
                              f"{type(exc).__name__}: {exc}") from None


def build(obj: Any, params: dict[str, Any] | None = None, name: str | None = None) -> Extractor:
    """Make an extractor of a class (instantiated with its typed options), an instance or a function."""
    return _build(obj, params or {}, name)[0]


def _build(obj: Any, given: dict[str, Any], name: str | None) -> tuple[Extractor, dict[str, Any]]:
    owner = name if name else getattr(obj, "__name__", type(obj).__name__)
    resolved: dict[str, Any] = {}
    if inspect.isclass(obj):
        instance, resolved = _construct(obj, given, owner)
    elif callable(getattr(obj, "extract", None)):
        instance = obj
    elif callable(obj) and not hasattr(obj, "extract"):
        instance = FunctionExtractor(obj, name=name, version=_function_version(obj))
    else:
        raise ExtractorNotFound(f"{obj!r} is neither an extractor class, instance nor function")
    if given and not inspect.isclass(obj):
        resolve_options(owner, [], given)  # plain functions and ready instances take no options
    if not isinstance(_attribute(instance, "name"), str) or _attribute(instance, "version") is _MISSING:
        raise ExtractorNotFound(f"{type(instance).__name__} needs a 'name' and a 'version'")
    if callable(getattr(instance, "fit", None)) and not isinstance(instance, Trainable):
        raise ExtractorNotFound(f"{type(instance).__name__} has fit() but no 'trained_on' (see the Trainable protocol)")
    return instance, resolved


def _attribute(instance: Any, attribute: str) -> Any:
    """The extractor's ``name`` or ``version`` (:data:`_MISSING` if it has none); a property that raises is the
    extractor failing, in one line."""
    try:
        return getattr(instance, attribute, _MISSING)
    except Exception as exc:  # noqa: BLE001 - the extractor's own code raised: its failure, not a traceback
        raise ExtractorFailed(f"{type(instance).__name__}.{attribute} raised {type(exc).__name__}: {exc}") from None


def load_extractor(spec: str, params: dict[str, Any] | None = None) -> Extractor:
    """Resolve and build the extractor ``spec`` names."""
    return load_run(spec, params)[0]


def load_run(spec: str, params: dict[str, Any] | None = None) -> tuple[Extractor, RunSpec]:
    """The extractor ``spec`` names, built with ``params``, and the run spec that says exactly what it is."""
    obj = resolve(spec)
    instance, resolved = _build(obj, params or {}, _name_for(spec, obj))
    recorded, changed = recorded_options(declared(obj) if inspect.isclass(obj) else [], resolved)
    details = {str(k): str(v) for k, v in instance.run_details().items()} if isinstance(instance, Describing) else {}
    return instance, RunSpec(spec, instance.name, recorded, details, _package_version(), changed)


def _is_plain_function(obj: Any) -> bool:
    return not inspect.isclass(obj) and not callable(getattr(obj, "extract", None)) and callable(obj)


def _name_for(spec: str, obj: Any) -> str:
    """The name a spec gives its extractor: the registered name, else the attribute's; a plain function's
    is qualified by its file or module (``my_extractor.extract``): ``extract`` alone says nothing.

    >>> _name_for("regex", None), _name_for("path/to/my_extractor.py:extract", len), _name_for("pkg.mod:extract", len)
    ('regex', 'my_extractor.extract', 'mod.extract')
    """
    target, _, attr = spec.rpartition(":")
    if not target or not _is_plain_function(obj):
        return attr or spec
    is_file = target.endswith(".py") or os.sep in target or "/" in target
    return f"{Path(target).stem if is_file else target.rpartition('.')[2]}.{attr}"


def _function_version(function: Any) -> str:
    """A plain function's version: its module's ``__version__``, else the start of its source file's sha256
    (a changed file is another version), else "unversioned". A ``version`` attribute on the function wins."""
    import hashlib

    version = getattr(inspect.getmodule(function), "__version__", None)
    if isinstance(version, str):
        return version
    try:
        source = inspect.getsourcefile(function)
        return "sha256:" + hashlib.sha256(Path(source).read_bytes()).hexdigest()[:12] if source else "unversioned"
    except (TypeError, OSError):
        return "unversioned"


def _package_version() -> str:
    from bench import __version__

    return __version__
