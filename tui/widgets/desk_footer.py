"""A footer that never overflows: the keys of the screen in front first, then the app's, as many as the
width holds, and always `? Help`, which lists every key that works here. It is built again only when
the keys it would show change (not on every return to a screen, which Textual's footer does)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"


class DeskFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.laid_out_for = 0
        self.shown_keys: tuple[object, ...] | None = None  # what the last compose showed (see `keys_now`)

    def keys_now(self) -> tuple[object, ...]:
        """The keys a compose would show now, and the width they are laid out in."""
        return (self.size.width, *((binding.key, binding.description, enabled)
                                   for _, binding, enabled, _ in self.screen.active_bindings.values() if binding.show))

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen and self.keys_now() != self.shown_keys:
            self.call_after_refresh(self.recompose)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self.shown_keys = self.keys_now()
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
