"""Collect: questionnaires, survey links, responses and the database that keeps them."""
