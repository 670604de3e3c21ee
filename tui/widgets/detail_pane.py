"""A detail pane that lays the screen out again only when its height changes.

`Static.update` asks for a layout of the whole screen each time, which on the Claims screen cost about
a fifth of a key press (the pane changes with every row the cursor rests on). Most claims' details
take as many lines as the one before, so the pane measures its new content first.
"""
from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


class DetailPane(Static):
    def show(self, content: VisualType) -> None:
        self.update(content, layout=False)
        self.clear_cached_dimensions()
        width, height = self.content_size
        if not width or self.parent is None or \
                self.get_content_height(self.parent.size, self.app.size, width) != height:
            self.refresh(layout=True)
