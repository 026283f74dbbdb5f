"""Scoring: fact level, mention level, intervals and significance, error analysis, comparison."""
