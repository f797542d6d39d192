#!/usr/bin/env bash
# verify.sh: the course's runner. Run it from anywhere; it works from the repository root.
#
#   ./verify.sh                check the exercises in order, stop at the first one not done
#   ./verify.sh watch          the same, again on every save
#   ./verify.sh --help         every command (the help text is the runner's, course.runner.Help)
#
# It finds a JDK 21+ by itself (JAVA_HOME, PATH, the usual install folders) and uses the Maven
# Wrapper, which downloads the Maven version the course is tested with on first use. The
# learner's commands run the course's own runner (runner/, package course.runner): it compiles
# and tests an exercise in one warm JVM, with the libraries Maven resolved for that exercise.
set -u
cd "$(dirname "$0")" || exit 2
ROOT=$PWD
STATE=$ROOT/.course
mkdir -p "$STATE"

# ---------------------------------------------------------------------------------------------
# Output: colour only on a terminal.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' YELLOW=$'\e[33m' DIM=$'\e[2m' OFF=$'\e[0m'
else
  BOLD='' RED='' GREEN='' YELLOW='' DIM='' OFF=''
fi
say() { printf '%s\n' "$*"; }
fail_setup() { printf '%s\n' "${RED}✗${OFF} $*" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------
# Finding a JDK 21+.

# jdk_major and find_jdk, shared with bench/run.sh.
# shellcheck source=runner/scripts/find-jdk.sh
. "$ROOT/runner/scripts/find-jdk.sh"

# ---------------------------------------------------------------------------------------------
# Maven.

MVN_FLAGS=(-B -ntp -Dstyle.color=never -Dorg.slf4j.simpleLogger.showDateTime=false)

# Runs the wrapper with the course's flags; all output goes to the log file $1. Ctrl-C (or a
# kill) during it says that the build was stopped, not that Maven failed.
mvn_logged() {
  local log=$1 status
  shift
  trap 'STOPPED=yes' INT TERM
  ./mvnw "${MVN_FLAGS[@]}" "$@" >"$log" 2>&1
  status=$?
  trap - INT TERM
  if [ -n "${STOPPED:-}" ] || [ "$status" -eq 130 ] || [ "$status" -eq 143 ]; then
    fail_setup "Stopped (Ctrl-C) while Maven was working: nothing is broken. Run ./verify.sh again to go on where it stopped."
  fi
  return "$status"
}

# Exercise folders that pom.xml lists but that are gone: says which, and how to get them back.
check_modules() {
  local module missing=''
  for module in $(sed -n 's:.*<module>\(exercises/[0-9][0-9]_[^<]*\)</module>.*:\1:p' pom.xml | sort -u); do
    [ -f "$module/pom.xml" ] || missing="$missing $module"
  done
  [ -z "$missing" ] && return 0
  fail_setup "An exercise's folder is missing:$missing (deleted or moved?). Get it back as the course ships it with
    git checkout HEAD --$missing
  (or copy it back from a fresh download of the course). Your other exercises are untouched."
}

# Explains a Maven run that failed before any module was built (no network, say).
explain_setup_failure() {
  local log=$1
  if grep -q -E 'Could not (resolve|transfer|download)|Unknown ?Host|Connection (refused|timed out)|Failed to fetch' "$log"; then
    fail_setup "Maven could not download what the course needs. The very first run needs network access to Maven Central (repo.maven.apache.org); later runs work offline. Details: $log"
  fi
  fail_setup "Maven failed before running any exercise. The last lines of $log:
$(tail -n 15 "$log")"
}

# Prints "<status> <module name>" for every module of the reactor summary in log $1.
reactor_summary() {
  sed -n 's/^\[INFO\] \(.*[^ .]\) \.\.*[ ]*\(SUCCESS\|FAILURE\|SKIPPED\).*/\2 \1/p' "$1"
}

exercises() { ls -d exercises/[0-9][0-9]_*/ 2>/dev/null | sed 's:/$::' | sort; }
solutions() { ls -d solutions/[0-9][0-9]_*/ 2>/dev/null | sed 's:/$::' | sort; }

# The status of the module "exercise NN: ..." or "solution NN: ..." in reactor summary $2.
module_status() {
  local prefix=$1 summary=$2
  printf '%s\n' "$summary" | awk -v p="$prefix" 'index($0, " " p) { print $1; exit }'
}

# The chapter of exercise folder $1, e.g. book/03_threads.md.
chapter_of() { printf 'book/%s.md' "$(basename "$1")"; }

# ---------------------------------------------------------------------------------------------
# The runner (runner/, course.runner): built on first use, rebuilt when its sources change.

# The SHA-256 of stdin.
sha() { if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi | cut -c1-64; }

# One fingerprint for the files (and folders) given, by name and content.
files_hash() {
  find "$@" -type f -not -path '*/target/*' 2>/dev/null | LC_ALL=C sort | while IFS= read -r file; do
    printf '%s %s\n' "$file" "$(sha <"$file")"
  done | sha
}

RUNNER=$STATE/runner

# Whether every library named in the classpath files $@ is still there (a cleaned ~/.m2, say).
libraries_present() {
  local entry file
  for entry in $(for file in "$@"; do tr ':' ' ' <"$file"; echo; done 2>/dev/null); do
    case $entry in */target/classes) continue ;; esac
    [ -e "$entry" ] || return 1
  done
}

