"""A footer that never overflows: the keys of the screen in front first, then the app's, as many as the
width holds, and always `? Help`, which lists every key that works here."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"


class DeskFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.laid_out_for = 0

    def compose(self) -> ComposeResult:
        keys = [key for key in super().compose() if isinstance(key, FooterKey)]
        room = self.size.width or self.app.size.width
        help_keys = [key for key in keys if key.action == HELP_ACTION]
        room -= sum(_width(key) for key in help_keys)
        shown: list[FooterKey] = []
        for key in keys:
            if key.action == HELP_ACTION:
                continue
            if _width(key) > room:
                break  # the rest are on ? (help): keys keep their order, none is skipped for a shorter one
            room -= _width(key)
            shown.append(key)
        self.styles.grid_size_columns = len(shown) + len(help_keys)
        yield from shown
        yield from help_keys

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self.laid_out_for:
            self.laid_out_for = event.size.width
            self.refresh(recompose=True)


def _width(key: FooterKey) -> int:
    """The cells a compact key takes: its key, a space, its description and a space between keys."""
    return len(key.key_display) + 1 + len(key.description) + 1
