"""Shared text helpers (bottom layer), one implementation of each for every layer:

- ``html``: every HTML allow-list (segments, outgoing feeds, rich text, fetched feed
  items, imported bodies) and HTML-to-text;
- ``normalise``: NFC, case folding, search folding, control characters, script tests;
- ``dates``: reading dates written by others (ISO with bounds, portal forms, RFC 822);
- ``slugs``: readable URL slugs per language and script.

Nothing here imports Django apps of this project; every layer may import it.
"""
