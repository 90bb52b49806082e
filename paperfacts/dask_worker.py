"""Imported once by the fork server that a local cluster's workers are forked from
(``paperfacts.dask.start_fork_server``): Dask's worker modules and the default
pipeline, ready before any worker exists, so that each worker starts as a fork of a
process that has them instead of importing and building them itself.

The fork server is a new, single-threaded Python process (not a fork of the command's
process, whose Dask threads make a fork unsafe); a failure here only means that the
workers build the pipeline themselves, as spawned workers do.
"""

try:
    import distributed.nanny  # noqa: F401
    import distributed.worker  # noqa: F401

    from .pipeline import get_nlp

    get_nlp()
except Exception:  # pragma: no cover - the workers then do it themselves
    pass
