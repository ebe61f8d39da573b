"""A text progress bar for long downloads, drawn on a terminal only (no dependency)."""

import time
from typing import Protocol


class Output(Protocol):
    def write(self, msg: str = "", style_func=None, ending: str | None = None) -> None: ...

    def flush(self) -> None: ...

    def isatty(self) -> bool: ...


def human_size(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


class ProgressBar:
    """``[#####-----]  12.3 MB / 45.6 MB  27%`` redrawn in place on a terminal, at most
    ten times a second; nothing at all when the output is a file or a pipe (the caller
    writes its own start and end lines)."""

    def __init__(self, out: Output, width: int = 30, interval: float = 0.1):
        self.out = out
        self.width = width
        self.interval = interval
        self.interactive = out.isatty()
        self.drawn_at = 0.0
        self.drawn = False

    def line(self, done: int, total: int | None) -> str:
        if not total:
            return f"  {human_size(done)}"
        fraction = min(done / total, 1.0)
        filled = int(self.width * fraction)
        bar = "#" * filled + "-" * (self.width - filled)
        return f"  [{bar}] {human_size(done)} / {human_size(total)} {fraction:4.0%}"

    def __call__(self, done: int, total: int | None) -> None:
        if not self.interactive:
            return
        now = time.monotonic()
        if now - self.drawn_at < self.interval and done != total:
            return
        self.drawn_at = now
        self.drawn = True
        self.out.write("\r" + self.line(done, total), ending="")
        self.out.flush()

    def finish(self) -> None:
        """End the bar's line so the next message starts on its own."""
        if self.drawn:
            self.out.write("")
            self.drawn = False
