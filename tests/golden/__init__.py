"""The golden tests over the published corpus (`../shared/corpus/` beside the repository): every
note the publisher printed read into facts and written again by the grammar that builds the
documents (`notes`), every amending instruction read by `record --from-act` and drafted again
(`instructions`); `python -m tests.golden` (`make golden`) prints one line per language and the
misses by class. No text of the corpus is copied into the repository."""
