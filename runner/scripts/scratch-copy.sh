#!/usr/bin/env bash
# scratch-copy.sh DEST: a throwaway copy of the course in DEST, for the runner's own tests and
# measurements. It copies the course's files as they are now (committed or not, never build
# output), makes DEST a git repository with one commit (reset needs git), and reuses the
# runner's build, Maven's classpaths and the compiled support module from .course/ when they
# exist, so no Maven run is needed and the copy's first check does not compile support again (its
# stamp says whether it is still that of support's sources).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
dest=$1
mkdir -p "$dest"
(cd "$src" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | (cd "$dest" && tar -xf -)
for cached in runner classpath build/support; do
  if [ -d "$src/.course/$cached" ]; then
    mkdir -p "$(dirname "$dest/.course/$cached")" && cp -r "$src/.course/$cached" "$dest/.course/$cached"
  fi
done
# The corpus's class-data archives (megabytes each): a copy never judges the corpus.
rm -f "$dest"/.course/runner/corpus-*.jsa
git -C "$dest" init -q
git -C "$dest" add -A
git -C "$dest" -c user.name=course -c user.email=course@example.invalid commit -qm "the course"
