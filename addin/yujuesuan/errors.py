"""Exceptions for programmer and usage errors only.

Data problems in a user's workbook are findings (see ``findings.py``), never exceptions.
"""


class AddinError(Exception):
    """Root of every error this package raises on purpose."""


class SpecError(AddinError):
    """A table or rule declaration is malformed (caught at import and by the spec tests)."""


class UnknownCode(AddinError, ValueError):
    """A code is not in the catalog edition that applies to the given year."""


class UnknownYear(AddinError, ValueError):
    """No catalog edition or table layout is declared for the given year."""


class WorkbookFormatError(AddinError):
    """The file cannot be opened as a workbook at all (message in Chinese, names the file)."""
