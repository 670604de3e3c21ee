"""The one exception type the CLI turns into a one-line message."""
from abc import ABCMeta

from claimtrack.engine.model import EngineError


class ClaimtrackError(Exception, metaclass=ABCMeta):
    """A problem the user can act on; its message names the file or thing and the problem."""


# The engine imports nothing of the project, so its refusals (an article over its time budget) are its
# own class. They count as ours for isinstance(), but not for `except ClaimtrackError:` (Python matches
# an `except` on real subclasses only): code that lets the engine's refusals through names `EngineError`.
ClaimtrackError.register(EngineError)
