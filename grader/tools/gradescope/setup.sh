#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image: a JDK to compile and run
# submissions (the grader compiles with the JDK's compiler API, so a JRE is not enough).
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless
