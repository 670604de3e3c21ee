"""The read side shared by the CLI, the TUI and the reports: claims, sources and speakers (claims),
keyset pages for long listings (pages), and contradictions with both sides (contradictions)."""
