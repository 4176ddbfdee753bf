"""Chapter 5: how deep a cold lru_cache-decorated fibonacci(n) goes before RecursionError.

Searched at the default recursion limit, then at three times it, from one function called at the
script's top level:
    for v in 3.10 3.11 3.12 3.13; do python$v docs/examples/python_depth.py; done > docs/data/python-depth.txt
(with pyenv: PYENV_VERSION=3.10.13:3.11.7:3.12.1:3.13.0 makes each python3.x a command)
"""
import platform
import sys
from functools import lru_cache


@lru_cache(maxsize=128)
def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)


def deepest():
    """The largest n whose cold fibonacci(n) does not raise RecursionError (the search's own frame is below it)."""
    low, high = 1, 100_000
    while low < high:
        mid = (low + high + 1) // 2
        fibonacci.cache_clear()
        try:
            fibonacci(mid)
            low = mid
        except RecursionError:
            high = mid - 1
    return low


default_limit = sys.getrecursionlimit()
at_default = deepest()
sys.setrecursionlimit(3 * default_limit)
print(f"{platform.python_implementation()} {platform.python_version()}: "
      f"recursion limit {default_limit}, deepest cold fibonacci(n) n = {at_default}; "
      f"with limit {sys.getrecursionlimit()}: n = {deepest()}")
