"""Normalization: one normalizer per value kind (dates, counts, names), shared by gold, scoring and extractors."""
