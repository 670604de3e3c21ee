"""Speaker colours: 16 hues, each made light enough (dark themes) or dark enough (light themes) to read
at 4.5:1 or better (WCAG AA) against the theme's background and surface. A speaker's colour follows
from their id alone, so it stays the same in every article and when claims or speakers are added;
speakers made one after another (as one article's are) get hues far apart."""
from __future__ import annotations

import colorsys
from functools import lru_cache

from textual.color import Color

SPEAKER_HUES = 16
MIN_CONTRAST = 4.5
# Stepping 7/16 of the way round the colour wheel visits all 16 hues, neighbours far apart.
_HUES = tuple((number * 7 % SPEAKER_HUES) / SPEAKER_HUES for number in range(SPEAKER_HUES))


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _readable(hue: float, backgrounds: tuple[Color, ...], dark: bool) -> Color:
    lightness = 0.68 if dark else 0.38
    step = 0.02 if dark else -0.02
    while True:
        r, g, b = colorsys.hls_to_rgb(hue, lightness, 0.8)
        colour = Color(round(r * 255), round(g * 255), round(b * 255))
        if min(contrast(colour, back) for back in backgrounds) >= MIN_CONTRAST + 0.1 or not 0 < lightness < 1:
            return colour
        lightness = min(1.0, max(0.0, lightness + step))


@lru_cache(maxsize=32)
def speaker_palette(backgrounds: tuple[str, ...], dark: bool) -> tuple[str, ...]:
    """The 16 speaker colours (hex) for a theme with these background colours."""
    parsed = tuple(Color.parse(colour) for colour in backgrounds)
    return tuple(_readable(hue, parsed, dark).hex for hue in _HUES)


def grey_for(backgrounds: tuple[str, ...], dark: bool) -> str:
    """The unattributed claims' grey, readable on the same backgrounds."""
    parsed = tuple(Color.parse(colour) for colour in backgrounds)
    for level in (range(150, 256, 5) if dark else range(110, -1, -5)):
        grey = Color(level, level, level)
        if min(contrast(grey, back) for back in parsed) >= MIN_CONTRAST + 0.1:
            return grey.hex
    return "#ffffff" if dark else "#000000"


def speaker_hue(speaker_id: int) -> int:
    """Which of the palette's colours is this speaker's: by id, the same everywhere and always."""
    return speaker_id % SPEAKER_HUES
