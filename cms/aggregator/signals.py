"""What the aggregator announces to the apps above it, which it never imports."""

from django.dispatch import Signal

# Sent after a fetch stored new items, with ``item_ids`` (a list of Item primary keys).
# cms.search connects to it to index them.
items_ingested = Signal()
