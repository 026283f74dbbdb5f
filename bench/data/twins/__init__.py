"""Counterfactual twins of a gold set: the same articles with other people, counts and dates, and the gold to match.

A twin renames every person found (officials and others), scales every
headcount and user count by one seeded factor, and moves every date by one
seeded whole number of weeks, in the text and in the gold alike. Agencies stay.
An extractor that reads scores the same on a twin; one that recites the
original articles scores lower, and its recited answers can be counted
(:mod:`bench.scoring.recitation`). ``bench twins build`` writes one.
"""
