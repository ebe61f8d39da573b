"""Shared text helpers (bottom layer): HTML sanitising, slugs, normalisation.

Nothing here imports Django apps of this project; every layer may import it.
"""
