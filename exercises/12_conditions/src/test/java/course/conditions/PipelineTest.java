package course.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.support.WorkProbe;
import course.support.testing.Deadline;
import course.support.testing.Integration;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.Texts;
import course.support.testing.Threads;
import course.support.testing.WorkLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline: one reader, nWorkers workers, the buffer between them, and a clean end. It is built
 * on the learner's BoundedBuffer, so it runs, and its failures show, after the buffer's own tests.
 */
@Integration
@ExtendWith(NoLeftovers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineTest {

  /** How long threads that count started get to end once count has returned (a pool's do). */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private static final String STOP_THE_WORKERS =
      "Tell every worker that no more lines will come (close the buffer, or put one poison pill "
          + "per worker) and wait for each to end, on every way out of count (a finally block).";

  /** {@code n} lines of a few words each, some empty or blank. */
  private static List<String> lines(int n, long seed) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                switch (i % 9) {
                  case 4 -> "";
                  case 7 -> " \t\u2003 ";
                  default ->
                      Texts.generate(seed * 1_000 + i, 1 + i % 6)
                          .replaceAll("[\\n\\r\\u2028]", " ");
                })
        .toList();
  }

  private static long wordsIn(List<String> lines) {
    return lines.stream().mapToLong(line -> Texts.words(line).size()).sum();
  }

  /** Where every thread that read or counted is now: for the message of a hang. */
  private static String whereAll(WatchedReader reader, Gate gate) {
    var parts = new ArrayList<String>();
    var readers = reader.readers();
    for (var thread : readers) {
      parts.add("the reader '%s' is %s".formatted(thread.getName(), Frames.where(thread)));
    }
    var others = new LinkedHashSet<Thread>(gate.workers());
    // Workers that never got a line have not counted: find them by their frames in your code.
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.threadId() > gate.firstThreadId())
        .filter(Frames::isInLearnerCode)
        .forEach(others::add);
    for (var thread : others) {
      if (thread.isAlive() && !readers.contains(thread)) {
        parts.add("'%s' is %s".formatted(thread.getName(), Frames.where(thread)));
      }
    }
    return parts.isEmpty() ? "no thread has read or counted yet" : String.join("; ", parts);
  }

  /** count() through Deadline; a hang says where the reader and the workers are stuck. */
  private static long count(List<String> lines, int nWorkers, int capacity) {
    var reader = WatchedReader.of(lines);
    try (var gate = Gate.open()) {
      long words = countWith(reader, gate, lines.size(), nWorkers, capacity);
      assertWorkersEnded(gate, reader, "count returned");
      return words;
    }
  }

  private static long countWith(
      WatchedReader reader, Gate gate, int lines, int nWorkers, int capacity) {
    return Deadline.call(
        () -> Pipeline.count(reader, nWorkers, capacity),
        "Pipeline.count(%d lines, %d workers, capacity %d)".formatted(lines, nWorkers, capacity),
        () ->
            "%d of %d lines were read; %s. %s"
                .formatted(reader.served(), lines, whereAll(reader, gate), STOP_THE_WORKERS));
  }

  /** Fails if a thread that read or counted (other than the caller) outlives count(). */
  private static void assertWorkersEnded(Gate gate, WatchedReader reader, String after) {
    var started = new LinkedHashSet<Thread>(gate.workers());
    started.addAll(reader.readers());
    started.remove(Deadline.caller());
    var alive = Threads.stillAliveAfter(started, GRACE);
    if (!alive.isEmpty()) {
      throw new AssertionError(
          "%s, but %d of its threads %s still alive %d s later: %s. %s"
              .formatted(
                  after,
                  alive.size(),
                  alive.size() == 1 ? "was" : "were",
                  GRACE.toSeconds(),
                  alive.stream()
                      .map(t -> "'%s' %s".formatted(t.getName(), Frames.where(t)))
                      .collect(Collectors.joining("; ")),
                  STOP_THE_WORKERS));
    }
  }

  @Test
  @Order(1)
  void counts_every_word_of_every_line() {
    for (int[] setup : new int[][] {{1, 1}, {2, 3}, {4, 2}, {3, 64}}) {
      var lines = lines(120, setup[0] * 10L + setup[1]);
      assertEquals(
          wordsIn(lines),
          count(lines, setup[0], setup[1]),
          "Pipeline.count(120 lines, %d workers, capacity %d) returned the wrong total: every line must be counted exactly once."
              .formatted(setup[0], setup[1]));
    }
  }

  @Test
  @Order(2)
  void reads_on_one_thread_and_counts_only_on_the_workers() {
    var lines = lines(60, 7);
    var reader = WatchedReader.of(lines);
    try (var gate = Gate.open();
        var log = WorkLog.start()) {
      long words = countWith(reader, gate, lines.size(), 3, 4);
      assertEquals(
          wordsIn(lines), words, "Pipeline.count(60 lines, 3, 4) returned the wrong total.");
      var readers = reader.readers();
      if (readers.size() != 1) {
        throw new AssertionError(
            "The lines were read on %d threads %s: read them all on one thread (the calling thread, or one reader thread), and let only the workers take from the buffer."
                .formatted(
                    readers.size(), readers.stream().map(Thread::getName).sorted().toList()));
      }
      var theReader = readers.iterator().next();
      if (gate.workers().contains(theReader)) {
        throw new AssertionError(
            ("Words were counted on the reader's thread '%s': the reader only reads lines and "
                    + "puts them into the buffer; the worker threads take them out and count.")
                .formatted(theReader.getName()));
      }
      if (gate.workers().contains(Deadline.caller())) {
        throw new AssertionError(
            "Words were counted on the thread that called count(): only the worker threads count.");
      }
      int calls = log.calls(WorkProbe.COUNT_WORDS).size();
      assertEquals(
          lines.size(),
          calls,
          "Expected Chunks.countWords to be called once per line (%d lines), but it was called %d times."
              .formatted(lines.size(), calls));
      if (gate.workers().size() > 3) {
        throw new AssertionError(
            "Pipeline.count(60 lines, 3 workers, 4) counted on %d threads: start nWorkers workers, each taking many lines, not a thread per line."
                .formatted(gate.workers().size()));
      }
      assertWorkersEnded(gate, reader, "count returned");
      if (reader.closed()) {
        throw new AssertionError(
            "count closed the BufferedReader it was given: the reader belongs to the caller, who "
                + "opened it and closes it (no try-with-resources on it inside count).");
      }
    }
  }

  @Test
  @Order(3)
  void runs_nWorkers_workers_at_the_same_time() {
    var lines = lines(60, 3);
    try (var rendezvous = Rendezvous.open(3)) {
      assertEquals(
          wordsIn(lines),
          count(lines, 3, 2),
          "Pipeline.count(60 lines, 3, 2) returned the wrong total.");
      rendezvous.assertMet(
          "Start all nWorkers workers before you read, and let each one take lines from the buffer on its own.");
    }
  }

  @Test
  @Order(4)
  void the_reader_waits_while_the_buffer_is_full() {
    int nWorkers = 2;
    int capacity = 3;
    var lines = lines(40, 11);
    var reader = WatchedReader.of(lines);
    try (var gate = Gate.closed();
        var actors = new Actors()) {
      var caller =
          actors.start(
              "Pipeline.count(40 lines, 2 workers, capacity 3)",
              () -> Pipeline.count(reader, nWorkers, capacity));
      int expected = nWorkers + capacity + 1;
      // A correct reader reads at most `expected` lines while both workers are held, and then
      // waits in put() for good; more lines read means more than `capacity` in the buffer.
      Waits.until(
          () ->
              caller.done()
                  || reader.served() > expected
                  || (gate.inside() == nWorkers
                      && reader.served() == expected
                      && readerWaitsInPut(reader)),
          () ->
              ("With both workers held inside Chunks.countWords, the reader should read %d lines "
                      + "(2 being counted, 3 in the buffer, its capacity, and 1 waiting to go in) "
                      + "and then wait in BoundedBuffer.put(); after %d s, %d of 2 workers were "
                      + "counting, %d of 40 lines had been read, and %s.")
                  .formatted(
                      expected,
                      Waits.limit().toSeconds(),
                      gate.inside(),
                      reader.served(),
                      whereAll(reader, gate)));
      if (caller.done()) {
        caller.value(); // a call that threw fails here, naming what it threw
        throw new AssertionError(
            "Pipeline.count %s while its workers were still held inside Chunks.countWords."
                .formatted(caller.outcome()));
      }
      if (reader.served() > expected) {
        throw new AssertionError(
            ("While both workers were busy, the reader read %d lines; it should have stopped at "
                    + "%d: 2 being counted, 3 in the buffer (its capacity), 1 waiting to go in. The "
                    + "buffer held more than its capacity: check the capacity you give it and the "
                    + "condition put() waits on.")
                .formatted(reader.served(), expected));
      }
      gate.release();
      caller.awaitDone("Once the workers go on, count must finish: " + STOP_THE_WORKERS);
      assertEquals(
          wordsIn(lines), (long) caller.value(), "Pipeline.count returned the wrong total.");
    }
  }

  private static boolean readerWaitsInPut(WatchedReader reader) {
    return reader.readers().stream()
        .anyMatch(t -> Frames.isIn(t, "BoundedBuffer", "put") && Frames.isAwaitingACondition(t));
  }

  @Test
  @Order(5)
  void returns_only_once_every_worker_has_ended() {
    int nWorkers = 2;
    var lines = lines(5, 5).stream().map(line -> line + " w").toList();
    var reader = WatchedReader.of(lines);
    try (var gate = Gate.closed();
        var actors = new Actors()) {
      var caller =
          actors.start(
              "Pipeline.count(5 lines, 2 workers, capacity 8)",
              () -> Pipeline.count(reader, nWorkers, 8));
      Waits.until(
          () -> caller.done() || (gate.inside() >= nWorkers && reader.ended()),
          () ->
              "Pipeline.count(5 lines, 2, 8) should read all 5 lines and have 2 workers counting; after %d s %s."
                  .formatted(Waits.limit().toSeconds(), whereAll(reader, gate)));
      // A caller that waits for its workers parks (join, a future, a latch, a pool's close, or a
      // poison pill's put); one that does not wait returns. Either comes soon; the limit only
      // bounds code that does neither.
      Waits.reached(() -> caller.done() || waitsForOthers(caller.thread()), Waits.LIMIT);
      // The 3 lines left are in the buffer, and the workers are held: a reader that "helps" by
      // counting them itself is inside Chunks.countWords now.
      for (var thread : reader.readers()) {
        if (gate.workers().contains(thread)) {
          gate.release();
          throw new AssertionError(
              ("Words were counted on the reader's thread '%s': the reader only reads lines and "
                      + "puts them into the buffer, then waits for the workers; the worker threads "
                      + "take the lines out and count them.")
                  .formatted(thread.getName()));
        }
      }
      if (caller.done()) {
        caller.value();
        throw new AssertionError(
            ("Pipeline.count %s while 2 workers were still inside Chunks.countWords: every worker "
                    + "must have ended when count returns. Wait for them (join, or close the pool) "
                    + "before you add up their counts.")
                .formatted(caller.outcome()));
      }
      gate.release();
      caller.awaitDone("Once the workers go on, count must finish: " + STOP_THE_WORKERS);
      assertEquals(
          wordsIn(lines), (long) caller.value(), "Pipeline.count returned the wrong total.");
      assertWorkersEnded(gate, reader, "count returned");
    }
  }

  private static boolean waitsForOthers(Thread thread) {
    if (!Frames.isParked(thread)) {
      return false;
    }
    for (var frame : thread.getStackTrace()) {
      String cls = frame.getClassName();
      if ((cls.equals("java.lang.Thread") && frame.getMethodName().startsWith("join"))
          || (cls.startsWith("java.util.concurrent.") && !cls.contains(".locks."))
          || (cls.equals("course.conditions.BoundedBuffer")
              && frame.getMethodName().equals("put"))) {
        return true;
      }
    }
    return false;
  }

  @Test
  @Order(6)
  void a_failing_read_reaches_the_caller_and_every_worker_ends() {
    var lines = lines(20, 13);
    var failure = new IOException("the disk went away at line 7");
    var reader = WatchedReader.failingAt(lines, 7, failure);
    try (var gate = Gate.open()) {
      var thrown =
          Deadline.call(
              () -> assertThrows(IOException.class, () -> Pipeline.count(reader, 3, 2)),
              "Pipeline.count(lines whose 8th readLine() throws, 3, 2)",
              () ->
                  "After readLine() threw an IOException, %s. %s"
                      .formatted(whereAll(reader, gate), STOP_THE_WORKERS));
      if (thrown != failure) {
        throw new AssertionError(
            "count must throw the very IOException that readLine() threw, not %s: let it through, without wrapping it."
                .formatted(Show.failure(thrown)));
      }
      assertWorkersEnded(gate, reader, "count threw the IOException of readLine()");
    }
  }

  @Test
  @Order(7)
  void an_interrupt_of_the_caller_ends_count_and_every_worker() {
    int nWorkers = 2;
    var lines = lines(30, 17);
    var reader = WatchedReader.of(lines);
    try (var gate = Gate.closed();
        var actors = new Actors()) {
      var caller =
          actors.start(
              "Pipeline.count(30 lines, 2 workers, capacity 2)",
              () -> Pipeline.count(reader, nWorkers, 2));
      Waits.until(
          () ->
              caller.done()
                  || (gate.inside() == nWorkers
                      && readerWaitsInPut(reader)
                      && waitsForOthers(caller.thread())),
          () ->
              "With both workers held, the reader should wait in BoundedBuffer.put(); after %d s %s."
                  .formatted(Waits.limit().toSeconds(), whereAll(reader, gate)));
      caller.thread().interrupt();
      gate.release();
      caller.awaitDone(
          "count was interrupted while it waited: it must stop, and end its threads. "
              + STOP_THE_WORKERS);
      if (!(caller.failure() instanceof InterruptedException)) {
        throw new AssertionError(
            "The thread that called count was interrupted while count waited: count must throw InterruptedException, but it %s."
                .formatted(caller.outcome()));
      }
      var started = new LinkedHashSet<Thread>(gate.workers());
      started.addAll(reader.readers());
      started.remove(caller.thread());
      var alive = Threads.stillAliveAfter(started, GRACE);
      if (!alive.isEmpty()) {
        throw new AssertionError(
            "count threw InterruptedException, but %d of its threads were still alive: %s. %s"
                .formatted(
                    alive.size(),
                    alive.stream().map(Frames::where).collect(Collectors.joining("; ")),
                    STOP_THE_WORKERS));
      }
    }
  }

  @Test
  @Order(10)
  void counts_zero_without_lines_and_in_blank_ones() {
    assertEquals(0, count(List.of(), 2, 2), "Pipeline.count(no lines, 2, 2) must be 0.");
    assertEquals(
        0,
        count(List.of("", " ", "\t\u2003", ""), 3, 1),
        "Pipeline.count(empty and blank lines, 3, 1) must be 0.");
    assertEquals(
        3,
        count(List.of("one", "two", "three"), 8, 1),
        "More workers than lines is fine: 3 words.");
  }

  @Test
  @Order(11)
  void rejects_bad_arguments_before_reading_a_line() {
    var reader = WatchedReader.of(List.of("a b", "c"));
    Deadline.run(
        () -> {
          assertThrows(
              NullPointerException.class,
              () -> Pipeline.count(null, 2, 2),
              "Pipeline.count(null, 2, 2) must throw NullPointerException.");
          for (int[] bad : new int[][] {{0, 2}, {-1, 2}, {2, 0}, {2, -3}}) {
            assertThrows(
                IllegalArgumentException.class,
                () -> Pipeline.count(reader, bad[0], bad[1]),
                "Pipeline.count(lines, %d, %d) must throw IllegalArgumentException."
                    .formatted(bad[0], bad[1]));
          }
        },
        "Pipeline.count with bad arguments",
        "Check the arguments before you start a thread or read a line.");
    assertEquals(
        0,
        reader.served(),
        "Pipeline.count with a bad nWorkers or capacity read %d lines: check the arguments before reading."
            .formatted(reader.served()));
  }
}
