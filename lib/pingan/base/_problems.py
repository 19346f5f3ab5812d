"""Problems found in the data, reported as ``file:line: column: message``."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "DataValidationError"]


@dataclass(frozen=True)
class Problem:
    """One problem: where (file, line, column) and what. ``code`` names the check that found it
    (``pingan.package.checks.CHECKS``), or is None for the contract's own checks."""
    file: str
    line: int
    column: str | None
    message: str
    code: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        return f"{where} {self.column}: {self.message}" if self.column else f"{where} {self.message}"

    def sort_key(self) -> tuple:
        """File, line, then whole-row problems before column problems."""
        return (self.file, self.line, self.column or "", self.message)


class DataValidationError(ValueError):
    """The data break the contract. ``.problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        n = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the data:\n{lines}")
