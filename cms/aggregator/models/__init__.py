from .items import Cluster, Item, ItemBand, ItemTranslation
from .pages import FeedIndexPage
from .sources import Source, SourceKind

__all__ = [
    "Cluster",
    "FeedIndexPage",
    "Item",
    "ItemBand",
    "ItemTranslation",
    "Source",
    "SourceKind",
]
