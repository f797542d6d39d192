#!/usr/bin/env bash
# Reproduces the Python-vs-Java table of book/04_globallock.md (under a minute on 2 cores).
# Run from anywhere:  book/code/measure-gil.sh
# Needs JDK 21+ (JAVA_HOME or java on PATH); Python 3 is optional.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -pl exercises/04_globallock -am compile
./mvnw -q -Psolutions -pl solutions/04_globallock -am compile

for variant in "exercises:counting under the lock" "solutions:lock released"; do
  module="${variant%%:*}/04_globallock"
  "$JAVA" -cp "support/target/classes:$module/target/classes" book/code/GilJava.java "${variant#*:}"
done

if command -v python3 >/dev/null; then
  python3 book/code/gil_python.py
else
  echo "python3 not found: skipping the Python half."
fi
