"""The golden tests over the published corpus (`../shared/corpus/` beside the repository, found
by `corpus`): every note the publisher printed read into facts and written again by the grammar
that builds the documents (`notes`); every amending instruction read by `record --from-act` and
drafted again by `act` (`instructions`), on stand-in documents built from what they address
(`standin`), from the acts' text as printed (`acts`). `python -m tests.golden` (`make golden`)
prints one line per language and the misses by class (`known`). No text of the corpus is copied
into the repository."""
