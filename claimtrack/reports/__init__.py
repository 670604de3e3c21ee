"""Reports and exports: the contradiction report (Markdown, HTML), JSON, CSV, ClaimReview and the
annotations file that carries human work from one database to another.

`gather` selects what a report shows; each other module renders one format from that selection.
"""
