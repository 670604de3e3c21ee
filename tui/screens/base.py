"""What every main screen shares: the desk, errors shown as notifications, reloading after changes,
and the annotation actions on "the current claim" for the screens that have one."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError
from textual.binding import Binding
from textual.screen import Screen

from claimtrack.errors import ClaimtrackError
from claimtrack.store.versions import EditConflict

if TYPE_CHECKING:
    from tui.desk import Desk


def attempt(widget, work: Callable[[], str | None], *, title: str = "") -> bool:
    """Run a desk call; its sentence becomes a notification, and so does any error (never a traceback).

    When someone else changed the row since this screen showed it, the change is refused: the
    notification says who changed what, and the screens read the store again to show it."""
    try:
        message = work()
    except EditConflict as exc:
        widget.notify(str(exc), title="Changed by someone else: not saved", severity="warning", timeout=20)
        widget.app.refresh_from_store()
        return False
    except ClaimtrackError as exc:
        widget.notify(str(exc), title=title or "Not done", severity="error")
        return False
    except SQLAlchemyError as exc:
        widget.notify(f"database error: {getattr(exc, 'orig', exc)}", title=title or "Not done", severity="error")
        return False
    except (OSError, ValueError) as exc:
        widget.notify(f"{type(exc).__name__}: {exc}", title=title or "Not done", severity="error")
        return False
    if message:
        widget.notify(message, title=title)
    return True


class DeskScreen(Screen):
    """A main screen: it reads through the desk and reloads when the store changed while it was away."""

    loaded_generation = -1
    request = 0  # which reload a page belongs to: pages of an older reload are dropped

    @property
    def desk(self) -> "Desk":
        return self.app.desk

    def attempt(self, work: Callable[[], str | None], *, title: str = "") -> bool:
        done = attempt(self, work, title=title)
        if done:
            self.app.store_changed()
        return done

    def reload(self) -> None:
        """Read the screen's data again (in a worker where it can be slow)."""
        self.loaded_generation = self.desk.generation
        self.request += 1

    def on_screen_resume(self) -> None:
        if self.loaded_generation != self.desk.generation:
            self.reload()


class PagedScreen(DeskScreen):
    """A main screen whose table is read a page at a time by its `load_page` worker."""

    def restart_paging(self) -> None:
        """Forget where the last page ended (each screen keeps its own position)."""
        raise NotImplementedError

    def load_page(self, request: int, first_page: bool) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        super().reload()
        from tui.widgets.paged_table import PagedTable

        self.query_one(PagedTable).exhausted = True  # no more pages asked for until the first one is here
        self.restart_paging()
        self.load_page(self.request, first_page=True)

    def on_paged_table_need_more(self) -> None:
        self.load_page(self.request, first_page=False)


class ClaimActions:
    """Annotation keys for a screen with a current claim (`current_claim_id`)."""

    CLAIM_BINDINGS = [
        Binding("s", "pick_speaker", "Speaker", tooltip="Change the claim's speaker (fuzzy pick, or a new one)",
                id="claim.speaker"),
        Binding("a", "annotate", "Annotate", tooltip="Stance, status, verdict, explanation and a note",
                id="claim.annotate"),
        Binding("r", "add_relation", "Relate", tooltip="Add a relation from this claim to another",
                id="claim.relate"),
        Binding("x", "remove_relation", "Unrelate", tooltip="Dismiss one of this claim's relations",
                id="claim.unrelate"),
    ]

    def current_claim_id(self) -> int | None:  # pragma: no cover - each screen says
        raise NotImplementedError

    def current_claim_version(self, claim_id: int) -> int:
        """The version of the claim as this screen shows it (each screen that keeps it says)."""
        return self.desk.claim_version(claim_id)

    def _claim_or_warn(self) -> int | None:
        claim_id = self.current_claim_id()
        if claim_id is None:
            self.notify("no claim here: move to a claim first", severity="warning")
        return claim_id

    def action_pick_speaker(self) -> None:
        from tui.screens.speaker_pick import SpeakerPickScreen

        claim_id = self._claim_or_warn()
        if claim_id is None:
            return

        seen = self.current_claim_version(claim_id)  # as the screen shows it, not as it is by now

        def chosen(choice) -> None:
            if choice is not None:
                self.attempt(lambda: self.desk.annotate(claim_id, speaker=choice.name, new_speaker=choice.is_new,
                                                        expected_version=seen))

        self.app.push_screen(SpeakerPickScreen(self.desk.speaker_choices(), title=f"Speaker of claim {claim_id}"),
                             chosen)

    def action_annotate(self) -> None:
        from tui.screens.annotate import AnnotateClaimScreen

        claim_id = self._claim_or_warn()
        if claim_id is None:
            return
        detail = self.desk.claim_detail(claim_id)

        def chosen(edit) -> None:
            if edit is not None:
                self.attempt(lambda: self.desk.annotate(claim_id, **edit.changes(),
                                                        expected_version=detail.claim.version))

        self.app.push_screen(AnnotateClaimScreen(detail.claim), chosen)

    def action_add_relation(self) -> None:
        from tui.screens.new_relation import NewRelationScreen

        claim_id = self._claim_or_warn()
        if claim_id is None:
            return

        def chosen(draft) -> None:
            if draft is not None:
                self.attempt(lambda: self.desk.add_relation(claim_id, draft.other_claim_id, draft.kind,
                                                            note=draft.note))

        self.app.push_screen(NewRelationScreen(claim_id), chosen)

    def action_remove_relation(self) -> None:
        from tui.screens.choice import ChoiceScreen

        claim_id = self._claim_or_warn()
        if claim_id is None:
            return
        live = [r for r in self.desk.claim_detail(claim_id).relations if r.status != "dismissed"]
        if not live:
            self.notify(f"claim {claim_id} has no relation to remove", severity="warning")
            return
        options = [(f"#{r.id} {r.kind} claim {r.claim_b_id if r.claim_a_id == claim_id else r.claim_a_id} "
                    f"({r.status}, {r.score:.2f})", r.id) for r in live]
        seen = {r.id: r.version for r in live}

        def chosen(relation_id) -> None:
            if relation_id is not None:
                self.attempt(lambda: self.desk.set_relation_status(relation_id, "dismissed",
                                                                   expected_version=seen[relation_id]))

        self.app.push_screen(ChoiceScreen(f"Dismiss a relation of claim {claim_id}", options), chosen)
