#!/usr/bin/env bash
# Times the grader on a class of 40 mixed submissions made from the corpus (6 copies of the
# reference, the stubs, 24 corpus variants, 9 hostile submissions), with --jobs 1 and then
# --jobs 2, final grading (hidden tests included). Prints each run's summary; the reference
# copies must all score 100 (the timing tests' false-fail check under a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-grader/target/bench}
./mvnw -B -q package -DskipTests
(cd grader && ../mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
rm -rf "$work" && mkdir -p "$work"
java -Dbasedir="$PWD/grader" -cp "grader/target/test-classes:grader/target/classes:$(cat grader/target/bench-classpath.txt)" \
  memolab.grader.selfcheck.ClassFolder "$work/class"
for jobs in 1 2; do
  echo "== --jobs $jobs"
  java -jar grader/target/memolab-grader.jar grade --hidden --jobs "$jobs" --timeout 60 --out "$work/out-$jobs" "$work"/class/* 2>/dev/null \
    | tee "$work/summary-$jobs.txt" | tail -n 3
  echo "reference copies: $(grep -c '^reference-[0-9].* 100 / 100' "$work/summary-$jobs.txt") of 6 scored 100 / 100"
done
