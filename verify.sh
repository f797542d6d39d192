#!/usr/bin/env bash
# verify.sh: the course's runner. Run it from anywhere; it works from the repository root.
#
#   ./verify.sh              check the exercises in order, stop at the first one that fails
#   ./verify.sh selfcheck    test the course itself: every solution passes, every stub fails
#   ./verify.sh --help       this help
#
# It finds a JDK 21+ by itself (JAVA_HOME, PATH, the usual install folders) and uses the Maven
# Wrapper, which downloads the Maven version the course is tested with on first use.
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

# Prints the major version of the JDK at $1 (a JAVA_HOME), or nothing.
jdk_major() {
  local home=$1 version=''
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)
  fi
  version=${version#1.}
  printf '%s' "${version%%[.+-]*}"
}

# Sets JAVA_HOME to a JDK 21+ or explains what to install.
find_jdk() {
  local candidates=() found='' best=0 home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    home=$(cd "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")/.." && pwd)
    candidates+=("$home")
  fi
  if [ -x /usr/libexec/java_home ]; then
    home=$(/usr/libexec/java_home -v 21+ 2>/dev/null) && candidates+=("$home")
  fi
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
    "$HOME"/.asdf/installs/java/* "$HOME"/.local/share/mise/installs/java/*; do
    [ -d "$home" ] && candidates+=("$home")
  done
  # The first candidate that is 21+ wins when it is JAVA_HOME or on PATH; otherwise the newest.
  for home in "${candidates[@]}"; do
    major=$(jdk_major "$home")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] 2>/dev/null; then
      if [ "$home" = "${JAVA_HOME:-}" ]; then found=$home; break; fi
      if [ "$major" -gt "$best" ]; then best=$major; found=$home; fi
    fi
  done
  if [ -z "$found" ]; then
    cat >&2 <<EOF
${RED}✗ No JDK 21 or newer found.${OFF}
  This course needs a JDK (not just a JRE) of version 21 or newer. I looked at JAVA_HOME,
  the java on your PATH and the usual install folders.
  Install one, for example Eclipse Temurin 21 or 25:
    • macOS:          brew install --cask temurin
    • Debian/Ubuntu:  sudo apt install openjdk-21-jdk   (or temurin-21-jdk from adoptium.net)
    • SDKMAN!:        sdk install java 21-tem
  Then run ./verify.sh again (or set JAVA_HOME to the JDK's folder).
EOF
    exit 2
  fi
  export JAVA_HOME=$found
  export PATH="$JAVA_HOME/bin:$PATH"
}

# ---------------------------------------------------------------------------------------------
# Maven.

MVN_FLAGS=(-B -ntp -Dstyle.color=never -Dorg.slf4j.simpleLogger.showDateTime=false)

# Runs the wrapper with the course's flags; all output goes to the log file $1.
mvn_logged() {
  local log=$1
  shift
  ./mvnw "${MVN_FLAGS[@]}" "$@" >"$log" 2>&1
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

# The files a learner edits in exercise $1: main sources with a TODO, else all main sources.
files_to_edit() {
  local files
  files=$(grep -rl 'TODO' "$1/src/main" 2>/dev/null)
  [ -n "$files" ] || files=$(find "$1/src/main" -name '*.java' 2>/dev/null)
  printf '%s\n' "$files" | sort
}

# Prints the first compiler errors of the log, with file and line.
compiler_errors() {
  grep -E '^\[ERROR\] /.*\.java:\[[0-9]+,[0-9]+\]' "$1" | sed "s|^\[ERROR\] $ROOT/||" | awk '!seen[$0]++' | head -n 3
}

# ---------------------------------------------------------------------------------------------
# ./verify.sh: take the course.

run_course() {
  find_jdk
  local all total done_count=0 log=$STATE/last-run.log summary ex nn status
  all=$(exercises)
  total=$(printf '%s\n' "$all" | grep -c .)
  say "${DIM}Checking the exercises in order (JDK $(jdk_major "$JAVA_HOME"))…${OFF}"
  mvn_logged "$log" test
  summary=$(reactor_summary "$log")
  if [ -z "$summary" ]; then
    explain_setup_failure "$log"
  fi
  if [ "$(module_status 'support' "$summary")" = FAILURE ]; then
    fail_setup "The course's support module failed to build. Did you edit support/? Restore it with: git checkout -- support. Details: $log"
  fi
  for ex in $all; do
    nn=$(basename "$ex" | cut -c1-2)
    status=$(module_status "exercise $nn:" "$summary")
    if [ "$status" = SUCCESS ]; then
      done_count=$((done_count + 1))
      continue
    fi
    report_failure "$ex" "$log" "$done_count" "$total"
    return 1
  done
  say "${GREEN}${BOLD}✓ All $total exercises pass.${OFF} You have finished the course: well done!"
  say "Compare your code with the reference answers in solutions/, and try ./verify.sh bench to see the speed-ups."
  return 0
}

report_failure() {
  local ex=$1 log=$2 done_count=$3 total=$4 name errors report
  name=$(basename "$ex")
  say "${BOLD}Progress: $done_count/$total exercises done.${OFF}"
  errors=$(compiler_errors "$log" | grep -F "$ex/" || true)
  if [ -n "$errors" ]; then
    say "${RED}✗ $name does not compile.${OFF} The compiler's first complaint:"
    printf '%s\n' "$errors" | sed 's/^/    /'
  else
    say "${RED}✗ $name: its tests fail.${OFF}"
    report=$("$JAVA_HOME/bin/java" runner/Report.java "$ex" 3 2>/dev/null)
    if [ -n "$report" ]; then
      printf '%s\n' "$report" | sed 's/^/  /'
    else
      say "  The tests did not run to the end. The last lines of the log ($log):"
      tail -n 8 "$log" | sed 's/^/    /'
    fi
  fi
  say ""
  say "  Read:  $(chapter_of "$ex")"
  files_to_edit "$ex" | sed 's/^/  Edit:  /'
  say "  Then run ./verify.sh again."
}

# ---------------------------------------------------------------------------------------------
# ./verify.sh selfcheck: test the course (what CI runs).

PASSED=0
FAILED=0
check() { # check <ok:0|1> <description>
  if [ "$1" -eq 0 ]; then
    PASSED=$((PASSED + 1)); say "  ${GREEN}✓${OFF} $2"
  else
    FAILED=$((FAILED + 1)); say "  ${RED}✗${OFF} $2"
  fi
}

# Prints each module's Surefire summary line ("Tests run: …") from Maven log $1.
surefire_summaries() {
  awk '
    /^\[INFO\] Building .* 1\.0\.0-SNAPSHOT/ { sub(/^\[INFO\] Building /, ""); sub(/ 1\.0\.0-SNAPSHOT.*/, ""); module = $0 }
    /Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/ { sub(/^\[[A-Z]+\] /, ""); printf "    %-40s %s\n", module, $0 }
  ' "$1"
}

