"""Presentation: tables, the HTML report, the leaderboard, README tables and the CI gate."""
