"""The read side shared by the CLI, the TUI and the reports: claims, sources and speakers (claims),
keyset pages for long listings (pages), and relations with both claims (contradictions)."""
