#!/usr/bin/env bash
# bench/run.sh: the word-count benchmark behind ./verify.sh bench.
#
#   bench/run.sh           measure the reference solutions (solutions/)
#   bench/run.sh --mine    measure your exercises (exercises/); unfinished ones are skipped
#   bench/run.sh --quick   a smoke run: 1 MB, one short iteration (checks the wiring, not speed)
#   more options (--sizes 1,10,100, --approaches sequential,threads): see course.bench.Main
#
# Prints a table of MB/s and speed-ups for 1, 2 and nproc workers, and writes
# target/bench/wordcount.csv, target/bench/wordcount-by-size.csv and target/bench/wordcount.png.
# The generated corpus (1, 10 and 100 MB) is kept in .course/bench/. Takes 5-10 minutes.
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD
started=$(date +%s)

# Find a JDK 21+ exactly as verify.sh does.
# shellcheck source=runner/scripts/find-jdk.sh
. runner/scripts/find-jdk.sh
find_jdk

# The 1-minute load average now, before the build adds its own (Linux and macOS uptime formats).
load=$(uptime | sed -E 's/.*load averages?: *([0-9]+[.,][0-9]+).*/\1/' | tr , .)
case $load in [0-9]*) load_args=(--load-before "$load") ;; *) load_args=() ;; esac

code=solution profile=solutions
for arg in "$@"; do
  if [ "$arg" = --mine ]; then code=exercise profile=exercises; fi
done

echo "Building the benchmark against the ${profile} (JDK $(jdk_major "$JAVA_HOME"))…"
log=$ROOT/.course/bench-build.log
mkdir -p "$ROOT/.course"
if ! ./mvnw -B -ntp -q -P"$profile",bench -Dbench.code="$code" -pl bench -am package \
    -Dmaven.test.skip=true >"$log" 2>&1; then
  echo "The build failed. The last lines of $log:" >&2
  tail -n 20 "$log" >&2
  exit 2
fi

# JMH 1.37 reads fields through sun.misc.Unsafe, which JDK 23+ warns about: allow it quietly.
jvm_flags=(-Djava.awt.headless=true)
if [ "$(jdk_major "$JAVA_HOME")" -ge 23 ]; then jvm_flags+=(--sun-misc-unsafe-memory-access=allow); fi

"$JAVA_HOME/bin/java" "${jvm_flags[@]}" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  course.bench.Main --out "$ROOT/target/bench" --corpus "$ROOT/.course/bench" ${load_args[@]+"${load_args[@]}"} "$@"

elapsed=$(( $(date +%s) - started ))
printf 'Total, build included: %d min %02d s.\n' $((elapsed / 60)) $((elapsed % 60))
