"""Site stage: a project → the pages of its publication site, in memory (`pages`), with `plan`
(where each page goes, relative links), `history` (status, timeline, the units each act changed)
and `search` (the index of the latest version)."""
