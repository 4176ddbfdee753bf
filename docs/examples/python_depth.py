"""Chapter 5: how deep a cold lru_cache-decorated fibonacci(n) goes before RecursionError.

Run at the top level of the script, so only the module's own frame is below the first call:
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


# A binary search on n, at module level: no function of this script is on the stack below fibonacci.
low, high = 1, 100_000
while low < high:
    mid = (low + high + 1) // 2
    fibonacci.cache_clear()
    try:
        fibonacci(mid)
        low = mid
    except RecursionError:
        high = mid - 1

print(f"{platform.python_implementation()} {platform.python_version()}: "
      f"recursion limit {sys.getrecursionlimit()}, deepest cold fibonacci(n) n = {low}")
