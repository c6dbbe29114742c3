"""factcheck: a fact-checker for the numbers in news copy.

    >>> from factcheck import check
    >>> report = check("More than 39,000 people were killed in Gaza.", published=date(2024, 7, 27))
"""

from __future__ import annotations

__version__ = "0.1.0"

from factcheck.errors import ConfigError, ContractError, FactcheckError, InputError, ReferenceDataError  # noqa: E402
from factcheck.pipeline import Checker, Options, check  # noqa: E402

__all__ = [
    "Checker", "ConfigError", "ContractError", "FactcheckError", "InputError", "Options",
    "ReferenceDataError", "__version__", "check",
]
