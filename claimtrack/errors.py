"""The one exception type the CLI turns into a one-line message. It imports nothing, so every layer,
the engine included, may raise it."""


class ClaimtrackError(Exception):
    """A problem the user can act on; its message names the file or thing and the problem."""
