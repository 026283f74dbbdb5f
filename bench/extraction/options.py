"""Typed extractor options: declared once as a dataclass, parsed from ``--param key=value``, listed by ``bench list``.

An extractor class declares its options as a dataclass named ``Options``,
each field with a type, a default and a help line::

    @dataclass(frozen=True)
    class Options:
        threshold: float = option(0.5, "probability above which a candidate is kept")

The class is then built as ``Cls(**options)``. Supported types: ``str``,
``int``, ``float``, ``bool``, ``pathlib.Path`` and any of them ``| None``
(``key=`` with nothing after ``=`` gives None). A class without ``Options``,
and a plain function, take no options.
"""

from __future__ import annotations

import math
import typing
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from pathlib import Path
from types import NoneType, UnionType
from typing import Any

from bench.data.runspec import REDACTED, looks_secret
from bench.errors import BenchError

_TRUE, _FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}
_TYPE_NAMES = {str: "text", int: "integer", float: "number", bool: "true/false", Path: "path"}


class OptionError(BenchError):
    """An unknown option or a value of the wrong type: one line listing the known options."""


def option(default: Any, help: str, *, secret: bool = False, names_run: bool = True) -> Any:
    """A declared option: its default and one help line.

    Args:
        secret: its value is redacted from results files (names such as ``api_key`` are always).
        names_run: False for options that cannot change what is extracted (workers, cache, retries):
            set off their default they are still recorded and hashed, but do not make a run another row.
    """
    return field(default=default, metadata={"help": help, "secret": secret, "names_run": names_run})


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """One declared option as ``bench list --options`` shows it."""

    name: str
    kind: type
    optional: bool
    default: Any
    help: str
    secret: bool
    names_run: bool = True

    @property
    def type_name(self) -> str:
        return _TYPE_NAMES[self.kind] + (" or empty" if self.optional else "")


def _kind_of(annotation: Any, where: str) -> tuple[type, bool]:
    args = typing.get_args(annotation)
    if (typing.get_origin(annotation) in (typing.Union, UnionType)) and NoneType in args and len(args) == 2:
        return next(arg for arg in args if arg is not NoneType), True
    if annotation not in _TYPE_NAMES:
        raise TypeError(f"{where}: option type {annotation!r} is not one of str, int, float, bool, Path (or | None)")
    return annotation, False


def declared(target: Any) -> list[OptionSpec]:
    """The options an extractor class declares (its ``Options`` dataclass), in declaration order."""
    options = getattr(target, "Options", None)
    if options is None:
        return []
    if not (isinstance(options, type) and is_dataclass(options)):
        raise TypeError(f"{getattr(target, '__name__', target)}.Options must be a dataclass")
    hints = typing.get_type_hints(options)
    found = []
    for spec in fields(options):
        kind, optional = _kind_of(hints[spec.name], f"{options.__qualname__}.{spec.name}")
        found.append(OptionSpec(spec.name, kind, optional, _default(spec), spec.metadata.get("help", ""),
                                bool(spec.metadata.get("secret")) or looks_secret(spec.name),
                                spec.metadata.get("names_run", True)))
    return found


def _default(spec: Field) -> Any:
    if spec.default is not MISSING:
        return spec.default
    return spec.default_factory() if spec.default_factory is not MISSING else None


def _parse(text: str, spec: OptionSpec) -> Any:
    """A ``--param`` string as the option's type; ValueError when it is not one."""
    if spec.optional and text == "":
        return None
    if spec.kind is bool:
        if text.lower() not in _TRUE | _FALSE:
            raise ValueError
        return text.lower() in _TRUE
    if spec.kind in (int, float):
        number = spec.kind(text)
        if isinstance(number, float) and not math.isfinite(number):
            raise ValueError
        return number
    return spec.kind(text)


def _coerce(value: Any, spec: OptionSpec) -> Any:
    """A value given as text (the command line) or as JSON (a baseline file), as the option's type."""
    if isinstance(value, str) and spec.kind is not str:
        return _parse(value, spec)
    if value is None and spec.optional:
        return None
    if spec.kind is float and type(value) in (int, float) and math.isfinite(value):
        return float(value)
    if spec.kind is Path and isinstance(value, str):
        return Path(value)
    if type(value) is spec.kind:
        return value
    raise ValueError


def known_options(owner: str, specs: list[OptionSpec]) -> str:
    listed = ", ".join(f"{s.name} ({s.type_name})" for s in specs)
    return f"{owner} options: {listed}" if specs else f"{owner} takes no options"


def resolve_options(owner: str, specs: list[OptionSpec], given: dict[str, Any]) -> dict[str, Any]:
    """Every declared option with its value: the given one parsed to its type, else its default.

    Raises:
        OptionError: for an unknown name or a value of the wrong type, listing the known options.
    """
    by_name = {spec.name: spec for spec in specs}
    resolved = {spec.name: spec.default for spec in specs}
    for name, value in given.items():
        if name not in by_name:
            raise OptionError(f"unknown option {name!r}; {known_options(owner, specs)}", field="--param")
        spec = by_name[name]
        try:
            resolved[name] = _coerce(value, spec)
        except ValueError:
            raise OptionError(f"{name}: expected {spec.type_name}, got {value!r}; {known_options(owner, specs)}",
                              field="--param") from None
    return resolved


def recorded_options(specs: list[OptionSpec], resolved: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The options as a results file records them (JSON values, secrets redacted) and the names set off-default.

    A secret never enters the label, so it is not listed as changed, nor is an
    option declared with ``names_run=False``. A password inside a URL is redacted.
    """
    params, changed = {}, []
    for spec in specs:
        value = resolved[spec.name]
        if spec.secret and value is not None:
            value = REDACTED
        elif isinstance(value, Path):
            value = str(value)
        elif isinstance(value, str):
            value = without_userinfo(value)
        params[spec.name] = value
        if resolved[spec.name] != spec.default and spec.names_run and not spec.secret:
            changed.append(spec.name)
    return params, tuple(changed)


def without_userinfo(text: str) -> str:
    """A URL with its ``user:password@`` redacted; any other text as it is.

    >>> without_userinfo("https://me:pw@host.example/v1")
    'https://<redacted>@host.example/v1'
    """
    from urllib.parse import urlsplit, urlunsplit

    if "://" not in text or "@" not in text:
        return text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    if parts.username is None and parts.password is None:
        return text
    return urlunsplit(parts._replace(netloc=f"{REDACTED}@{parts.netloc.rpartition('@')[2]}"))
