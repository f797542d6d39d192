#!/usr/bin/env bash
# Reproduces the thread dumps of book/13_deadlock.md: starts DeadlockDemo, waits until its two
# transfers are deadlocked, takes a dump with jcmd, and stops the demo.
# Run from anywhere:  book/code/deadlock-dump.sh [synchronized] [locks]   (default: both)
# Needs JDK 21+ (JAVA_HOME or java and jcmd on PATH). Writes book/code/deadlock-dump-*.txt.
set -euo pipefail
cd "$(dirname "$0")"
BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"

modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(synchronized locks)
for mode in "${modes[@]}"; do
  out="deadlock-dump-$mode.txt"
  log=$(mktemp)
  "${BIN}java" DeadlockDemo.java "$mode" >"$log" 2>&1 &
  demo=$!
  for _ in $(seq 1 300); do
    grep -q "Take a thread dump" "$log" && break
    sleep 0.1
  done
  cat "$log"
  # -l adds each thread's "Locked ownable synchronizers": the ReentrantLocks it holds.
  flags=$([ "$mode" = locks ] && echo "-l" || true)
  {
    echo "\$ jcmd $demo Thread.print $flags"
    "${BIN}jcmd" "$demo" Thread.print $flags
  } >"$out"
  kill "$demo"
  wait "$demo" 2>/dev/null || true
  rm -f "$log"
  echo "wrote book/code/$out"
done
