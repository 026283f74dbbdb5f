"""Where documents come from: the bundled seeds, a JSONL file, or a Hugging Face dataset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.data.documents import Document, DocumentFile, load_seeds
from bench.errors import InputError


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    """A Hugging Face dataset (Hub name, local folder or data file) and its columns."""

    name: str
    split: str = "test"
    text_column: str = "text"
    id_column: str = "id"
    date_column: str | None = None


DEFAULT_DATE_COLUMN = "published"  # read when present, unless --date-column names another
_BUILDERS = {".jsonl": "json", ".json": "json", ".parquet": "parquet", ".csv": "csv", ".arrow": "arrow"}


def _meant_as_path(name: str) -> bool:
    """A local path, not a Hub id (``owner/name``): it says where it is, or names a data file."""
    return (name.startswith(("/", "./", "../", "~")) or name.count("/") > 1 or "\\" in name
            or Path(name).suffix in _BUILDERS)


def _load_hf(spec: DatasetSpec):
    path = Path(spec.name).expanduser()
    if _meant_as_path(spec.name) and not path.exists():  # else the Hub is asked, and retried, for a typo
        raise InputError("no such file or folder", spec.name, field="--dataset")
    import datasets

    datasets.disable_progress_bars()  # bench draws its own progress; stderr keeps to one line per problem
    try:
        if path.is_dir() and (path / "dataset_info.json").exists():
            loaded = datasets.load_from_disk(str(path))
            return loaded[spec.split] if isinstance(loaded, datasets.DatasetDict) else loaded
        if path.is_file():
            builder = _BUILDERS.get(path.suffix)
            if builder is None:
                raise InputError(f"unknown data file type {path.suffix!r}", spec.name, field="--dataset")
            return datasets.load_dataset(builder, data_files=str(path), split="train")
        return datasets.load_dataset(spec.name, split=spec.split)
    except (FileNotFoundError, ValueError, datasets.exceptions.DatasetNotFoundError) as exc:
        raise InputError(f"cannot load dataset: {str(exc).splitlines()[0]}", spec.name, field="--dataset") from None


def _published(value, spec: DatasetSpec, row: int) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{value!r} is not a date (expected ISO 8601, YYYY-MM-DD)", spec.name, row, spec.date_column) from None


def iter_dataset(spec: DatasetSpec) -> Iterator[Document]:
    """Documents from a dataset's columns; a missing column is named in the error."""
    dataset = _load_hf(spec)
    if spec.date_column is None and DEFAULT_DATE_COLUMN in dataset.column_names:
        spec = DatasetSpec(spec.name, spec.split, spec.text_column, spec.id_column, DEFAULT_DATE_COLUMN)
    for column in filter(None, (spec.text_column, spec.id_column, spec.date_column)):
        if column not in dataset.column_names:
            raise InputError(f"no column {column!r} (columns: {', '.join(dataset.column_names)})", spec.name, field="--" + {
                spec.text_column: "text-column", spec.id_column: "id-column"}.get(column, "date-column"))
    for row_no, row in enumerate(dataset, 1):
        published = _published(row.get(spec.date_column), spec, row_no) if spec.date_column else None
        yield Document(str(row[spec.id_column]), str(row[spec.text_column]), published)


def iter_source(docs: Path | None = None, dataset: DatasetSpec | None = None) -> Iterable[Document]:
    """The documents to run on: ``docs`` JSONL (a :class:`DocumentFile`), a dataset, or (neither) the bundled seeds."""
    if docs is not None and dataset is not None:
        raise InputError("give --docs or --dataset, not both", field="--docs")
    if docs is not None:
        return DocumentFile(docs)
    if dataset is not None:
        return iter_dataset(dataset)
    return iter(load_seeds())
