#!/usr/bin/env bash
# verify.sh: the course's runner. Run it from anywhere; it works from the repository root.
#
#   ./verify.sh                check the exercises in order, stop at the first one not done
#   ./verify.sh watch          the same, again on every save
#   ./verify.sh --help         every command (the help text is the runner's, course.runner.Help)
#
# This script only finds a JDK 21+ (runner/scripts/find-jdk.sh), builds the course's runner with
# the Maven Wrapper when its sources changed (the first run downloads Maven and the libraries),
# and starts it. Everything else, every command and the self-check included, is Java: the runner
# (runner/, package course.runner).
set -u
cd "$(dirname "$0")" || exit 2
ROOT=$PWD
STATE=$ROOT/.course
RUNNER=$STATE/runner
mkdir -p "$STATE"

# Colour only on a terminal; the runner is told with COURSE_COLOR.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  RED=$'\e[31m' YELLOW=$'\e[33m' DIM=$'\e[2m' OFF=$'\e[0m' COLOR=1
else
  RED='' YELLOW='' DIM='' OFF='' COLOR=0
fi
fail_setup() { printf '%s\n' "${RED}✗${OFF} $*" >&2; exit 2; }

# shellcheck source=runner/scripts/find-jdk.sh
. "$ROOT/runner/scripts/find-jdk.sh"

# The SHA-256 of stdin, and of the files under the folders given (build output left out).
sha() { if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi | cut -c1-64; }
files_hash() {
  find "$@" -type f -not -path '*/target/*' 2>/dev/null | LC_ALL=C sort | while IFS= read -r file; do
    printf '%s %s\n' "$file" "$(sha <"$file")"
  done | sha
}

# Whether every library named in the runner's classpath is still there (a cleaned ~/.m2, say).
libraries_present() {
  local entry
  for entry in $(tr ':' ' ' <"$RUNNER/classpath.txt" 2>/dev/null); do
    [ -e "$entry" ] || return 1
  done
}

# Builds the runner when its sources (or the parent POM) changed since the last build. This is the
# one Maven run the runner cannot do for itself; the runner's own Maven runs (course.runner.Maven)
# explain their failures the same way.
ensure_runner() {
  local stamp log=$STATE/maven-runner.log status
  stamp=$({ files_hash runner/pom.xml runner/src; sha <pom.xml; } | sha)
  if [ -f "$RUNNER/course-runner.jar" ] && [ "$(cat "$RUNNER/stamp" 2>/dev/null)" = "$stamp" ] \
    && libraries_present; then
    return 0
  fi
  if [ -f "$RUNNER/stamp" ]; then
    printf '%s\n' "${DIM}The runner changed: building it again…${OFF}"
  else
    printf '%s\n' "${DIM}First run: building the course's runner (the first run downloads Maven and the libraries, so it needs network access; later runs work offline)…${OFF}"
  fi
  trap 'STOPPED=yes' INT TERM
  ./mvnw -B -ntp -Dstyle.color=never -f runner/pom.xml package -Dmaven.test.skip=true \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime \
    >"$log" 2>&1
  status=$?
  trap - INT TERM
  if [ -n "${STOPPED:-}" ] || [ "$status" -eq 130 ] || [ "$status" -eq 143 ]; then
    fail_setup "Stopped (Ctrl-C) while Maven was working: nothing is broken. Run ./verify.sh again to go on where it stopped."
  elif [ "$status" -ne 0 ]; then
    if grep -q -E 'Could not (resolve|transfer|download)|Unknown ?Host|Connection (refused|timed out)|Failed to fetch' "$log"; then
      fail_setup "Maven could not download what the course needs. The very first run needs network access to Maven Central (repo.maven.apache.org); later runs work offline. Details: $log"
    fi
    fail_setup "Building the course's runner failed. The last lines of $log:
$(tail -n 15 "$log")"
  fi
  rm -rf "$RUNNER" && mkdir -p "$RUNNER"
  cp runner/target/course-runner.jar runner/target/classpath.txt "$RUNNER/"
  printf '%s\n' "$stamp" >"$RUNNER/stamp"
}

# Starts the runner with the command $@.
start_runner() {
  find_jdk
  ensure_runner
  local jit=()
  # A one-shot check lives about a second: the quick JIT compiler alone (C1) answers sooner.
  # So do the corpus and the self-check: they mostly compile many small, different programs
  # once each (measured: ./verify.sh corpus 03 takes 12 CPU-seconds with C1, 16 with both).
  # Watch mode lives long and gets both compilers.
  case ${1:-} in watch) ;; *) jit=(-XX:TieredStopAtLevel=1) ;; esac
  # Watch mode on a terminal: keys act at once, without Enter (line editing off until it ends).
  if [ "${1:-}" = watch ] && [ -t 0 ] && TTY_STATE=$(stty -g 2>/dev/null); then
    trap 'stty "$TTY_STATE" 2>/dev/null' EXIT
    stty -icanon -echo min 1 2>/dev/null
  fi
  # -XX:+AutoCreateSharedArchive keeps the classes the runner loads (javac's, JUnit's) in a
  # class-data archive: it starts faster from the second run on. -Xlog:disable: no JVM chatter.
  COURSE_COLOR=$COLOR "$JAVA_HOME/bin/java" -XX:+EnableDynamicAgentLoading -Xshare:auto "${jit[@]}" \
    -XX:SharedArchiveFile="$RUNNER/runner.jsa" -XX:+AutoCreateSharedArchive -Xlog:disable -Xlog:all=off \
    -Dcourse.root="$ROOT" -Dstdout.encoding=UTF-8 \
    -cp "$RUNNER/course-runner.jar:$(cat "$RUNNER/classpath.txt")" course.runner.Main "$@"
}

# Every command takes --help, bench too; the help text is the runner's (course.runner.Help).
for arg in "$@"; do
  if [ "$arg" = --help ] || [ "$arg" = -h ]; then
    start_runner "$@"
    exit
  fi
done

case "${1:-}" in
  --java-home) find_jdk && printf '%s\n' "$JAVA_HOME" ;;
  bench)
    shift
    [ -f bench/run.sh ] || fail_setup "The benchmarks are not installed in this copy of the course (bench/run.sh is missing)."
    exec bash bench/run.sh "$@"
    ;;
  "" | --recheck) start_runner check "$@" ;;
  *) start_runner "$@" ;; # the runner's commands, and a clear word on an unknown one
esac
