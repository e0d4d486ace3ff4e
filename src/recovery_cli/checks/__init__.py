"""The principle checks: which words in a reply break which lesson, and where.

`models` is the format of `checks.yaml`; `compiler` and `patterns` turn it into fast
matchers; `build` loads and merges the files; `reply` is a reply as the checker reads it;
`checker` applies the checks with the context that keeps them honest.
"""

from recovery_cli.checks.checker import Checker, Finding, check

__all__ = ["Checker", "Finding", "check"]
