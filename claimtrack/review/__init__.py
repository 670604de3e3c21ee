"""Human acts on the store: annotate a claim, relate two claims, merge and move speakers, undo and
redo, and the acts file that carries them between stores (export and import). Each act is recorded
in the revision log and checked against the row's version (see claimtrack.store.versions).

One rule for transactions, in every module here: a service takes a session and never commits (it
may flush, to give new rows their ids). The caller (a CLI command, the TUI's desk, an import) owns
the transaction, through `claimtrack.store.database.session_scope` - with `write=True` when it
changes something, so that on SQLite the write lock is held from its first read."""
