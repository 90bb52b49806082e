"""Errors: every one subclasses ``PaperfactsError`` and the matching builtin."""


class PaperfactsError(Exception):
    """Root of every error paperfacts raises."""


class InputError(PaperfactsError, ValueError):
    """An input record or file that cannot be read (bad JSON, missing abstract, ...)."""


class SchemaError(PaperfactsError, ValueError):
    """An export line that does not validate against the paperfacts schema."""


class NamesError(PaperfactsError, ValueError):
    """A user's names file (``names=``, ``--names``) with a line that can't be used."""


class NamesFileNotFoundError(PaperfactsError, FileNotFoundError):
    """A user's names file that does not exist."""


class MissingExtraError(PaperfactsError, ImportError):
    """An optional feature whose extra is not installed (``pip install 'paperfacts[dask]'``)."""