# Builds the runner with Maven when its sources (or the parent POM) changed since the last build.
ensure_runner() {
  local stamp log=$STATE/maven-runner.log
  stamp=$({ files_hash runner/pom.xml runner/src; sha <pom.xml; } | sha)
  if [ -f "$RUNNER/course-runner.jar" ] && [ "$(cat "$RUNNER/stamp" 2>/dev/null)" = "$stamp" ] \
    && libraries_present "$RUNNER/classpath.txt"; then
    return 0
  fi
  [ -f "$RUNNER/stamp" ] || say "${DIM}First run: building the course's runner (the first run downloads Maven and the libraries, so it needs network access; later runs work offline)…${OFF}"
  [ -f "$RUNNER/stamp" ] && say "${DIM}The runner changed: building it again…${OFF}"
  if ! mvn_logged "$log" -f runner/pom.xml package -Dmaven.test.skip=true dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime; then
    explain_setup_failure "$log"
  fi
  rm -rf "$RUNNER" && mkdir -p "$RUNNER"
  cp runner/target/course-runner.jar runner/target/classpath.txt "$RUNNER/"
  printf '%s\n' "$stamp" >"$RUNNER/stamp"
}

# Asks Maven for every exercise's test classpath, when a pom.xml changed since it last did.
ensure_classpaths() {
  local stamp ex name log=$STATE/maven-classpath.log missing=''
  stamp=$(cat pom.xml support/pom.xml exercises/pom.xml exercises/[0-9][0-9]_*/pom.xml 2>/dev/null | sha)
  for ex in $(exercises); do
    [ -f "$STATE/classpath/$(basename "$ex").txt" ] || missing=yes
  done
  if [ -z "$missing" ] && [ "$(cat "$STATE/classpath/poms.sha256" 2>/dev/null)" = "$stamp" ] \
    && libraries_present "$STATE"/classpath/*.txt; then
    return 0
  fi
  say "${DIM}Asking Maven for the exercises' libraries (again only when a pom.xml changes)…${OFF}"
  if ! mvn_logged "$log" process-classes -Dmaven.main.skip=true dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/course-classpath.txt; then
    explain_setup_failure "$log"
  fi
  rm -rf "$STATE/classpath" && mkdir -p "$STATE/classpath"
  for ex in $(exercises); do
    name=$(basename "$ex")
    [ -f "$ex/target/course-classpath.txt" ] || fail_setup "Maven gave no classpath for $ex: is it listed in pom.xml? Details: $log"
    cp "$ex/target/course-classpath.txt" "$STATE/classpath/$name.txt"
  done
  printf '%s\n' "$stamp" >"$STATE/classpath/poms.sha256"
}

# Runs the runner with a command (check, watch, list, hint, reset, manifest, verdicts, ...).
run_runner() {
  find_jdk
  check_modules
  ensure_runner
  ensure_classpaths
  start_runner "$@"
}

# Starts the runner, built, with the command $@ (help needs no exercise classpath).
start_runner() {
  find_jdk
  ensure_runner
  local color=0 jit=()
  [ -n "$RED" ] && color=1
  # A one-shot check lives about a second: the quick JIT compiler alone (C1) answers sooner.
  # Watch mode lives long, and gets both compilers.
  [ "$1" = watch ] || jit=(-XX:TieredStopAtLevel=1)
  # -XX:+AutoCreateSharedArchive keeps the classes the runner loads (javac's, JUnit's) in a
  # class-data archive: it starts faster from the second run on. -Xlog:disable: no JVM chatter.
  # Watch mode on a terminal: keys act at once, without Enter (line editing off until it ends).
  if [ "$1" = watch ] && [ -t 0 ] && TTY_STATE=$(stty -g 2>/dev/null); then
    trap 'stty "$TTY_STATE" 2>/dev/null' EXIT
    stty -icanon -echo min 1 2>/dev/null
  fi
  COURSE_COLOR=$color "$JAVA_HOME/bin/java" -XX:+EnableDynamicAgentLoading -Xshare:auto "${jit[@]}" \
    -XX:SharedArchiveFile="$RUNNER/runner.jsa" -XX:+AutoCreateSharedArchive -Xlog:disable -Xlog:all=off \
    -Dcourse.root="$ROOT" -Dstdout.encoding=UTF-8 \
    -cp "$RUNNER/course-runner.jar:$(cat "$RUNNER/classpath.txt")" course.runner.Main "$@"
}

# ---------------------------------------------------------------------------------------------
# ./verify.sh selfcheck: test the course (what CI runs).

PASSED=0
FAILED=0
FAILURES=()
FLAKY=()
check() { # check <ok:0|1> <description>
  if [ "$1" -eq 0 ]; then
    PASSED=$((PASSED + 1)); say "  ${GREEN}✓${OFF} $2"
  else
    FAILED=$((FAILED + 1)); say "  ${RED}✗${OFF} $2"; FAILURES+=("$2")
  fi
}

# Prints each module's Surefire summary line ("Tests run: …") from Maven log $1.
surefire_summaries() {
  awk '
    /^\[INFO\] Building .* 1\.0\.0-SNAPSHOT/ { sub(/^\[INFO\] Building /, ""); sub(/ 1\.0\.0-SNAPSHOT.*/, ""); module = $0 }
    /Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/ { sub(/^\[[A-Z]+\] /, ""); printf "    %-46s %s\n", module, $0 }
  ' "$1"
}

