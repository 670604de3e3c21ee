"""One module per screen; the modals (pickers and forms) return typed results."""
