"""Afterward: anonymous retrospectives and post-mortem analytics."""
