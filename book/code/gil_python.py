#!/usr/bin/env python3
"""Counts words with 1 thread, 2 threads and 2 processes, and prints wall and CPU time.

The Python half of the table in book/04_globallock.md. Run it with the Java half, from the
repository's root:

    bench/measure.sh gil

It builds the same text as the Java half, course.bench.measure.GlobalLockCost (same words, same
pseudo-random sequence), and counts it five times each way. Under CPython's GIL the two threads
take turns, so they are no faster than one; the two processes have a GIL each.

It prints what it timed, not a table: one line "python,version,MB,words,runs,cores,load" and
one line "run,way,wall ms,CPU ms" per timed count. GlobalLockCost computes the medians and the
ratios from them with the course's one median (course.bench.Stats), as it does for Java.
"""

import multiprocessing
import os
import sys
import threading
import time

WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "thread", "lock",
         "café", "naïve", "Zürich", "東京", "mañana", "42", "don't", "well-known", "слово", "…"]
MASK = (1 << 64) - 1
RUNS = 5


def make_text(n_words, seed=42):
    """The same text as GlobalLockCost.makeText: a 64-bit LCG picks each word."""
    x = seed
    out = []
    for _ in range(n_words):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
        out.append(WORDS[(x >> 33) % len(WORDS)])
    return " ".join(out)


def split_into_chunks(text, n):
    """At most n chunks, each cut moved forward to the next space."""
    chunks, start = [], 0
    for i in range(1, n):
        cut = max(start, i * len(text) // n)
        cut = text.find(" ", cut)
        if cut == -1:
            break
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return chunks


def count_words(chunk):
    # str.split runs in C, but it holds the GIL the whole time: it touches Python objects.
    return len(chunk.split())


def with_threads(text, n):
    results = []
    threads = [threading.Thread(target=lambda c=c: results.append(count_words(c)))
               for c in split_into_chunks(text, n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(results)


def with_processes(text, n):
    # The pool's start-up and the copy of each chunk to its process are part of the price.
    with multiprocessing.Pool(n) as pool:
        total = sum(pool.map(count_words, split_into_chunks(text, n)))
        pool.close()
        pool.join()
    return total


def cpu_seconds():
    """CPU time of this process, all threads, plus its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(fn, text, expected):
    """Wall and CPU milliseconds of one call; checks the answer."""
    wall0, cpu0 = time.perf_counter(), cpu_seconds()
    words = fn(text)
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
    assert words == expected, (words, expected)
    return wall * 1000, cpu * 1000


def main():
    n_words = int(sys.argv[1]) if len(sys.argv) > 1 else 6_000_000
    text = make_text(n_words)
    ways = {
        "1 thread": lambda t: count_words(t),
        "2 threads": lambda t: with_threads(t, 2),
        "2 processes": lambda t: with_processes(t, 2),
    }
    # The three ways take turns, run after run, so that all meet the same load on a busy machine.
    timings = []
    for _ in range(RUNS):
        for name, fn in ways.items():
            timings.append((name, *timed(fn, text, n_words)))
    print(f"python,{sys.version.split()[0]},{len(text.encode()) / 1e6:.1f},{n_words},{RUNS},"
          f"{os.cpu_count()},{os.getloadavg()[0]:.1f}")
    for name, wall, cpu in timings:
        print(f"run,{name},{wall:.3f},{cpu:.3f}")


if __name__ == "__main__":
    main()