# Counts failures+errors in the Surefire reports of module $1; prints "<tests> <failed>".
report_counts() {
  cat "$1"/target/surefire-reports/TEST-*.xml 2>/dev/null | grep -o '<testsuite [^>]*' | awk '
    { for (i = 1; i <= NF; i++) if (match($i, /^(tests|failures|errors)="[0-9]+"/)) {
        split($i, kv, "\""); if ($i ~ /^tests=/) t += kv[2]; else f += kv[2] } }
    END { printf "%d %d", t, f }'
}

# The runner's JUnit tests (runner/src/test/java): the learner's scenarios (./verify.sh in scratch
# copies), hangs, watch, the printer and the compiler. One check line per test, from Surefire's reports.
runner_junit_tests() {
  local log=$STATE/selfcheck-runner.log report line
  rm -rf runner/target/surefire-reports
  ./verify.sh list >/dev/null 2>&1 # the tests copy .course's runner and classpaths: make sure they are up to date
  ./mvnw -B -ntp -o -q -f runner/pom.xml test >"$log" 2>&1
  local ran=0
  for report in runner/target/surefire-reports/TEST-*.xml; do
    [ -f "$report" ] || continue
    # One <testcase .../> (passed) or <testcase ...>...<failure|error ...> (failed) per test.
    while IFS=$'\t' read -r status line; do
      ran=1
      check "$status" "runner (JUnit): $line"
    done < <(awk '
      /<testcase / {
        if (name != "") print (bad ? 1 : 0) "\t" class ": " name
        match($0, /name="[^"]*"/); name = substr($0, RSTART + 6, RLENGTH - 7)
        match($0, /classname="[^"]*"/); class = substr($0, RSTART + 11, RLENGTH - 12); sub(/.*\./, "", class)
        bad = 0
      }
      /<(failure|error)[ >]/ { bad = 1 }
      END { if (name != "") print (bad ? 1 : 0) "\t" class ": " name }' "$report")
  done
  [ "$ran" -eq 1 ]; check $? "runner (JUnit): the runner's tests ran (log: $log)"
  [ -f runner/target/watch-latency.txt ] && say "    $(cat runner/target/watch-latency.txt)"
}

selfcheck() {
  find_jdk
  local ex name nn sol status summary counts tests failed log kind
  say "${BOLD}Self-check of the course${OFF} (JDK $(jdk_major "$JAVA_HOME"), $(nproc 2>/dev/null || echo '?') cores)"

  say "${BOLD}1. Structure${OFF}"
  for ex in $(exercises); do
    name=$(basename "$ex")
    [ -d "solutions/$name/src/main" ]; check $? "$name has a solution"
    [ -f "$(chapter_of "$ex")" ] && grep -q "($name.md)" book/SUMMARY.md; check $? "$name has a chapter listed in book/SUMMARY.md"
    grep -rqs 'TODO' "$ex/src/main"; check $? "$name's stub has a TODO"
    grep -q '^## 1\. A nudge$' "$ex/HINT.md" 2>/dev/null && grep -q '^## 2\. The concept and the API$' "$ex/HINT.md" \
      && grep -q '^## 3\. The shape, in words$' "$ex/HINT.md"
    check $? "$name has a hint in three tiers (## 1. A nudge, ## 2. The concept and the API, ## 3. The shape, in words)"
    grep -q "<module>$ex</module>" pom.xml && grep -q "<module>solutions/$name</module>" pom.xml
    check $? "$name is in both profiles of pom.xml"
  done
  for sol in $(solutions); do
    [ -d "exercises/$(basename "$sol")" ]; check $? "$(basename "$sol") solves an exercise that exists"
    [ -z "$(find "$sol" -path '*/src/test/*' -name '*.java' | head -1)" ]
    check $? "$(basename "$sol") has no test copy of its own"
  done

  mvn_logged "$STATE/selfcheck-format.log" -Pexercises,solutions,bench spotless:check &&
    mvn_logged "$STATE/selfcheck-format-runner.log" -f runner/pom.xml spotless:check
  check $? "the course's Java code is formatted (./mvnw spotless:apply; logs in .course/)"

  say "${BOLD}2. Every solution passes its exercise's tests${OFF}"
  log=$STATE/selfcheck-solutions.log
  find solutions -path '*/target/surefire-reports' -type d -prune -exec rm -rf {} +
  mvn_logged "$log" -Psolutions -fae test
  summary=$(reactor_summary "$log")
  [ -n "$summary" ] || explain_setup_failure "$log"
  surefire_summaries "$log"
  [ "$(module_status 'support' "$summary")" = SUCCESS ]; check $? "the support module builds and its own tests pass"
  for sol in $(solutions); do
    name=$(basename "$sol"); nn=${name%%_*}
    status=$(module_status "solution $nn:" "$summary")
    [ "$status" = SUCCESS ]; check $? "solution $name passes (${status:-not built})"
  done

  say "${BOLD}3. Every stub fails its tests${OFF}"
  log=$STATE/selfcheck-stubs.log
  find exercises -path '*/target/surefire-reports' -type d -prune -exec rm -rf {} +
  mvn_logged "$log" -fae test -Dmaven.test.failure.ignore=true
  summary=$(reactor_summary "$log")
  surefire_summaries "$log"
  for ex in $(exercises); do
    name=$(basename "$ex"); nn=${name%%_*}
    status=$(module_status "exercise $nn:" "$summary")
    counts=$(report_counts "$ex"); tests=${counts% *}; failed=${counts#* }
    [ "$status" = SUCCESS ] && [ "$tests" -gt 0 ] && [ "$failed" -gt 0 ]
    check $? "stub $name compiles and fails as it should ($failed of $tests tests fail)"
  done

  say "${BOLD}4. The runner agrees with Maven${OFF}"
  (run_runner manifest --check); check $? "exercises/tests.sha256 and exercises/stubs.sha256 are up to date"
  local verdicts runner_says maven_says
  verdicts=$(run_runner verdicts 2>&1)
  for ex in $(exercises); do
    name=$(basename "$ex")
    for kind in stub solution; do
      runner_says=$(printf '%s\n' "$verdicts" | awk -v n="$name" -v k="$kind" '$1 == n && $2 == k { print $3, $4 }')
      if [ "$kind" = stub ]; then maven_says=$(report_counts "$ex"); else maven_says=$(report_counts "solutions/$name"); fi
      [ -n "$runner_says" ] && [ "$runner_says" = "$maven_says" ]
      check $? "runner on the $kind of $name: ${runner_says:-no verdict} (tests, failed); Maven: $maven_says"
    done
  done

  (run_runner todos >"$STATE/selfcheck-todos.log" 2>&1)
  check $? "every TODO of the stubs reads as one instruction ($(tail -n 1 "$STATE/selfcheck-todos.log"))"
  (run_runner leaks >"$STATE/selfcheck-leaks.log" 2>&1)
  check $? "no chapter, hint or stub holds a run of a reference solution's code ($(tail -n 1 "$STATE/selfcheck-leaks.log"); ./verify.sh leaks)"

  say "${BOLD}5. The runner's own tests${OFF}"
  runner_junit_tests

  say "${BOLD}6. The maintainers' corpus${OFF} (corpus/README.md: each case gets its verdict)"
  local corpus line
  corpus=$(run_runner corpus 2>&1)
  while IFS= read -r line; do
    case $line in
      "ok "*) check 0 "${line#ok }" ;;
      "WRONG "*) check 1 "${line#WRONG }" ;;
      "gap "*) say "  ${YELLOW}!${OFF} known gap, not counted: ${line#gap }" ;;
      "flaky "*) check 0 "${line#flaky }"; FLAKY+=("${line#flaky }") ;;
    esac
  done <<<"$corpus"
  if printf '%s\n' "$corpus" | grep -q -E '^(ok|WRONG) '; then
    say "    $(printf '%s\n' "$corpus" | tail -n 1)"
  else
    check 1 "the corpus could not be judged: $(printf '%s\n' "$corpus" | tail -n 3)"
  fi

  say "${BOLD}7. The book as a site, in a real browser${OFF}"
  log=$STATE/selfcheck-book.log
  rm -rf runner/target/surefire-reports
  mvn_logged "$log" -f runner/pom.xml -Pbrowser test -Dtest='course.runner.site.**' \
    -Dsurefire.failIfNoSpecifiedTests=false
  surefire_summaries "$log"
  counts=$(report_counts runner); tests=${counts% *}; failed=${counts#* }
  [ "$tests" -gt 0 ] && [ "$failed" -eq 0 ] && ! grep -qs 'skipped="[1-9]' runner/target/surefire-reports/TEST-*.xml
  check $? "the book renders and every page, link, image, search, key and theme works in headless Chromium ($failed of $tests tests fail; log: .course/selfcheck-book.log; screenshots: runner/target/book-screenshots/)"

  # The checks that failed (and the corpus cases that only pass alone) again, next to the verdict,
  # so that the end of a long log says what to look at.
  say ""
  local item
  for item in "${FLAKY[@]}"; do say "  ${YELLOW}!${OFF} flaky: ${item:0:300}"; done
  for item in "${FAILURES[@]}"; do say "  ${RED}✗${OFF} ${item:0:300}"; done
  say "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# ---------------------------------------------------------------------------------------------

bench() {
  if [ -f bench/run.sh ]; then
    exec bash bench/run.sh "$@"
  fi
  fail_setup "The benchmarks are not installed in this copy of the course (bench/run.sh is missing)."
}

# Every command takes --help; the help text is the runner's (course.runner.Help).
for arg in "$@"; do
  if [ "$arg" = --help ] || [ "$arg" = -h ]; then
    start_runner "$@"
    exit
  fi
done

case "${1:-}" in
  "" | --recheck) run_runner check "$@" ;;
  --java-home) find_jdk && printf '%s\n' "$JAVA_HOME" ;;
  help) start_runner "$@" ;;
  selfcheck) selfcheck ;;
  bench) shift; bench "$@" ;;
  *) run_runner "$@" ;; # the runner's commands, and a clear word on an unknown one
esac
