"""Answers kept on disk, so a rerun of the same prompt on the same text costs no request.

The key is a sha256 over the endpoint, the model, the prompt version, the
text's own sha256 and the published date (which the prompt states). Only
answers that parsed are stored; the raw answer is kept, so a change in
grounding or validation applies to cached answers too.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from bench.data.documents import Document
from bench.data.jsonl import write_text_atomic

CACHE_ENV = "BENCH_LLM_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$BENCH_LLM_CACHE_DIR``, else ``$XDG_CACHE_HOME/factbench/llm``, else ``~/.cache/factbench/llm``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factbench" / "llm"


def cache_key(endpoint: str, model: str, prompt_version: str, document: Document) -> str:
    published = document.published.isoformat() if document.published else None
    parts = {
        "endpoint": endpoint,
        "model": model,
        "prompt_version": prompt_version,
        "text_sha256": hashlib.sha256(document.text.encode("utf-8")).hexdigest(),
        "published": published,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


class AnswerCache:
    """One JSON file per key under ``directory`` (two-level fan-out)."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> str | None:
        """The stored answer, or None when absent or unreadable (then it is simply asked again)."""
        try:
            record = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        content = record.get("content") if isinstance(record, dict) else None
        return content if isinstance(content, str) else None

    def put(self, key: str, content: str) -> None:
        write_text_atomic(self._path(key), json.dumps({"key": key, "content": content}, ensure_ascii=False))
