"""What every main screen shares: the desk, its calls made in workers (see tui.desk_calls), reloading
after changes, and the annotation actions on "the current claim" for the screens that have one."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from textual import getters
from textual.binding import Binding
from textual.screen import Screen

from tui.desk_calls import Answered

if TYPE_CHECKING:
    from claimtrack.queries.contradictions import RelationRow
    from claimtrack.report_model import ReportFilter
    from claimtrack.store.models import Claim, ClaimRelation
    from tui.app import ClaimtrackApp
    from tui.desk import ClaimDetail, Desk
    from tui.screens.annotate import ClaimEdit
    from tui.screens.new_relation import RelationDraft
    from tui.screens.speaker_pick import SpeakerChoice

Answer = TypeVar("Answer")
Row = TypeVar("Row")


class DeskScreen(Screen[None]):
    """A main screen: it reads through the desk and reloads when the store changed while it was away."""

    loaded_generation = -1
    request = 0  # which reload a page belongs to: pages of an older reload are dropped

    if TYPE_CHECKING:  # Textual types `app` as any App; a desk screen is only ever shown by this one
        app = getters.app(ClaimtrackApp)

    @property
    def desk(self) -> Desk:
        return self.app.desk

    def change(self, edit: Callable[[], str | None], *, title: str = "") -> None:
        """Change the store in a worker, in turn with the person's other changes (see ClaimtrackApp.change)."""
        self.app.change(edit, title=title)

    def ask(self, question: Callable[[], Answer], then: Callable[[Answer], None], *, title: str = "") -> None:
        """Read the store in a worker, in turn with the person's changes; *then* takes the answer here."""
        self.app.ask(question, then, asker=self, title=title)

    def on_answered(self, message: Answered) -> None:
        # What was asked for opens only over the screen that asked: if the person moved on while the
        # answer was on its way (another screen, or the dialog an earlier press of the key opened),
        # nothing opens.
        if self.app.screen is self:
            message.then(message.answer)

    def reload(self) -> None:
        """Read the screen's data again (in a worker where it can be slow)."""
        self.loaded_generation = self.desk.generation
        self.request += 1

    def on_screen_resume(self) -> None:
        if self.loaded_generation != self.desk.generation:
            self.reload()

    def export_selection(self) -> tuple[ReportFilter, str]:
        """What an export from this screen covers (its filters, as far as a report takes them), in words."""
        from claimtrack.report_model import EVERYTHING

        return EVERYTHING, "everything"


class PagedScreen(DeskScreen):
    """A main screen whose table is read a page at a time by its `load_page` worker."""

    def restart_paging(self) -> None:
        """Forget where the last page ended (each screen keeps its own position)."""
        raise NotImplementedError

    def load_page(self, request: int, first_page: bool) -> object:
        """Read a page in a worker and post it to the screen (each screen says how)."""
        raise NotImplementedError

    def reload(self) -> None:
        super().reload()
        from tui.widgets.paged_table import PagedTable

        self.query_one(PagedTable).exhausted = True  # no more pages asked for until the first one is here
        self.restart_paging()
        self.load_page(self.request, first_page=True)

    def on_paged_table_need_more(self) -> None:
        self.load_page(self.request, first_page=False)


class OffsetPagedScreen(PagedScreen, Generic[Row]):
    """A paged screen that asks for pages by offset and keeps the loaded rows by id (Contradictions,
    Speakers), so that the highlighted row's full data is at hand without a read."""

    rows: dict[int, Row]  # row id -> the row as the page gave it
    loaded: int  # how many rows the table holds: the next page's offset

    def restart_paging(self) -> None:
        self.loaded = 0

    def keep_page(self, request: int, rows: list[Row], first_page: bool, row_id: Callable[[Row], int | None]) -> bool:
        """Keep a loaded page's rows; False for a page of an older reload (the filter changed since),
        which is dropped. A first page replaces what was kept."""
        if request != self.request:
            return False
        if first_page:
            self.rows.clear()
            self.loaded = 0
        self.rows.update((key, row) for row in rows if (key := row_id(row)) is not None)
        return True


