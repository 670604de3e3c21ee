"""An article's text, read-only and selectable, with every claim span coloured by its speaker and
every cue word marked. Built on TextArea for the cursor, the mouse and the selection."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, cast

from rich.style import Style
from textual.binding import Binding
from textual.widgets import TextArea
from textual.widgets.text_area import Document, Selection

from claimtrack.queries.pages import ArticleClaim

# One colour per speaker, in the order speakers first speak in the article (cycled after eight).
SPEAKER_COLOURS = ("#f4a261", "#2a9d8f", "#e9c46a", "#8ecae6", "#c77dff", "#90be6d", "#f28482", "#84a59d")
UNATTRIBUTED = "#9a9a9a"


class ArticleView(TextArea, inherit_bindings=False):
    """The text with claims highlighted; `claim_at` maps a cursor to the claim under it."""

    # Read-only: none of TextArea's editing keys (help would list them), only moving, selecting, copying.
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous line"),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next line"),
        Binding("left", "cursor_left", "Left", show=False),
        Binding("right", "cursor_right", "Right", show=False),
        Binding("ctrl+left", "cursor_word_left", "Word left", show=False),
        Binding("ctrl+right", "cursor_word_right", "Word right", show=False),
        Binding("home", "cursor_line_start", "Line start", show=False),
        Binding("end", "cursor_line_end", "Line end", show=False),
        Binding("pageup", "cursor_page_up", "Page up", show=False),
        Binding("pagedown", "cursor_page_down", "Page down", show=False),
        Binding("shift+up", "cursor_up(True)", "Select up", show=False, tooltip="Select words for m"),
        Binding("shift+down", "cursor_down(True)", "Select down", show=False),
        Binding("shift+left", "cursor_left(True)", "Select left", show=False),
        Binding("shift+right", "cursor_right(True)", "Select right", show=False),
        Binding("ctrl+shift+left", "cursor_word_left(True)", "Select word left", show=False),
        Binding("ctrl+shift+right", "cursor_word_right(True)", "Select word right", show=False),
        Binding("ctrl+c", "copy", "Copy", show=False, tooltip="Copy the selected words"),
    ]

    def __init__(self, text: str, claims: list[ArticleClaim], **kwargs: Any) -> None:
        super().__init__(text, read_only=True, soft_wrap=True, show_line_numbers=False, **kwargs)
        self.set_claims(claims)

    def set_claims(self, claims: list[ArticleClaim]) -> None:
        """Show these claims (after a change in the store; the article's text never changes)."""
        self.claims = claims
        self.speaker_colour: dict[str | None, str] = {}
        for item in claims:
            if item.speaker is not None and item.speaker not in self.speaker_colour:
                self.speaker_colour[item.speaker] = SPEAKER_COLOURS[len(self.speaker_colour) % len(SPEAKER_COLOURS)]
        self._starts = [item.claim.start for item in claims]
        self._build_highlight_map()
        self.refresh()

    # -------------------------------------------------------------- highlighting (TextArea's hook)

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        styles = dict(self._theme.syntax_styles)
        for number, colour in enumerate(SPEAKER_COLOURS):
            styles[f"claim.speaker{number}"] = Style(color=colour)
        styles["claim.unattributed"] = Style(color=UNATTRIBUTED, italic=True)
        styles["claim.cue"] = Style(bold=True, underline=True)
        self._theme.syntax_styles = styles

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        self._highlights.clear()
        for item in getattr(self, "claims", ()):
            claim = item.claim
            if item.speaker is None:
                name = "claim.unattributed"
            else:
                name = f"claim.speaker{SPEAKER_COLOURS.index(self.speaker_colour[item.speaker])}"
            for start, end in claim.spans or [[claim.start, claim.end]]:
                self._highlight(start, end, name)
        for item in getattr(self, "claims", ()):  # cues last, so they show over the claims around them
            if item.claim.cue_start is not None and item.claim.cue_end is not None:
                self._highlight(item.claim.cue_start, item.claim.cue_end, "claim.cue")

    def _highlight(self, start: int, end: int, name: str) -> None:
        """Mark text[start:end] (character offsets) in the per-line byte columns TextArea draws with."""
        document = self.text_document
        top = document.get_location_from_index(start)
        bottom = document.get_location_from_index(end)
        for row in range(top[0], bottom[0] + 1):
            line = document.get_line(row)
            first = top[1] if row == top[0] else 0
            last = bottom[1] if row == bottom[0] else len(line)
            if last > first:
                self._highlights[row].append((len(line[:first].encode()), len(line[:last].encode()), name))

    # -------------------------------------------------------------- claims and the cursor

    @property
    def text_document(self) -> Document:
        """The article as a plain Document (no syntax tree), which maps offsets to locations and back;
        TextArea types its document as any document."""
        return cast(Document, self.document)

    @property
    def cursor_offset(self) -> int:
        return self.text_document.get_index_from_location(self.cursor_location)

    def claim_at(self, offset: int) -> ArticleClaim | None:
        """The innermost claim whose span holds *offset* (nested claims: the one starting last)."""
        for item in reversed(self.claims[:bisect_right(self._starts, offset)]):
            spans = item.claim.spans or [[item.claim.start, item.claim.end]]
            if any(start <= offset < end for start, end in spans):
                return item
        return None

    def go_to_claim(self, claim_id: int) -> bool:
        for item in self.claims:
            if item.claim.id == claim_id:
                self._go_to(item.claim.start)
                return True
        return False

    def next_claim(self, step: int) -> ArticleClaim | None:
        """The claim after (step 1) or before (step -1) the cursor, which moves to it."""
        if not self.claims:
            return None
        offset = self.cursor_offset
        current = self.claim_at(offset)
        if step > 0:
            later = [c for c in self.claims if c.claim.start > offset and c is not current]
            target = later[0] if later else self.claims[0]
        else:
            anchor = current.claim.start if current else offset
            earlier = [c for c in self.claims if c.claim.start < anchor]
            target = earlier[-1] if earlier else self.claims[-1]
        self._go_to(target.claim.start)
        return target

    def _go_to(self, offset: int) -> None:
        location = self.text_document.get_location_from_index(offset)
        self.selection = Selection.cursor(location)
        self.scroll_cursor_visible(center=True)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as character offsets (start < end), or None when nothing is selected."""
        start, end = sorted(self.selection)
        first = self.text_document.get_index_from_location(start)
        last = self.text_document.get_index_from_location(end)
        return (first, last) if last > first else None

    def claim_ids(self) -> list[int | None]:
        return [item.claim.id for item in self.claims]
