"""The Python tutorial's measurements, for chapter 1: the naive and the lru_cache
fibonacci(36) timed in CPython (chapter 5's recursion depths come from python_depth.py).

Run from the repository's top folder (writes what chapter 1 quotes):
    python3 docs/examples/fib_lru_cache.py > docs/data/python-fib.txt
"""
import os
import platform
import statistics
import timeit
from functools import lru_cache


def naive(num):
    if num < 2:
        return num
    return naive(num - 1) + naive(num - 2)


@lru_cache(maxsize=128)
def fibonacci(num):
    if num < 2:
        return num
    return fibonacci(num - 1) + fibonacci(num - 2)


def memoized_from_empty(n):
    fibonacci.cache_clear()
    return fibonacci(n)


def processor():
    """The processor's model name where the system says it (Linux), else what platform knows."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return " ".join(line.split(":", 1)[1].split())
    except OSError:
        pass
    return platform.processor() or "processor not named"


def main():
    naive_s = statistics.median(timeit.repeat(lambda: naive(36), number=1, repeat=3))
    loops = 10_000
    memo_s = statistics.median(timeit.repeat(lambda: memoized_from_empty(36), number=loops, repeat=5)) / loops
    hit_loops = 1_000_000
    fibonacci.cache_clear()
    fibonacci(36)
    hit_s = statistics.median(timeit.repeat(lambda: fibonacci(36), number=hit_loops, repeat=5)) / hit_loops
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} cores ({processor()})")
    print("method: timeit; naive the median of 3 calls; memoized the median of 5 rounds of 10,000 calls, "
          "each after cache_clear(); a hit the median of 5 rounds of 1,000,000 calls on a full cache")
    print(f"naive_fib36_ms: {naive_s * 1e3:.0f}")
    print(f"memoized_fib36_from_empty_us: {memo_s * 1e6:.1f}")
    print(f"memoized_fib36_hit_ns: {hit_s * 1e9:.0f}")


if __name__ == "__main__":
    main()
