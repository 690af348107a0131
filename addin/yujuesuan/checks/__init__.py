"""The rule engine: declared rules → findings (no Excel, no pandas)."""

from yujuesuan.checks.engine import Policy, run

__all__ = ["Policy", "run"]