# Counts failures+errors in the Surefire reports of module $1; prints "<tests> <failed>".
report_counts() {
  cat "$1"/target/surefire-reports/TEST-*.xml 2>/dev/null | grep -o '<testsuite [^>]*' | awk '
    { for (i = 1; i <= NF; i++) if (match($i, /^(tests|failures|errors)="[0-9]+"/)) {
        split($i, kv, "\""); if ($i ~ /^tests=/) t += kv[2]; else f += kv[2] } }
    END { printf "%d %d", t, f }'
}

selfcheck() {
  find_jdk
  local ex name nn sol status summary counts tests failed log
  say "${BOLD}Self-check of the course${OFF} (JDK $(jdk_major "$JAVA_HOME"), $(nproc 2>/dev/null || echo '?') cores)"

  say "${BOLD}1. Structure${OFF}"
  for ex in $(exercises); do
    name=$(basename "$ex")
    [ -d "solutions/$name/src/main" ]; check $? "$name has a solution"
    [ -f "$(chapter_of "$ex")" ] && grep -q "($name.md)" book/SUMMARY.md; check $? "$name has a chapter listed in book/SUMMARY.md"
    grep -rqs 'TODO' "$ex/src/main"; check $? "$name's stub has a TODO"
    [ -s "$ex/HINT.md" ]; check $? "$name has a hint"
    grep -q "<module>$ex</module>" pom.xml && grep -q "<module>solutions/$name</module>" pom.xml
    check $? "$name is in both profiles of pom.xml"
  done
  for sol in $(solutions); do
    [ -d "exercises/$(basename "$sol")" ]; check $? "$(basename "$sol") solves an exercise that exists"
    [ -z "$(find "$sol" -path '*/src/test/*' -name '*.java' | head -1)" ]
    check $? "$(basename "$sol") has no test copy of its own"
  done

  say "${BOLD}2. Every solution passes its exercise's tests${OFF}"
  log=$STATE/selfcheck-solutions.log
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

  say ""
  say "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# ---------------------------------------------------------------------------------------------

usage() {
  cat <<EOF
${BOLD}./verify.sh${OFF}: the course's runner.

  ./verify.sh              Check the exercises in order and stop at the first one that
                           fails: its failing tests, the chapter to read, the file to edit.
  ./verify.sh selfcheck    Test the course itself (what CI runs): structure, every solution
                           passes, every stub fails. Ends with "N passed, M failed".
  ./verify.sh --help       This help.

Needs a JDK 21+ (found automatically) and, on the very first run, network access to Maven
Central. Logs are kept in .course/.
EOF
}

case "${1:-}" in
  "") run_course ;;
  selfcheck) selfcheck ;;
  -h | --help | help) usage ;;
  *)
    say "${RED}Unknown command: $1${OFF}" >&2
    usage >&2
    exit 2
    ;;
esac
