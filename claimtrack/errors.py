"""The one exception type the CLI turns into a one-line message."""


class ClaimtrackError(Exception):
    """A problem the user can act on; its message names the file or thing and the problem."""
