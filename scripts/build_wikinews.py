"""Build the bundled ``wikinews`` gold set's texts from a GUM checkout (amir-zeldes/gum).

Usage: python3 scripts/build_wikinews.py GUM_DIR OUT_DIR

Writes OUT_DIR/documents/ (one text per Wikinews article of GUM's ``news`` and
``interview`` genres, with its manifest) and OUT_DIR/gum_entities.jsonl (GUM's
entity mentions placed in those texts, for the cross-check). Labels are not
made here: they are annotated by hand (gold/GUIDELINES.md).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from bench.data.gum import read_gum

LICENSE = "CC BY 2.5"
_DATELINE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
                       r"(January|February|March|April|May|June|July|August|September|October|November|December) "
                       r"(\d{1,2}), (\d{4})\b")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def dateline(text: str) -> str | None:
    """The article's own dateline ("Friday, July 21, 2017") as an ISO date, when one of its first lines is one."""
    head = "\n".join(text.split("\n")[:5])  # the headline, the dateline's paragraph and the one after
    match = _DATELINE.search(head)
    if not match:
        return None
    month, day, year = match.groups()
    return f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"


def manifest_record(doc_id: str, file: str, data: bytes, meta: dict[str, str], gum_name: str, text: str) -> dict:
    created = meta["dateCreated"]
    own = dateline(text)
    if own:
        basis = "dateline"
        note = f"The article's dateline; GUM's dateCreated is {created}" + (" (the same day)." if own == created else ".")
    else:
        basis = "source_metadata"
        note = "No dateline in the text; GUM's dateCreated (the Wikinews page's creation date)."
    return {"id": doc_id, "file": file, "outlet": "Wikinews", "title": meta["title"],
            "sha256": hashlib.sha256(data).hexdigest(), "published": own or created,
            "published_basis": basis, "published_note": note, "source_url": meta["sourceURL"],
            "source_document": gum_name, "license": LICENSE}


def main(gum_dir: Path, out_dir: Path) -> None:
    documents = out_dir / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    manifest, entities = [], []
    for path in sorted((gum_dir / "dep").glob("GUM_*.conllu")):
        if not path.stem.startswith(("GUM_news_", "GUM_interview_")):
            continue
        doc = read_gum(path.read_text(encoding="utf-8"))
        doc_id = doc.name.removeprefix("GUM_")
        data = doc.text.encode("utf-8")
        (documents / f"{doc_id}.txt").write_bytes(data)
        manifest.append(manifest_record(doc_id, f"{doc_id}.txt", data, doc.meta, doc.name, doc.text))
        entities += [{"doc_id": doc_id, "type": e.etype, "start": e.start, "end": e.end, "text": e.text,
                      **({"identity": e.identity} if e.identity else {})} for e in doc.entities]
    (documents / "manifest.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in manifest),
                                              encoding="utf-8")
    (out_dir / "gum_entities.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities),
                                                encoding="utf-8")
    print(f"{len(manifest)} documents, {len(entities)} GUM entity mentions -> {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
