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
from tui.widgets.palette import SPEAKER_HUES, grey_for, speaker_hue, speaker_palette

DARK_BACKGROUNDS = ("#121212", "#1e1e1e")  # textual-dark's, and a terminal's own dark default
LIGHT_BACKGROUNDS = ("#ffffff", "#efefef")


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
        self.current: ArticleClaim | None = None
        self._starts = [item.claim.start for item in claims]
        self._build_highlight_map()
        self.refresh()

    @property
    def speaker_colour(self) -> dict[str, str]:
        """Each speaker of the article -> their colour (by speaker id: the same in every article)."""
        palette = self.palette()[0]
        return {item.speaker: palette[speaker_hue(item.claim.speaker_id)]
                for item in self.claims if item.speaker is not None and item.claim.speaker_id is not None}

    @property
    def unattributed_colour(self) -> str:
        return self.palette()[1]

    def palette(self) -> tuple[tuple[str, ...], str]:
        """The speaker colours and the grey for the theme in use, each readable on its background."""
        try:
            app = self.app
            variables, dark = app.get_css_variables(), app.current_theme.dark
        except Exception:  # not yet in an app: the default dark theme's
            variables, dark = {}, True
        backgrounds = tuple(colour for colour in (variables.get("background"), variables.get("surface"))
                            if colour and colour.startswith("#")) or (DARK_BACKGROUNDS if dark else LIGHT_BACKGROUNDS)
        return speaker_palette(backgrounds, dark), grey_for(backgrounds, dark)

    # -------------------------------------------------------------- highlighting (TextArea's hook)

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        colours, grey = self.palette()
        styles = dict(self._theme.syntax_styles)
        for number, colour in enumerate(colours):
            styles[f"claim.speaker{number}"] = Style(color=colour)
        styles["claim.unattributed"] = Style(color=grey, italic=True)
        styles["claim.cue"] = Style(bold=True, underline=True)
        styles["claim.current"] = Style(reverse=True)  # the claim under the cursor, whatever its colour
        self._theme.syntax_styles = styles

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        self._highlights.clear()
        for item in getattr(self, "claims", ()):
            claim = item.claim
            if item.speaker is None or claim.speaker_id is None:
                name = "claim.unattributed"
            else:
                name = f"claim.speaker{speaker_hue(claim.speaker_id) % SPEAKER_HUES}"
            for start, end in claim.spans or [[claim.start, claim.end]]:
                self._highlight(start, end, name)
        for item in getattr(self, "claims", ()):  # cues last, so they show over the claims around them
            if item.claim.cue_start is not None and item.claim.cue_end is not None:
                self._highlight(item.claim.cue_start, item.claim.cue_end, "claim.cue")
        current = getattr(self, "current", None)
        if current is not None:
            for start, end in current.claim.spans or [[current.claim.start, current.claim.end]]:
                self._highlight(start, end, "claim.current")

    def mark_current(self) -> ArticleClaim | None:
        """Mark the claim under the cursor (and only it) as current; returns it."""
        item = self.claim_at(self.cursor_offset)
        if item is not self.current:
            self.current = item
            self._build_highlight_map()
            self.refresh()
        return item

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
