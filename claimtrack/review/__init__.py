"""Human acts on the store: annotate a claim, relate two claims, merge and move speakers, undo and
redo, and the acts file that carries them between stores (export and import). Each act is recorded
in the revision log and checked against the row's version (see claimtrack.store.versions)."""
