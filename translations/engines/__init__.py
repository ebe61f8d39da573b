"""Machine-translation engines. Each translates lists of plain sentences for one or more
language pairs; ``registry`` picks one per pair and pivots through English."""
