package course.deadlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tests of exercise 13. The merges that could deadlock run on threads of the test's own, named
 * after what they do ("merge a into b"); the tables' locks are {@link StagedLock}s, which let the
 * test force the interleaving it wants (see {@link Stage}) and stop a stuck thread.
 */
@ExtendWith(NoLeftovers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordTableTest {

  private static final String HANG_HINT =
      "Look for a merge that waits for a lock the other merge holds, or that retries forever.";

  /** A table, its lock and the name the messages give it. */
  private record Named(String name, WordTable table, StagedLock lock) {}

  private static Named table(String name, Map<String, Long> counts) {
    return table(name, new WordTable(new StagedLock(name)), null, counts);
  }

  private static Named table(
      String name, WordTable table, StagedLock lock, Map<String, Long> counts) {
    StagedLock theLock = lock;
    if (theLock == null) {
      theLock = lockOf(table);
    }
    theLock.name("table " + name + "'s lock");
    counts.forEach(table::add);
    return new Named(name, table, theLock);
  }

  /** The lock a table was made with: tables made here always get a StagedLock. */
  private static StagedLock lockOf(WordTable table) {
    try {
      var field = WordTable.class.getDeclaredField("lock");
      field.setAccessible(true);
      return (StagedLock) field.get(table);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new AssertionError(
          "WordTable must keep the lock it was given in its field 'lock', as the given code does.",
          e);
    }
  }

  // ---------------------------------------------------------------- the lesson: no deadlock

  @Test
  @Order(1)
  void merges_in_opposite_directions_at_once_without_deadlock() {
    var a = table("a", Map.of("apple", 3L, "pear", 1L));
    var b = table("b", Map.of("pear", 5L, "plum", 2L, "fig", 1L));
    collide(a, b, "");
  }

  @Test
  @Order(2)
  void merges_in_opposite_directions_two_tables_with_the_same_contents() {
    var a = table("a", Map.of("sun", 2L, "moon", 1L));
    var b = table("b", Map.of("sun", 2L, "moon", 1L));
    collide(
        a,
        b,
        "(Tables a and b hold the same words and counts, so their sizes, totals and contents "
            + "are equal: an order taken from them is no order at all for this pair.)");
  }

  @Test
  @Order(3)
  void merges_in_opposite_directions_two_tables_with_equal_identity_hash_codes() {
    var pair = Ties.tablesWithEqualIdentityHashCodes();
    var a = table("a", pair.first(), pair.firstLock(), Map.of("red", 1L, "blue", 2L));
    var b = table("b", pair.second(), pair.secondLock(), Map.of("green", 4L));
    collide(
        a,
        b,
        ("(Tables a and b are two different tables with the same System.identityHashCode, %d, "
                + "and so the same hashCode(): the test looked for such a pair, as any program "
                + "that makes enough tables meets one. An order by hash code needs a tie-breaker.)")
            .formatted(System.identityHashCode(a.table())));
  }

  @Test
  @Order(4)
  void merges_in_opposite_directions_two_tables_whose_locks_have_equal_hash_codes() {
    var pair = Ties.tablesWhoseLocksHaveEqualIdentityHashCodes();
    var a = table("a", pair.first(), pair.firstLock(), Map.of("oak", 3L));
    var b = table("b", pair.second(), pair.secondLock(), Map.of("elm", 1L, "ash", 1L));
    collide(
        a,
        b,
        ("(The locks of tables a and b are two different locks with the same "
                + "System.identityHashCode, %d, and so the same hashCode(): the test looked for "
                + "such a pair. An order by hash code needs a tie-breaker.)")
            .formatted(System.identityHashCode(a.lock())));
  }

  /**
   * Merges a into b and b into a on two threads, forced to collide, and checks that both finish
   * with the totals of one of the two one-after-the-other orders.
   */
  private static void collide(Named a, Named b, String aboutThePair) {
    var context = aboutThePair.isEmpty() ? "" : " " + aboutThePair;
    warmUp();
    var a0 = read(a);
    var b0 = read(b);
    var result =
        Deadline.call(
            Duration.ofSeconds(40),
            () ->
                MergeRun.run(
                    Stage.Mode.COLLIDE,
                    List.of(
                        new MergeRun.Merge(
                            "merge a into b", a.table(), a.lock(), b.table(), b.lock()),
                        new MergeRun.Merge(
                            "merge b into a", b.table(), b.lock(), a.table(), a.lock()))),
            "a.mergeInto(b) and b.mergeInto(a) at once",
            HANG_HINT);
    if (result.problem() != null) {
      fail(result.problem() + context);
    }
    assertFree(a, "the merges returned");
    assertFree(b, "the merges returned");
    var a1 = read(a);
    var b1 = read(b);
    var bIfAFirst = sum(b0, a0);
    var aIfAFirst = sum(a0, bIfAFirst);
    var aIfBFirst = sum(a0, b0);
    var bIfBFirst = sum(b0, aIfBFirst);
    boolean aFirst = a1.equals(aIfAFirst) && b1.equals(bIfAFirst);
    boolean bFirst = a1.equals(aIfBFirst) && b1.equals(bIfBFirst);
    if (!aFirst && !bFirst) {
      String why;
      if (a1.equals(a0) || b1.equals(b0)) {
        why =
            "A merge was lost: it returned without adding its counts. A merge that cannot get "
                + "both locks must try again until it can, not give up.";
      } else if (a1.equals(aIfBFirst) && b1.equals(bIfAFirst)) {
        why =
            "Each merge copied its own table before the other one added into it, so each added "
                + "the other's old counts: the merge is not atomic. Hold both tables' locks "
                + "while you copy, so that the two merges cannot overlap.";
      } else {
        why =
            "A merge was lost or counted twice: check that each merge adds its counts exactly "
                + "once, and only while it holds both locks.";
      }
      fail(
          ("After a.mergeInto(b) and b.mergeInto(a) ran at the same time, expected the totals "
                  + "of one of the two orders in which they could have run one after the other: "
                  + "a=%s, b=%s (a into b first) or a=%s, b=%s (b into a first), but got a=%s, "
                  + "b=%s. %s%s")
              .formatted(
                  sorted(aIfAFirst),
                  sorted(bIfAFirst),
                  sorted(aIfBFirst),
                  sorted(bIfBFirst),
                  sorted(a1),
                  sorted(b1),
                  why,
                  context));
    }
  }

  @Test
  @Order(5)
  void merges_of_tables_that_share_none_run_at_the_same_time() {
    warmUp();
    var a = table("a", Map.of("one", 1L));
    var b = table("b", Map.of("two", 2L));
    var c = table("c", Map.of("three", 3L));
    var d = table("d", Map.of("four", 4L));
    var result =
        Deadline.call(
            Duration.ofSeconds(40),
            () ->
                MergeRun.run(
                    Stage.Mode.TOGETHER,
                    List.of(
                        new MergeRun.Merge(
                            "merge a into b", a.table(), a.lock(), b.table(), b.lock()),
                        new MergeRun.Merge(
                            "merge c into d", c.table(), c.lock(), d.table(), d.lock()))),
            "a.mergeInto(b) and c.mergeInto(d) at once",
            HANG_HINT);
    if (result.problem() != null) {
      fail(result.problem());
    }
    var missed = result.stage().missedAtWork();
    if (missed != null) {
      fail(
          ("Expected a.mergeInto(b) and c.mergeInto(d), which share no table, to run at the same "
                  + "time, but '%s' waited %d s inside its merge, holding its tables' locks, and "
                  + "the other merge never got that far: %s. Something other than the tables' own "
                  + "locks makes merges wait for each other: a lock that every merge takes (a "
                  + "static lock, synchronized on the class) runs them one at a time. Guard each "
                  + "table with its own lock only.")
              .formatted(
                  missed.name, Stage.TOGETHER_MILLIS / 1000, result.stage().partnerWhenMissed()));
    }
    assertEquals(
        Map.of("one", 1L, "two", 2L),
        read(b),
        "After a.mergeInto(b), table b must hold its own counts plus a's.");
    assertEquals(
        Map.of("three", 3L, "four", 4L),
        read(d),
        "After c.mergeInto(d), table d must hold its own counts plus c's.");
  }

  // ---------------------------------------------------------------- one merge at a time

  @Test
  @Order(6)
  void adds_every_count_into_the_other_table_and_leaves_this_one_as_it_was() {
    var a = table("a", Map.of("cat", 2L, "dog", 1L));
    var b = table("b", Map.of("dog", 4L, "cow", 7L));
    merge(a, b);
    assertEquals(
        Map.of("cat", 2L, "dog", 5L, "cow", 7L),
        read(b),
        "a.mergeInto(b) must add each of a's counts to b's count of the same word.");
    assertEquals(
        Map.of("cat", 2L, "dog", 1L),
        read(a),
        "a.mergeInto(b) must leave table a as it was: it only adds a's counts into b.");
    var empty = table("e", Map.of());
    merge(empty, b);
    assertEquals(
        Map.of("cat", 2L, "dog", 5L, "cow", 7L),
        read(b),
        "Merging an empty table into b must leave b as it was.");
    var fresh = table("f", Map.of());
    merge(a, fresh);
    assertEquals(
        Map.of("cat", 2L, "dog", 1L),
        read(fresh),
        "Merging a into an empty table must copy a's counts.");
  }

  @Test
  @Order(7)
  void merging_a_table_into_itself_doubles_its_counts() {
    var a = table("a", Map.of("echo", 3L, "twice", 1L));
    merge(a, a);
    assertEquals(
        Map.of("echo", 6L, "twice", 2L),
        read(a),
        "a.mergeInto(a), merging a table into itself, must add its counts to themselves: each "
            + "count doubles. Both 'tables' are then the same table with the same lock: a "
            + "ReentrantLock can be taken twice by the same thread, as long as it is unlocked "
            + "twice.");
  }

  @Test
  @Order(8)
  void runs_on_the_calling_thread_and_leaves_both_locks_free() {
    var a = table("a", Map.of("left", 1L));
    var b = table("b", Map.of("right", 1L));
    merge(a, b);
    var caller = Deadline.caller();
    for (var named : List.of(a, b)) {
      var others =
          named.lock().acquirers().stream()
              .filter(thread -> thread != caller && thread != Thread.currentThread())
              .map(Thread::getName)
              .toList();
      if (!others.isEmpty()) {
        fail(
            ("a.mergeInto(b) must do its work on the thread that called it, but %s was taken by "
                    + "thread(s) %s. Take the locks and copy the counts right in mergeInto.")
                .formatted(named.lock(), others));
      }
    }
  }

  @Test
  @Order(9)
  void rejects_a_null_table_and_changes_nothing() {
    var a = table("a", Map.of("only", 1L));
    var thrown =
        Deadline.call(
            () -> {
              try {
                a.table().mergeInto(null);
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            },
            "a.mergeInto(null)",
            "A null table must be rejected at once.");
    if (!(thrown instanceof NullPointerException)) {
      fail(
          "a.mergeInto(null) must throw a NullPointerException, but it %s."
              .formatted(thrown == null ? "returned normally" : "threw " + thrown));
    }
    assertFree(a, "a.mergeInto(null) threw");
    assertEquals(Map.of("only", 1L), read(a), "a.mergeInto(null) must leave table a as it was.");
  }

  // ---------------------------------------------------------------- helpers

  /** One merge on a thread of JUnit's, which Deadline remembers as the caller. */
  private static void merge(Named from, Named to) {
    var what = "%s.mergeInto(%s)".formatted(from.name(), to.name());
    Deadline.run(
        () -> from.table().mergeInto(to.table()),
        what,
        "A merge on its own never waits for anyone: check that you do not wait for a lock "
            + "this very thread holds (tryLock of a lock you hold succeeds; a fresh attempt after "
            + "a failure does not make a lock free).");
    assertFree(from, what + " returned");
    assertFree(to, what + " returned");
  }

  /**
   * Merges two tables of their own once each way, so that the learner's classes (and whatever they
   * use) are loaded and initialized before the forced interleavings start.
   */
  private static void warmUp() {
    var x = new WordTable();
    var y = new WordTable();
    x.add("warm");
    Deadline.run(
        () -> {
          try {
            x.mergeInto(y);
            y.mergeInto(x);
          } catch (RuntimeException e) {
            // Only loading classes here: the test itself reports what went wrong.
          }
        },
        "x.mergeInto(y), then y.mergeInto(x), on one thread",
        "A merge on its own never waits for anyone: check your loop ends when it has both locks.");
  }

  private static void assertFree(Named named, String when) {
    var holder = named.lock().holder();
    if (holder != null) {
      fail(
          ("After %s, %s was still held, by thread '%s': unlock every lock you took, on every path "
                  + "out of mergeInto (in a finally block).")
              .formatted(when, named.lock(), holder.getName()));
    }
  }

  private static Map<String, Long> read(Named named) {
    assertFree(named, "the merges");
    return named.table().snapshot();
  }

  private static Map<String, Long> sum(Map<String, Long> one, Map<String, Long> two) {
    var total = new HashMap<>(one);
    two.forEach((word, count) -> total.merge(word, count, Long::sum));
    return Map.copyOf(total);
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    return new TreeMap<>(counts);
  }
}
