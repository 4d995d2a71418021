"""What the format writers share: the HTML templates and the errors of a writer's preflight.

A format module imports only the model, the language modules and this package; never another
format's module.
"""
