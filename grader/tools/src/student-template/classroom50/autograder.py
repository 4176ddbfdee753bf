#!/usr/bin/env python3
"""MemoLab's autograder for Classroom 50.

Classroom 50's runner calls this file in the student's checkout. It runs the graded tests
with the Maven wrapper; the tests themselves write result.json (schema classroom50/result/v1,
one entry per graded test) and release-body.md (the score table and every failing test's
message). This file only starts them, and writes a result of its own when the code does not
even compile, so that every push gets a score and a reason.

Exit code 0: graded (whatever the score). Non-zero: the grading itself failed.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import subprocess
import sys

# Points per rubric category of the visible graded tests, filled in by `release`.
CATEGORIES = @CATEGORIES@

# The first run downloads Maven and the libraries: give it time.
TIMEOUT_SECONDS = 1500
LOG_TAIL_LINES = 60


def main() -> int:
    here = pathlib.Path.cwd()
    for stale in ("result.json", "release-body.md"):
        (here / stale).unlink(missing_ok=True)
    command = ["sh", "./mvnw", "-B", "test", f"-Dmemolab.classroom50={here}"]
    print("MemoLab autograder:", " ".join(command), flush=True)
    why = ("The graded tests did not run: your code does not compile, or the build stopped before the tests. "
           "Run ./mvnw test on your machine and fix the first error it names.")
    try:
        run = subprocess.run(command, cwd=here, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, errors="replace", timeout=TIMEOUT_SECONDS, check=False)
        log = run.stdout
    except subprocess.TimeoutExpired as e:
        log = e.stdout.decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        why = (f"The test run was stopped after {TIMEOUT_SECONDS} s, before it finished. The usual cause is an "
               "endless loop; run ./mvnw test on your machine to see which test never ends.")
    print(log, flush=True)
    if (here / "result.json").is_file():
        return 0
    # No result from the tests: the code did not compile, or the run broke before the tests.
    tail = "\n".join(log.splitlines()[-LOG_TAIL_LINES:])
    return write_not_run(here, why, tail)


def write_not_run(here: pathlib.Path, why: str, tail: str) -> int:
    env = os.environ
    missing = [n for n in ("CLASSROOM", "ASSIGNMENT", "SUBMISSION_TAG", "COMMIT_URL", "RELEASE_URL") if not env.get(n)]
    owner = env.get("OWNER") or env.get("USERNAME") or env.get("GITHUB_ACTOR")
    if missing or not owner:
        print("MemoLab autograder: Classroom 50's runner variables are missing: "
              + ", ".join(missing + ([] if owner else ["OWNER"])), file=sys.stderr)
        return 2
    tests = [{"test-name": f"{number}. {title}", "passed": False, "score": 0, "max-score": points,
              "message": why} for number, title, points in CATEGORIES]
    result = {
        "schema": "classroom50/result/v1",
        "classroom": env["CLASSROOM"],
        "assignment": env["ASSIGNMENT"],
        "assignment_type": env.get("ASSIGNMENT_TYPE") or "individual",
        "owner": owner,
        "submission": env["SUBMISSION_TAG"],
        "commit": env["COMMIT_URL"],
        "release": env["RELEASE_URL"],
        "review": env.get("REVIEW_URL") or env["COMMIT_URL"],
        "datetime": utc_now(),
        "score": 0,
        "max-score": sum(points for _, _, points in CATEGORIES),
        "tests": tests,
    }
    (here / "result.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    body = f"### MemoLab: 0 / {result['max-score']}\n\n{why}\n\nThe end of the build's output:\n\n```\n{tail}\n```\n"
    (here / "release-body.md").write_text(body, encoding="utf-8")
    return 0


def utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    sys.exit(main())
