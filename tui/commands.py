"""Command-palette entries (Ctrl+P), namespaced the way the palette shows them:
"screen: Claims", "export: Markdown report", "edit: undo", "help: keys"."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.export import EXPORT_FORMATS

if TYPE_CHECKING:
    from tui.app import ClaimtrackApp


class ClaimtrackCommands(Provider):
    """claimtrack's own commands, next to Textual's (themes, quit, screenshot)."""

    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("ClaimtrackApp", self.app)  # the palette of this app only
        entries: list[tuple[str, str, Callable[[], object]]] = [
            ("screen: Sources", "Articles with claim and contradiction counts; ingest",
             partial(app.show_list, "sources")),
            ("screen: Claims", "Every claim, filtered and searched", partial(app.show_list, "claims")),
            ("screen: Contradictions", "Claims that collide, side by side", partial(app.show_list, "contradictions")),
            ("screen: Speakers", "Entities, aliases, merge and split", partial(app.show_list, "speakers")),
        ]
        for fmt in EXPORT_FORMATS:
            entries.append((f"export: {fmt.label}", f"Write the {fmt.label} to a file you name",
                            partial(app.ask_export_path, fmt)))
        entries += [
            ("edit: undo", "Take back your last change (Ctrl+Z)", app.action_undo),
            ("edit: redo", "Apply again what was undone (Ctrl+Y)", app.action_redo),
            ("help: keys", "The keys that work on this screen (?)", app.action_help),
        ]
        return entries

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
