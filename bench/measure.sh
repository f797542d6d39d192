#!/usr/bin/env bash
# bench/measure.sh: the course's measurement programs, the figures the book quotes.
#
#   bench/measure.sh                    lists the programs, one line each
#   bench/measure.sh NAME [args]        builds them against the reference solutions, runs NAME
#   bench/measure.sh --mine NAME [args] the same against your exercises
#
# The list, and what each program measures, is course.bench.measure.Measure; the word-count
# benchmark itself is bench/run.sh (./verify.sh bench). The build's output goes to
# .course/measure-build.log; only the program's output is printed on stdout.
set -eu
cd "$(dirname "$0")/.."

# Find a JDK 21+ exactly as verify.sh does.
# shellcheck source=runner/scripts/find-jdk.sh
. runner/scripts/find-jdk.sh
find_jdk

code=solution profile=solutions
if [ "${1:-}" = --mine ]; then
  code=exercise profile=exercises
  shift
fi

log=$PWD/.course/measure-build.log
mkdir -p .course
echo "Building the measurement programs against the ${profile} (JDK $(jdk_major "$JAVA_HOME"))…" >&2
if ! ./mvnw -B -ntp -q -P"$profile",bench -Dbench.code="$code" -pl bench -am package \
    -Dmaven.test.skip=true >"$log" 2>&1; then
  echo "The build failed. The last lines of $log:" >&2
  tail -n 20 "$log" >&2
  exit 2
fi

exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" course.bench.measure.Measure "$@"
