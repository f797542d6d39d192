#!/usr/bin/env bash
# runner/measure.sh: how fast ./verify.sh answers, for a learner on exercise 03 with 00-02 solved.
#
#   one-shot: median of 3 warm runs of ./verify.sh after an edit of exercise 03 (so 03 is
#             compiled and tested; 00-02 passed before and are not run again), the same with
#             the tests in a child JVM (COURSE_FORK=1), and 3 runs with nothing changed;
#   watch:    median of 10 saves of exercise 03's stub, from the save to the verdict on screen.
#
# It works in a scratch copy (runner/scripts/scratch-copy.sh) with the solutions of 00-02 copied
# into the exercises: the course itself is not touched. Run it on a quiet machine.
#
# It stays a script because it times ./verify.sh from outside, as a learner starts it; the
# medians come from the course's one median, through bench/measure.sh runs (course.bench.Stats).
set -eu
cd "$(dirname "$0")/.."
./verify.sh list >/dev/null # builds the runner and the classpaths if needed
work=$(mktemp -d)
trap '[ -z "$watcher" ] || { kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null; } || true; rm -rf "$work"' EXIT
watcher=''
copy=$work/course
runner/scripts/scratch-copy.sh "$copy" >/dev/null
for nn in 00 01 02; do
  name=$(basename "$copy"/exercises/${nn}_*)
  cp -r "$copy/solutions/$name/src/main/." "$copy/exercises/$name/src/main/"
done
file=$(ls "$copy"/exercises/03_*/src/main/java/course/*/WordCount.java)
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
edit() { printf '\n// edited %s\n' "$(now)" >>"$file"; }

"$copy/verify.sh" >/dev/null || true # warm up: 00-02 pass and are remembered
"$copy/verify.sh" >/dev/null || true
edited=() unchanged=()
for i in 1 2 3; do
  edit
  start=$(now); "$copy/verify.sh" >"$work/out" || true; edited+=("$(ms "$start" "$(now)")")
  start=$(now); "$copy/verify.sh" >/dev/null || true; unchanged+=("$(ms "$start" "$(now)")")
done
grep -q '03_threads' "$work/out" || { echo "unexpected verdict:"; cat "$work/out"; exit 1; }
forked=() # the alternative: the tests in a JVM of their own, started with the exercise's classpath
for i in 1 2 3; do
  edit
  start=$(now); COURSE_FORK=1 "$copy/verify.sh" >/dev/null || true; forked+=("$(ms "$start" "$(now)")")
done

# Watch mode: a save, then the time until a new verdict is printed.
mkfifo "$work/keys"
COURSE_TIMING=1 "$copy/verify.sh" watch <"$work/keys" >"$work/watch.out" 2>&1 &
watcher=$!
exec 3>"$work/keys" # keeps watch's input open
rounds() { grep -c 'Watching your files' "$work/watch.out" || true; }
wait_for_round() {
  local want=$1
  for _ in $(seq 1 3000); do [ "$(rounds)" -ge "$want" ] && return 0; sleep 0.005; done
  echo "watch mode did not answer"; cat "$work/watch.out"; exit 1
}
wait_for_round 1
watch=()
for i in $(seq 1 10); do
  sleep 0.5
  before=$(rounds)
  start=$(now); edit; wait_for_round $((before + 1)); watch+=("$(ms "$start" "$(now)")")
done
echo q >&3
exec 3>&-
wait "$watcher" || true
watcher=''
# The tests' own share of each round: COURSE_TIMING prints "compile" and "tests" laps, in ms
# since the round's check of 03 began; the tests took the difference.
tests=($(awk '/\[timing\] compile/ { c = $3 } /\[timing\] tests/ { print $3 - c }' "$work/watch.out" | tail -10))

{
  echo "one-shot, 03 edited:    ${edited[*]}"
  echo "one-shot, 03 edited, tests in a child JVM (COURSE_FORK=1): ${forked[*]}"
  echo "one-shot, nothing new:  ${unchanged[*]}"
  echo "watch, save to verdict: ${watch[*]}"
  echo "  of which the tests of 03 themselves: ${tests[*]:-}"
} | bench/measure.sh runs
printf '(%s cores, load average %s, %s)\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" "$(date -u '+%Y-%m-%d %H:%M UTC')"
