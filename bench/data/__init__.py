"""Data in and out: documents, gold sets, JSONL, schemas and record checks, results files, sources."""
