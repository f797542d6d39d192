package course.deadlock;

import java.util.HashMap;
import java.util.function.ToIntFunction;

/**
 * Finds two tables whose identity hash codes are equal, as any program that makes enough tables
 * meets: identity hash codes have 31 bits, so among some 60,000 objects two are likely to share one
 * (the birthday paradox), and among 3,000,000 it is certain for all practical purposes.
 */
final class Ties {

  /** Two tables, each with a lock of its own. */
  record Pair(WordTable first, StagedLock firstLock, WordTable second, StagedLock secondLock) {}

  private record Candidate(WordTable table, StagedLock lock) {}

  private static final int MAX_CANDIDATES = 3_000_000;

  private Ties() {}

  /** Two different tables with equal {@code System.identityHashCode}, and so equal hashCode(). */
  static Pair tablesWithEqualIdentityHashCodes() {
    return find(candidate -> System.identityHashCode(candidate.table()));
  }

  /** Two different tables whose locks have equal {@code System.identityHashCode}. */
  static Pair tablesWhoseLocksHaveEqualIdentityHashCodes() {
    return find(candidate -> System.identityHashCode(candidate.lock()));
  }

  private static Pair find(ToIntFunction<Candidate> hash) {
    var seen = new HashMap<Integer, Candidate>();
    for (int i = 0; i < MAX_CANDIDATES; i++) {
      var lock = new StagedLock("a lock");
      var candidate = new Candidate(new WordTable(lock), lock);
      var earlier = seen.putIfAbsent(hash.applyAsInt(candidate), candidate);
      if (earlier != null) {
        return new Pair(earlier.table(), earlier.lock(), candidate.table(), candidate.lock());
      }
    }
    throw new IllegalStateException(
        "the test found no two objects with equal identity hash codes among " + MAX_CANDIDATES);
  }
}
