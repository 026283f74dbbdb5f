"""Validators compiled from the JSON Schemas of ``gold/schema/`` (``python -m bench.data.compile_schemas``): do not edit."""