class ClaimActions(DeskScreen):
    """Annotation keys for a main screen with a current claim (`current_claim_id`)."""

    CLAIM_BINDINGS = [
        Binding("s", "pick_speaker", "Speaker", tooltip="Change the claim's speaker (fuzzy pick, or a new one)",
                id="claim.speaker"),
        Binding("a", "annotate", "Annotate", tooltip="Stance, status, verdict, explanation and a note",
                id="claim.annotate"),
        Binding("r", "add_relation", "Relate", tooltip="Add a relation from this claim to another",
                id="claim.relate"),
        Binding("g", "go_to_related", "Related", tooltip="Go to one of this claim's related claims, in its article",
                id="claim.related"),
        Binding("t", "speaker_timeline", "Timeline", tooltip="The speaker's claims by date, contradictions marked",
                id="claim.timeline"),
        Binding("x", "remove_relation", "Unrelate", tooltip="Dismiss one of this claim's relations",
                id="claim.unrelate"),
    ]

    def current_claim_id(self) -> int | None:  # pragma: no cover - each screen says
        raise NotImplementedError

    def shown_claim_version(self, claim_id: int) -> int | None:
        """The version of the claim as this screen shows it (each screen that keeps it says); None: the
        screen shows none, and a change expects the claim as it is when the key is pressed."""
        return None

    def _claim_or_warn(self) -> int | None:
        claim_id = self.current_claim_id()
        if claim_id is None:
            self.notify("no claim here: move to a claim first", severity="warning")
        return claim_id

    # ------------------------------------------------------------------ the speaker

    def action_pick_speaker(self) -> None:
        claim_id = self._claim_or_warn()
        if claim_id is None:
            return
        desk = self.desk
        seen = self.shown_claim_version(claim_id)  # as the screen shows it, not as it is by now

        def version_and_choices() -> tuple[int, list[tuple[str, str]]]:
            return (desk.claim_version(claim_id) if seen is None else seen), desk.speaker_choices()

        self.ask(version_and_choices, lambda answer: self.offer_speakers(claim_id, *answer))

    def offer_speakers(self, claim_id: int, version: int, choices: list[tuple[str, str]]) -> None:
        from tui.screens.speaker_pick import SpeakerPickScreen

        desk = self.desk

        def chosen(choice: SpeakerChoice | None) -> None:
            if choice is not None:
                self.change(lambda: desk.annotate(claim_id, speaker=choice.name, new_speaker=choice.is_new,
                                                  expected_version=version))

        pick = SpeakerPickScreen(choices, title=f"Speaker of claim {claim_id}")
        self.app.push_screen(pick, chosen)
        # Role, affiliation and claim counts come after (a count over every claim): the pick opens at once.
        self.app.ask(desk.speaker_facts, pick.show_facts, asker=pick)

    # ------------------------------------------------------------------ stance, status, verdict

    def action_annotate(self) -> None:
        claim_id = self._claim_or_warn()
        if claim_id is not None:
            desk = self.desk
            self.ask(lambda: desk.claim_detail(claim_id), lambda detail: self.offer_annotation(claim_id, detail))

    def offer_annotation(self, claim_id: int, detail: ClaimDetail) -> None:
        from tui.screens.annotate import AnnotateClaimScreen

        desk, seen = self.desk, detail.claim.version  # the change expects the claim as the form shows it

        def chosen(edit: ClaimEdit | None) -> None:
            if edit is not None:
                self.change(lambda: desk.annotate(claim_id, stance=edit.stance, status=edit.status,
                                                  verdict=edit.verdict, explanation=edit.explanation, note=edit.note,
                                                  expected_version=seen))

        self.app.push_screen(AnnotateClaimScreen(detail.claim), chosen)

    # ------------------------------------------------------------------ relations

    def action_add_relation(self) -> None:
        from tui.screens.new_relation import NewRelationScreen

        claim_id = self._claim_or_warn()
        if claim_id is None:
            return
        desk = self.desk

        def chosen(draft: RelationDraft | None) -> None:
            if draft is not None:
                self.change(lambda: desk.add_relation(claim_id, draft.other_claim_id, draft.kind, note=draft.note))

        self.app.push_screen(NewRelationScreen(claim_id, desk.find_claims), chosen)

    def action_speaker_timeline(self) -> None:
        claim_id = self._claim_or_warn()
        if claim_id is not None:
            desk = self.desk
            self.ask(lambda: desk.claim_detail(claim_id), self.open_timeline)

    def open_timeline(self, detail: ClaimDetail) -> None:
        from tui.screens.timeline import TimelineScreen

        speaker = detail.speaker
        if speaker is None or speaker.id is None:
            self.notify(f"claim {detail.claim.id} has no speaker: no timeline to show", severity="warning")
            return
        self.app.push_screen(TimelineScreen(speaker.id, speaker.name))

    def action_go_to_related(self) -> None:
        claim_id = self._claim_or_warn()
        if claim_id is not None:
            desk = self.desk
            self.ask(lambda: desk.relations_of(claim_id), lambda rows: self.offer_related(claim_id, rows))

    def offer_related(self, claim_id: int, rows: list[RelationRow]) -> None:
        """The claims related to this one (kind, status, who said what, where); the one picked opens in its
        article (Esc comes back here)."""
        from claimtrack.display import clip
        from tui.screens.choice import ChoiceScreen
        from tui.screens.reader import ReaderScreen

        if not rows:
            self.notify(f"claim {claim_id} has no relations")
            return
        options = []
        for row in rows:
            other = row.b if row.a.claim.id == claim_id else row.a
            words = clip(" ".join(other.claim.text.split()), 60)
            where = other.source_title or f"source {other.claim.source_id}"
            options.append((f"{row.relation.kind} · {row.relation.status} · #{other.claim.id} "
                            f"{other.speaker or 'unattributed'}: {words} · {where}", other.claim))

        def chosen(claim: Claim | None) -> None:
            if claim is not None:
                self.app.push_screen(ReaderScreen(claim.source_id, claim.id))

        self.app.push_screen(ChoiceScreen(f"Claims related to claim {claim_id}", options), chosen)

    def action_remove_relation(self) -> None:
        claim_id = self._claim_or_warn()
        if claim_id is not None:
            desk = self.desk
            self.ask(lambda: desk.claim_detail(claim_id).relations,
                     lambda relations: self.offer_relations_to_dismiss(claim_id, relations))

    def offer_relations_to_dismiss(self, claim_id: int, relations: list[ClaimRelation]) -> None:
        from tui.screens.choice import ChoiceScreen

        live = [r for r in relations if r.status != "dismissed"]
        if not live:
            self.notify(f"claim {claim_id} has no relation to remove", severity="warning")
            return
        options = [(f"#{r.id} {r.kind} claim {r.claim_b_id if r.claim_a_id == claim_id else r.claim_a_id} "
                    f"({r.status}, {r.score:.2f})", r.id) for r in live]
        seen = {r.id: r.version for r in live}
        desk = self.desk

        def chosen(relation_id: int | None) -> None:
            if relation_id is not None:
                self.change(lambda: desk.set_relation_status(relation_id, "dismissed",
                                                             expected_version=seen[relation_id]))

        self.app.push_screen(ChoiceScreen(f"Dismiss a relation of claim {claim_id}", options), chosen)
