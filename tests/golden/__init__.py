"""Golden tests over the published corpus of `../shared/corpus/`: the amending instructions read
back and drafted again (`instructions`), on stand-in documents built from what they address
(`standin`), from the corpus's text as the acts print it (`corpus`)."""
