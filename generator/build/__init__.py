"""The build engine, under the command line and over the stages: how outputs are made.

`plan` (every output a command asks for, as a `Job` with its place and key: a writer applied to
a version, a comparison or an act, in one language and format), `keys` (what an output's key is
made of), `store` (the one output store: which outputs a folder already holds, verified by their
bytes), `executors` (what renders the jobs: this process, or the local pool of forked workers;
another engine implements `Executor`), `staging` (all-or-nothing outputs), `engine` (plan →
store → executor → staging), `site` (the publication site through the engine), `live` (the live
preview's rebuilds), `files` (output paths, atomic writes), `fingerprint` (legalgen's own hash),
`project_cache` (the loaded project kept between commands), `checks` (a project's whole check).

It imports no command-line library (click, rich): the commands parse options, call the engine
and print what it reports.
"""
