"""The names of the project's inputs that a command needs before, or instead of, loading them.

Reads and writes nothing; imports nothing of the load stage, so that the project cache can key
a project by its inputs without importing the YAML reader or the input schema.
"""

# The project's settings file, at its root.
CONFIG_FILE = "legalgen.yaml"
# The environment variable that sets the largest input file read.
SIZE_VARIABLE = "LEGALGEN_MAX_FILE_SIZE"
