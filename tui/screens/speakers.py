"""Speakers: every entity with its aliases, role and claim count; merge speakers that are one (a wrong
split: one, or several marked with space, into another; or pair by pair from the "likely the same"
list) and move an alias to another speaker (a wrong merge)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Header, Input

from claimtrack.display import clip as _clip
from claimtrack.queries.claims import SpeakerRow
from claimtrack.queries.speaker_merges import MergeSuggestion
from claimtrack.store.models import Speaker, SpeakerAlias, stored_id
from tui.screens.base import OffsetPagedScreen
from tui.widgets.desk_footer import DeskFooter
from tui.widgets.paged_table import PagedTable, page_size

if TYPE_CHECKING:
    from tui.screens.speaker_pick import SpeakerChoice


class SpeakersScreen(OffsetPagedScreen[SpeakerRow]):
    BINDINGS = [
        Binding("m", "merge", "Merge into…",
                tooltip="This speaker (or the ones marked with space) is the same entity as another: merge in",
                id="speakers.merge"),
        Binding("space", "toggle_mark", "Mark", tooltip="Mark this speaker, to merge several at once",
                id="speakers.mark"),
        Binding("L", "likely_same", "Likely the same",
                tooltip="Pairs of speakers that are likely one, with the reason; Enter merges a pair",
                id="speakers.likely_same"),
        Binding("l", "move_alias", "Move alias", tooltip="One of these names is someone else: move that alias",
                id="speakers.move_alias"),
        Binding("enter", "show_claims", "Claims", tooltip="Show this speaker's claims", id="speakers.claims"),
        Binding("t", "timeline", "Timeline", tooltip="This speaker's claims in date order, contradictions marked",
                id="speakers.timeline"),
        Binding("slash", "focus_filter", "Filter", tooltip="Show only speakers whose name matches",
                id="speakers.filter"),
        Binding("escape", "back_to_table", "Back", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """A page of speakers read by the worker."""

        request: int
        rows: list[SpeakerRow]
        first_page: bool

    def __init__(self) -> None:
        super().__init__(id="speakers")
        self.name_filter = ""
        self.loaded = 0
        self.rows: dict[int, SpeakerRow] = {}
        self.marked: dict[int, str] = {}  # speaker id -> name, marked to be merged together

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Input(placeholder="/ filter speakers by name", id="speaker-name-filter")
        yield PagedTable(id="speakers-table")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.sub_title = "Speakers"
        table = self.query_one(PagedTable)
        for label, key in (("id", "id"), ("name", "name"), ("kind", "kind"), ("role", "role"),
                           ("affiliation", "affiliation"), ("claims", "claims"), ("aliases", "aliases")):
            table.add_column(label, key=key)
        table.focus()
        self.reload()

    @work(thread=True, exclusive=True, group="speakers", exit_on_error=False)
    def load_page(self, request: int, first_page: bool) -> None:
        rows = self.desk.speakers(name=self.name_filter or None, offset=0 if first_page else self.loaded,
                                  limit=page_size(first_page))
        self.post_message(self.Loaded(request, rows, first_page))

    def on_speakers_screen_loaded(self, message: Loaded) -> None:
        if not self.keep_page(message.request, message.rows, message.first_page, lambda row: row.speaker.id):
            return
        self.loaded += self.query_one(PagedTable).fill_page(
            message.rows, message.first_page, key=lambda row: row.speaker.id,
            cells=lambda row: (self.id_cell(row.speaker), _clip(row.speaker.name, 32), row.speaker.kind,
                               _clip(row.speaker.role or "", 16), _clip(row.speaker.affiliation or "", 24),
                               str(row.claims), _clip("; ".join(row.aliases), 60)))

    def id_cell(self, speaker: Speaker) -> str:
        return f"✓ {speaker.id}" if speaker.id in self.marked else str(speaker.id)

    def action_toggle_mark(self) -> None:
        row = self.current_speaker()
        if row is None or row.speaker.id is None:
            return
        speaker_id = row.speaker.id
        if self.marked.pop(speaker_id, None) is None:
            self.marked[speaker_id] = row.speaker.name
        table = self.query_one(PagedTable)
        table.update_cell(str(speaker_id), "id", self.id_cell(row.speaker))
        table.action_cursor_down()

    def reload(self) -> None:
        # Marks are forgotten when the list is read again (a merge, someone else's change): what they
        # named may be gone.
        self.marked = {}
        super().reload()

    def action_likely_same(self) -> None:
        desk = self.desk
        self.ask(desk.likely_same_speakers, self.offer_likely_same, title="Likely the same")

    def offer_likely_same(self, suggestions: list[MergeSuggestion]) -> None:
        from tui.screens.likely_same import LikelySameScreen

        if not suggestions:
            self.notify("no speakers look like one another")
            return
        desk = self.desk

        def merge(pair: MergeSuggestion) -> None:
            keep_id, merged_id = stored_id(pair.keep), stored_id(pair.other)
            self.change(lambda: desk.merge_speakers(keep_id, merged_id), title="Merge")

        self.app.push_screen(LikelySameScreen(suggestions, merge))

    def current_speaker(self) -> SpeakerRow | None:
        key = self.query_one(PagedTable).current_key()
        return None if key is None else self.rows.get(key)

    def action_merge(self) -> None:
        row = self.current_speaker()
        if row is not None:
            self.ask(self.desk.speaker_choices, lambda choices: self.offer_merge(row.speaker, choices))

    def offer_merge(self, merged: Speaker, choices: list[tuple[str, str]]) -> None:
        """Merge this speaker, or every marked one, into the speaker picked (one change, one undo)."""
        from tui.screens.speaker_pick import SpeakerPickScreen

        desk = self.desk
        merging = dict(self.marked) or {stored_id(merged): merged.name}

        def chosen(choice: SpeakerChoice | None) -> None:
            if choice is not None:
                ids = list(merging)
                self.change(lambda: desk.merge_many_speakers(desk.speaker_id(choice.name), ids))

        names = set(merging.values())
        others = [(key, name) for key, name in choices if name not in names]
        what = f"the {len(merging)} marked speakers" if len(merging) > 1 else f"“{next(iter(names))}”"
        self.app.push_screen(SpeakerPickScreen(others, title=f"Merge {what} into…", allow_new=False), chosen)

    def action_move_alias(self) -> None:
        row = self.current_speaker()
        if row is None:
            return
        desk, speaker = self.desk, row.speaker
        speaker_id = stored_id(speaker)
        # The speakers to move to are read with the aliases: one wait, before the first question.
        self.ask(lambda: (desk.aliases(speaker_id), desk.speaker_choices()),
                 lambda answer: self.offer_alias_move(speaker, *answer))

    def offer_alias_move(self, speaker: Speaker, aliases: list[SpeakerAlias], choices: list[tuple[str, str]]) -> None:
        from tui.screens.choice import ChoiceScreen
        from tui.screens.speaker_pick import SpeakerPickScreen

        if not aliases:
            self.notify(f"{speaker.name} has no alias to move", severity="warning")
            return
        desk = self.desk
        others = [(key, name) for key, name in choices if name != speaker.name]

        def alias_chosen(alias: SpeakerAlias | None) -> None:
            if alias is None:
                return
            alias_id = stored_id(alias)

            def target_chosen(choice: SpeakerChoice | None) -> None:
                if choice is not None:
                    self.change(lambda: desk.move_alias(alias_id, choice.name, new_speaker=choice.is_new))

            self.app.push_screen(SpeakerPickScreen(others, title=f"Move “{alias.alias}” to…"), target_chosen)

        self.app.push_screen(ChoiceScreen(f"Which name of {speaker.name} is someone else?",
                                          [(a.alias, a) for a in aliases]), alias_chosen)

    async def action_show_claims(self) -> None:
        row = self.current_speaker()
        if row is not None:
            await self.app.show_claims_of(row.speaker.name)

    def action_timeline(self) -> None:
        from tui.screens.timeline import TimelineScreen

        row = self.current_speaker()
        if row is not None and row.speaker.id is not None:
            self.app.push_screen(TimelineScreen(row.speaker.id, row.speaker.name))

    @on(PagedTable.RowSelected)
    async def row_selected(self) -> None:
        await self.action_show_claims()

    def action_focus_filter(self) -> None:
        self.query_one("#speaker-name-filter", Input).focus()

    def action_back_to_table(self) -> None:
        self.query_one(PagedTable).focus()

    @on(Input.Changed, "#speaker-name-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.name_filter = event.value.strip()
        self.reload()

    @on(Input.Submitted, "#speaker-name-filter")
    def filter_done(self) -> None:
        self.query_one(PagedTable).focus()
