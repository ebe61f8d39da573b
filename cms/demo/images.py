"""Landscape illustrations drawn with Pillow, so the demo downloads nothing."""

import random
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageDraw

Colour = tuple[int, int, int]


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw_landscape(seed: str, sky: Colour, ground: Colour, size=(1600, 900)) -> bytes:
    """A deterministic JPEG: a sky gradient, a sun, layered hills and water."""
    width, height = size
    rng = random.Random(seed)
    image = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.62)
    for y in range(horizon):
        draw.line([(0, y), (width, y)], fill=_mix(sky, (255, 255, 255), y / horizon * 0.6))
    sun_x, sun_r = rng.randint(width // 5, 4 * width // 5), rng.randint(50, 90)
    draw.ellipse(
        [sun_x - sun_r, horizon * 0.35 - sun_r, sun_x + sun_r, horizon * 0.35 + sun_r],
        fill=_mix(sky, (255, 250, 230), 0.8),
    )
    for layer in range(3):
        shade = _mix(ground, sky, 0.55 - layer * 0.25)
        base = horizon - 40 + layer * 30
        points, x = [(0, height)], 0
        while x <= width:
            points.append((x, base - rng.randint(40, 260 - layer * 60)))
            x += rng.randint(60, 180)
        points += [(width, base), (width, height)]
        draw.polygon(points, fill=shade)
    water_top = horizon + 60
    for y in range(water_top, height):
        draw.line([(0, y), (width, y)], fill=_mix(sky, ground, 0.35 + (y - water_top) / height))
    for _ in range(40):
        y = rng.randint(water_top, height)
        x = rng.randint(0, width)
        draw.line([(x, y), (x + rng.randint(20, 120), y)], fill=_mix(sky, (255, 255, 255), 0.5))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
