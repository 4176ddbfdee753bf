#!/usr/bin/env python3
"""MemoLab's autograder for Classroom 50.

Classroom 50's runner calls this file in the student's checkout, with the assignment's bundle
(this file and memolab-grader-visible.jar, from <classroom>/autograders/<slug>/) in
$CLASSROOM50_BUNDLE_DIR. It grades the student's package memolab with the course's own
grader and its visible tests, so that no edit to the repository's tests, poms or workflows
changes the score, and writes result.json (schema classroom50/result/v1, one entry per graded
test) and release-body.md (the student's feedback), which the runner publishes.

Without the jar in the bundle it falls back, and says so, to the repository's own tests with
the Maven wrapper, which a student can edit.

Every limit fits in the autograde job's 15 minutes, so that every push gets a result: the
grader stops the suite after SUITE_SECONDS, and this file stops it all after RUN_SECONDS.

Exit code 0: graded (whatever the score). Non-zero: the grading itself failed.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

# Points per rubric category of the visible graded tests, filled in by `release`.
CATEGORIES = @CATEGORIES@

JAR = "memolab-grader-visible.jar"
# Within the job's 15 minutes: the runner's own steps (checkout, JDK) take 1 to 2.
SUITE_SECONDS = int(os.environ.get("MEMOLAB_SUITE_SECONDS", "480"))
RUN_SECONDS = int(os.environ.get("MEMOLAB_RUN_SECONDS", "660"))
LOG_TAIL_LINES = 60


def main() -> int:
    here = pathlib.Path.cwd()
    for stale in ("result.json", "release-body.md"):
        clear(here / stale)
    command, why_not_run = grader_command(here)
    print("MemoLab autograder:", " ".join(command), flush=True)
    env = dict(os.environ)
    # The runner copies release-body.md to the job's summary page itself: once is enough.
    env.pop("GITHUB_STEP_SUMMARY", None)
    try:
        run = subprocess.run(command, cwd=here, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, errors="replace", timeout=RUN_SECONDS, check=False)
        log = run.stdout
    except subprocess.TimeoutExpired as e:
        log = e.stdout.decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        why_not_run = (f"The grading was stopped after {RUN_SECONDS} s, before it finished. The usual cause is an "
                       "endless loop; run ./mvnw test on your machine to see which test never ends.")
    print(log, flush=True)
    if (here / "result.json").is_file():
        return 0
    tail = "\n".join(log.splitlines()[-LOG_TAIL_LINES:])
    return write_not_run(here, why_not_run, tail)


def clear(path: pathlib.Path) -> None:
    """Removes whatever a push left where a result file goes: a file, a link, or a folder (committed by
    mistake or on purpose), so that the result is written; and says so when it was not a plain file."""
    if path.is_symlink() or path.is_file():
        if path.is_symlink():
            print(f"MemoLab autograder: {path.name} in the repository was a link; removed, a result goes there.",
                  flush=True)
        path.unlink()
    elif path.is_dir():
        print(f"MemoLab autograder: {path.name} in the repository was a folder; removed, a result goes there.",
              flush=True)
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def grader_command(here: pathlib.Path) -> tuple[list[str], str]:
    """The course's grader from the bundle; else, saying why, the repository's own tests."""
    override = os.environ.get("MEMOLAB_GRADER")  # the course's own tests run the grader from its build
    bundle = pathlib.Path(os.environ.get("CLASSROOM50_BUNDLE_DIR") or pathlib.Path(__file__).resolve().parent)
    jar = bundle / JAR
    if override or jar.is_file():
        # The grader's own JVM compiles with C1 alone: grading one submission, the optimising compiler spends more
        # processor time on the grader's code than it saves (docs/performance.md, "Grading a class").
        grader = override.split() if override else ["java", "-XX:TieredStopAtLevel=1", "-jar", str(jar)]
        out = tempfile.mkdtemp(prefix="memolab-")
        return (grader + ["grade", "--jobs", "1", "--timeout", str(SUITE_SECONDS), "--out", out,
                          "--classroom50", str(here), str(here)],
                "The grader stopped before it could write a result. Run ./mvnw test on your machine and fix "
                "the first error it names.")
    print(f"MemoLab autograder: {JAR} is not in the bundle ({bundle}), so this push is graded with the "
          "repository's own copy of the tests, which a student can edit. Copy the jar beside autograder.py in "
          "autograders/<slug>/ of the classroom's configuration repository.", flush=True)
    return (["sh", "./mvnw", "-B", "test", f"-Dmemolab.classroom50={here}", f"-Dsurefire.timeout={SUITE_SECONDS}"],
            "The graded tests did not run: your code does not compile, or the build stopped before the tests. "
            "Run ./mvnw test on your machine and fix the first error it names.")


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
    body = f"### MemoLab: 0 / {result['max-score']}\n\n{why}\n\nThe end of the output:\n\n{code_block(tail)}"
    (here / "release-body.md").write_text(body, encoding="utf-8")
    return 0


def code_block(text: str) -> str:
    """The build's output (the student's own prints and file names among it) as a Markdown code block:
    control and invisible format characters left out, and a fence longer than any run of backticks in it,
    so that no line of it can close the block and be read as the release's own words."""
    plain = "".join(c for c in text if c in "\n\t" or (unicodedata.category(c) not in ("Cc", "Cf")))
    longest = max((len(run) for run in re.findall(r"`+", plain)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{plain.strip()}\n{fence}\n"


def utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    sys.exit(main())
