"""Reports and exports: the contradiction report (Markdown, HTML), JSON, CSV, ClaimReview and the
annotations file that carries human work from one database to another.

`gather` selects what a report shows (a `claimtrack.report_model.Report`); `markdown`, `html`,
`structured` and `claimreview` each render formats from that selection (the annotations file is
written by `claimtrack.review.acts_file`); `registry` names every format once and holds the one
`export()` the CLI and the TUI call; `writers` writes CSV and JSON faithfully, and `files` replaces a
file all or nothing.
"""
