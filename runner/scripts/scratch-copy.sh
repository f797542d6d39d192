#!/usr/bin/env bash
# scratch-copy.sh DEST: a throwaway copy of the course in DEST, for the runner's own tests and
# measurements. It copies the course's files as they are now (committed or not, never build
# output), makes DEST a git repository with one commit (reset needs git), and reuses the
# runner's build and Maven's classpaths from .course/ when they exist, so no Maven run is needed.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
dest=$1
mkdir -p "$dest"
(cd "$src" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | (cd "$dest" && tar -xf -)
for cached in runner classpath; do
  if [ -d "$src/.course/$cached" ]; then
    mkdir -p "$dest/.course" && cp -r "$src/.course/$cached" "$dest/.course/"
  fi
done
git -C "$dest" init -q
git -C "$dest" add -A
git -C "$dest" -c user.name=course -c user.email=course@example.invalid commit -qm "the course"
