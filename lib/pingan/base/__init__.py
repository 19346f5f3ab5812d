"""Layer 0, beneath everything: the settings (where data, sources and cache are), the problem
type every check reports, and atomic file writes. Imports nothing else of pingan."""
from pingan.base._problems import DataValidationError, Problem
from pingan.base._settings import DataNotFoundError, Settings, configure, current_settings

__all__ = ["DataValidationError", "Problem", "DataNotFoundError", "Settings", "configure", "current_settings"]
