"""claimtrack: who asserted what, and where the claims of different people collide."""

__version__ = "0.1.0"
