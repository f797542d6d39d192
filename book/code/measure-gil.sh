#!/usr/bin/env bash
# Reproduces the Python-vs-Java table of book/04_globallock.md (under a minute on 2 cores).
# Run from anywhere:  book/code/measure-gil.sh
# Needs JDK 21+ (JAVA_HOME or java on PATH); Python 3 is optional.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The starting point is the benchmark's frozen copy, the solution the reference one: never the
# exercise you are working on, so the table means the same before and after you solve it.
./mvnw -q -Psolutions,bench -Dbench.code=solution -pl bench -am compile
classes="support/target/classes:solutions/04_globallock/target/classes:bench/target/classes"
for code in starting-point solution; do
  "$JAVA" -cp "$classes" book/code/GilJava.java "$code"
done

if command -v python3 >/dev/null; then
  python3 book/code/gil_python.py
else
  echo "python3 not found: skipping the Python half."
fi
