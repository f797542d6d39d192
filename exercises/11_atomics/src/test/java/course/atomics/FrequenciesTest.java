package course.atomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.Chunks;
import course.support.Words;
import course.support.WorkProbe;
import course.support.testing.Deadline;
import course.support.testing.ForcedInterleaving;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.SharedUpdates;
import course.support.testing.Texts;
import course.support.testing.Threads;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link Frequencies#of}, sentence by sentence. The lost update itself is forced:
 * {@link ForcedInterleaving} holds one worker before each of its steps in turn while another counts
 * the same word, so a read-then-write window opens on every run, not by luck.
 */
@ExtendWith(NoLeftovers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrequenciesTest {

  private static final String HANG_HINT =
      "Check that you start every worker before you wait for any, and that nothing waits for a "
          + "worker that was never started.";

  /** The thread that called of() in the last call through {@link #of}. */
  private final AtomicReference<Thread> caller = new AtomicReference<>();

  private Map<String, Long> of(String text, int nThreads) {
    return Deadline.call(
        () -> {
          caller.set(Thread.currentThread());
          return Frequencies.of(text, nThreads);
        },
        "Frequencies.of(text, %d)".formatted(nThreads),
        HANG_HINT);
  }

  /** What of() must return: each word of the oracle and how often it occurs. */
  private static Map<String, Long> expected(String text) {
    return Texts.words(text).stream()
        .collect(Collectors.groupingBy(word -> word, TreeMap::new, Collectors.counting()));
  }

  /** Fails, naming the first word whose count differs, unless {@code got} equals the oracle. */
  private static void assertCounts(String text, Map<String, Long> got, String call) {
    if (got == null) {
      fail(call + " returned null; return the map of counts (an empty map when there are none).");
    }
    var want = expected(text);
    if (want.equals(got)) {
      return;
    }
    for (var entry : want.entrySet()) {
      var count = got.get(entry.getKey());
      if (!entry.getValue().equals(count)) {
        fail(
            "%s counted the word %s %s times, but it occurs %d times. Every word must reach the map exactly once, and no update may be lost."
                .formatted(call, Texts.show(entry.getKey()), count, entry.getValue()));
      }
    }
    var extra = new TreeMap<>(got);
    extra.keySet().removeAll(want.keySet());
    fail(
        "%s returned words that are not in the text: %s. A word is a maximal run of characters that are not whitespace by Character.isWhitespace(int): walk the chunks with Words.forEach."
            .formatted(
                call,
                extra.keySet().stream()
                    .limit(5)
                    .map(Texts::show)
                    .collect(Collectors.joining(", "))));
  }

  // ---- the lesson's own contract: workers, one shared map, all at once ------------------------

  @ParameterizedTest(name = "with {0} threads")
  @ValueSource(ints = {1, 2, 3, 4, 8})
  @Order(1)
  void counts_every_word_of_the_text(int nThreads) {
    var text = Texts.generate(110 + nThreads, 3_000);
    assertCounts(text, of(text, nThreads), "of(text of 3000 words, %d)".formatted(nThreads));
  }

  @Test
  @Order(-1)
  void loses_no_update_when_one_worker_overtakes_another() {
    // Two workers, one word each, the same word. The test holds the first worker just before each
    // of its steps in turn (each call, each store) while the second counts its word in full, then
    // lets the first go on. A read-then-write loses the second worker's update under the schedule
    // that holds the first one between its read and its write: on every run, on any machine.
    var text = "tally tally";
    var call = "of(\"%s\", 2)".formatted(text);
    var copy = ForcedInterleaving.load(Frequencies.class);
    var of = method(copy.copyOf(Frequencies.class));
    try (var handouts = Handouts.watch()) {
      var runs =
          Deadline.call(
              Duration.ofSeconds(90),
              () -> copy.everySchedule(Words.WORD, () -> invoke(of, text)),
              call + " under forced schedules",
              HANG_HINT);
      for (var run : runs) {
        var pause = run.pause();
        long got = run.result() == null ? 2 : run.result().getOrDefault("tally", 0L);
        if (pause != null && run.second() != null && got != 2) {
          fail(
              ("%s counted \"tally\" %s, but it occurs twice: an update was lost. The test "
                      + "held worker '%s' at %s, just before %s (in %s), let worker '%s' count its "
                      + "\"tally\" in full meanwhile, then let the first one go on: what it wrote "
                      + "undid the other's update. Between reading a count and writing it back, "
                      + "another worker may change it. Make each update one atomic step that no "
                      + "other worker can get between (book/11_atomics.md, \"A lost update\").")
                  .formatted(
                      call,
                      got == 1 ? "once" : got + " times",
                      run.first(),
                      pause.where(),
                      pause.what(),
                      pause.method(),
                      run.second()));
        }
        assertCounts(text, run.result(), call);
      }
      var unsafe = unsafeSharedMap(handouts.all());
      for (var run : runs) {
        var pause = run.pause();
        if (unsafe != null && pause != null && pause.onMap() && run.secondFinishedMeanwhile()) {
          fail(
              ("Two workers used the shared %s at the same time: the test held worker '%s' at "
                      + "%s, just before %s (in %s), and worker '%s' still did its whole update of "
                      + "that map meanwhile, with nothing to make it wait. A %s is not made for "
                      + "two threads at once, not even through merge: its own steps interleave, "
                      + "and words go missing or its table breaks. Count into a map made for "
                      + "concurrent updates, or make every worker take the same lock around each "
                      + "use of the map (book/11_atomics.md, \"Updating a shared map in one step\").")
                  .formatted(
                      unsafe,
                      run.first(),
                      pause.where(),
                      pause.what(),
                      pause.method(),
                      run.second(),
                      unsafe));
        }
      }
    }
  }

  /** The JDK's maps that are not safe for two threads at once (none of them is a ConcurrentMap). */
  private static final List<Class<?>> NOT_FOR_THREADS =
      List.of(
          java.util.HashMap.class,
          java.util.TreeMap.class,
          java.util.WeakHashMap.class,
          java.util.IdentityHashMap.class,
          java.util.EnumMap.class);

  /**
   * The simple class name of a map that the actions of two or more workers hold and that is not
   * safe for concurrent use, or null. A map of one worker's own is not shared: another test names
   * that design.
   */
  private static String unsafeSharedMap(List<Handouts.Handout> all) {
    var holders = new IdentityHashMap<Map<?, ?>, Integer>();
    for (var handout : all) {
      for (var map : Handouts.mapsReachableFrom(handout.action())) {
        holders.merge(map, 1, Integer::sum);
      }
    }
    for (var entry : holders.entrySet()) {
      var map = entry.getKey();
      if (entry.getValue() > 1 && NOT_FOR_THREADS.stream().anyMatch(type -> type.isInstance(map))) {
        return map.getClass().getSimpleName();
      }
    }
    return null;
  }

  private static java.lang.reflect.Method method(Class<?> frequencies) {
    try {
      return frequencies.getMethod("of", String.class, int.class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError("Frequencies.of(String, int) is missing", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> invoke(java.lang.reflect.Method of, String text)
      throws Exception {
    try {
      return (Map<String, Long>) of.invoke(null, text, 2);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Test
  @Order(0)
  void updates_the_shared_counts_in_one_step_without_a_lock_free_read_then_write() {
    // A lost update hides in a window a few instructions wide: too rare for any number of runs
    // to show, so the course reads the compiled code for a read, then a write, of shared memory.
    SharedUpdates.assertNone(
        Frequencies.class,
        "Make each update of a count one atomic step of a thread-safe map or counter (book/11_atomics.md, \"Updating a shared map in one step\").");
  }

  @Test
  @Order(2)
  void walks_every_chunk_on_a_worker_thread_not_on_the_caller() {
    var text = Texts.generate(120, 2_000);
    int chunks = Chunks.split(text, 3).size();
    try (var handouts = Handouts.watch()) {
      of(text, 3);
      var all = handouts.all();
      if (all.isEmpty()) {
        fail(
            "of(text, 3) never called Words.forEach: walk each chunk's words with "
                + "Words.forEach(chunk, action), which the tests watch, instead of a loop of your own.");
      }
      for (var handout : all) {
        if (handout.thread() == caller.get()) {
          fail(
              "A chunk was walked on the thread that called of(): hand every chunk to a worker "
                  + "thread, and only wait for the workers on the calling thread.");
        }
      }
      assertEquals(
          chunks,
          all.size(),
          "Expected one Words.forEach call per chunk of Chunks.split(text, 3) (%d chunks), but there were %d."
              .formatted(chunks, all.size()));
    }
  }

  @ParameterizedTest(name = "with {0} threads")
  @ValueSource(ints = {2, 4})
  @Order(3)
  void walks_the_chunks_at_the_same_time(int nThreads) {
    var text = Texts.generate(130 + nThreads, 2_000);
    try (var handouts = Handouts.watch();
        var rendezvous = Rendezvous.open(nThreads, Words.FOR_EACH, Rendezvous.DEFAULT_TIMEOUT)) {
      var counts = of(text, nThreads);
      rendezvous.assertMet(
          ("of(text, %d) must walk %d chunks at once, each on a worker of its own: start every "
                  + "worker before you wait for any, and give each chunk its own thread.")
              .formatted(nThreads, nThreads));
      assertEquals(
          nThreads,
          handouts.threads().size(),
          "The %d chunks were walked on %d threads; each chunk needs a worker thread of its own."
              .formatted(nThreads, handouts.threads().size()));
      assertCounts(text, counts, "of(text of 2000 words, %d)".formatted(nThreads));
    }
  }

  @Test
  @Order(4)
  void counts_into_one_map_shared_by_all_the_workers() {
    var text = Texts.generate(140, 2_000);
    try (var handouts = Handouts.watch()) {
      of(text, 3);
      var all = handouts.all();
      assertTrue(all.size() >= 2, "Expected Words.forEach to be called once per chunk (3).");
      var everyMap = Collections.<Map<?, ?>>newSetFromMap(new IdentityHashMap<>());
      Set<Map<?, ?>> common = null;
      for (var handout : all) {
        var maps = Handouts.mapsReachableFrom(handout.action());
        if (maps.isEmpty()) {
          fail(
              ("The action handed to Words.forEach on thread '%s' holds no map to count into (a "
                      + "static field does not count: two calls at once would share it). Count "
                      + "each word straight into the map that this call's workers share.")
                  .formatted(handout.thread().getName()));
        }
        everyMap.addAll(maps);
        if (common == null) {
          common = Collections.newSetFromMap(new IdentityHashMap<>());
          common.addAll(maps);
        } else {
          common.retainAll(maps);
        }
      }
      if (common.isEmpty()) {
        fail(
            ("Each worker counted into a map of its own (%d workers, %d different maps: %s). The "
                    + "contract is one map shared by all the workers of a call, updated word by "
                    + "word; per-thread maps merged at the end are another design (book/"
                    + "11_atomics.md, \"One map or many\").")
                .formatted(all.size(), everyMap.size(), Handouts.describe(everyMap)));
      }
    }
  }

  @Test
  @Order(5)
  void two_calls_at_the_same_time_do_not_see_each_others_words() throws InterruptedException {
    var alpha = Texts.uniform("alpha", 300);
    var beta = Texts.uniform("beta", 500);
    var results = new ConcurrentResults();
    // Four workers (two per call) must be walking at once: both calls have begun before either
    // counts a word, so state shared between calls shows up every time.
    try (var rendezvous = Rendezvous.open(4, Words.FOR_EACH, Rendezvous.DEFAULT_TIMEOUT)) {
      var callers =
          List.of(
              Thread.ofPlatform()
                  .name("test-caller-alpha")
                  .start(() -> results.run("alpha", alpha)),
              Thread.ofPlatform().name("test-caller-beta").start(() -> results.run("beta", beta)));
      for (var thread : callers) {
        thread.join();
      }
    }
    results.rethrow();
    for (var entry : List.of(Map.entry("alpha", 300L), Map.entry("beta", 500L))) {
      var got = results.get(entry.getKey());
      assertEquals(
          Map.of(entry.getKey(), entry.getValue()),
          got,
          ("Two calls at the same time saw each other's words: of(\"%s\" x %d, 2) returned %s. "
                  + "Keep the map in a local variable of the call, not in a static field.")
              .formatted(entry.getKey(), entry.getValue(), new TreeMap<>(got)));
    }
  }

  /** The results of calls made on threads of the test's own. */
  private static final class ConcurrentResults {
    private final Map<String, Map<String, Long>> results =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    void run(String name, String text) {
      try {
        results.put(
            name,
            Deadline.call(
                () -> Frequencies.of(text, 2),
                "Frequencies.of(text, 2), called twice at the same time",
                HANG_HINT));
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }

    Map<String, Long> get(String name) {
      return results.getOrDefault(name, Map.of());
    }

    void rethrow() {
      var e = failure.get();
      if (e instanceof Error error) {
        throw error;
      }
      if (e != null) {
        throw new AssertionError("Frequencies.of(text, 2) threw " + e, e);
      }
    }
  }

  @Test
  @Order(6)
  void has_ended_every_worker_when_it_returns() {
    var text = Texts.generate(150, 2_000);
    var returned = new CountDownLatch(1);
    var callerThread = new AtomicReference<Thread>();
    int chunks = Chunks.split(text, 3).size();
    var finished = new AtomicInteger();
    // Each worker, done with its chunk, waits until the caller is waiting for it (joining, or
    // closing a pool) or has returned. Code that returns without waiting is caught every time.
    WorkProbe.Listener holdAtTheEnd =
        new WorkProbe.Listener() {
          @Override
          public void afterWork(String work, Object input) {
            if (!work.equals(Words.FOR_EACH) || Thread.currentThread() == callerThread.get()) {
              return; // a chunk walked on the caller is another test's failure, not a hang here
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (returned.getCount() > 0
                && !waiting(callerThread.get())
                && System.nanoTime() - deadline < 0) {
              Thread.onSpinWait();
            }
            finished.incrementAndGet();
          }
        };
    int stillWalking;
    List<Thread> workers;
    try (var handouts = Handouts.watch(holdAtTheEnd)) {
      stillWalking =
          Deadline.call(
              () -> {
                callerThread.set(Thread.currentThread());
                Frequencies.of(text, 3);
                int atReturn = chunks - finished.get();
                returned.countDown();
                return atReturn;
              },
              "Frequencies.of(text, 3)",
              HANG_HINT);
      workers = handouts.threads();
    }
    assertEquals(
        0,
        stillWalking,
        ("of(text, 3) returned while %d of its %d workers were still walking their chunks: wait for "
                + "every worker (join each thread, or close the pool) before you return.")
            .formatted(stillWalking, chunks));
    var alive =
        Threads.stillAliveAfter(workers, Duration.ofSeconds(3)).stream()
            .map(Thread::getName)
            .toList();
    assertTrue(
        alive.isEmpty(),
        ("of() returned, but its worker threads %s are still alive. Shut down any pool you made "
                + "(try-with-resources closes it), and let every thread you start end.")
            .formatted(alive));
  }

  private static boolean waiting(Thread thread) {
    if (thread == null) {
      return false;
    }
    var state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  // ---- what the returned map is ----------------------------------------------------------------

  @Test
  @Order(7)
  void returns_a_map_that_cannot_be_changed() {
    var counts = of("to be or not to be", 2);
    assertCounts("to be or not to be", counts, "of(\"to be or not to be\", 2)");
    var changes =
        Map.<String, Runnable>of(
            "put(\"extra\", 1L)", () -> counts.put("extra", 1L),
            "remove(\"to\")", () -> counts.remove("to"),
            "clear()", counts::clear);
    for (var change : changes.entrySet()) {
      Throwable thrown = null;
      try {
        change.getValue().run();
      } catch (Throwable e) {
        thrown = e;
      }
      if (!(thrown instanceof UnsupportedOperationException)) {
        fail(
            ("The map returned by of() cannot be changed, says the contract, but %s %s. Return "
                    + "an unmodifiable copy or view (Map.copyOf, Collections.unmodifiableMap).")
                .formatted(
                    change.getKey(),
                    thrown == null ? "worked" : "threw " + thrown.getClass().getSimpleName()));
      }
    }
  }

  // ---- bad input and edge cases ----------------------------------------------------------------

  @Test
  @Order(8)
  void splits_words_at_unicode_whitespace() {
    var text = "a\u2003b\u3000a\u2028b\u00A0c\u2029a\u0085 a\u00A0b\tc\u205Fc";
    for (int nThreads : new int[] {1, 3}) {
      var call = "of(%s, %d)".formatted(Texts.show(text), nThreads);
      var counts = of(text, nThreads);
      if (counts != null
          && counts.keySet().stream()
              .anyMatch(w -> w.codePoints().anyMatch(Character::isWhitespace))) {
        fail(
            ("%s returned a word with whitespace inside it: %s. Java's regex \\s and String.trim "
                    + "know only ASCII whitespace; a word ends at any code point for which "
                    + "Character.isWhitespace(int) is true: walk the chunks with Words.forEach.")
                .formatted(call, counts.keySet().stream().map(Texts::show).toList()));
      }
      assertCounts(text, counts, call);
    }
  }

  @Test
  @Order(9)
  void works_with_more_threads_than_words() {
    assertCounts("one two one", of("one two one", 8), "of(\"one two one\", 8)");
    assertCounts(" solo ", of(" solo ", 4), "of(\" solo \", 4)");
  }

  @ParameterizedTest(name = "for {0}")
  @ValueSource(strings = {"", " ", " \t\n\r ", "\u2003\u3000\u2028"})
  @Order(10)
  void returns_an_empty_map_for_a_text_without_words(String text) {
    var counts = of(text, 2);
    assertEquals(
        Map.of(),
        counts,
        "of(%s, 2) must return an empty map: the text has no words.".formatted(Texts.show(text)));
  }

  @Test
  @Order(11)
  void rejects_a_null_text() {
    var thrown =
        Deadline.call(() -> catchFrom(() -> Frequencies.of(null, 2)), "of(null, 2)", HANG_HINT);
    assertTrue(
        thrown instanceof NullPointerException,
        "of(null, 2) must throw NullPointerException (Objects.requireNonNull), but %s."
            .formatted(thrown == null ? "it returned" : "it threw " + thrown));
  }

  @ParameterizedTest(name = "nThreads = {0}")
  @ValueSource(ints = {0, -1})
  @Order(12)
  void rejects_fewer_than_one_thread(int nThreads) {
    var thrown =
        Deadline.call(
            () -> catchFrom(() -> Frequencies.of("some words", nThreads)),
            "of(text, %d)".formatted(nThreads),
            HANG_HINT);
    assertTrue(
        thrown instanceof IllegalArgumentException,
        "of(text, %d) must throw IllegalArgumentException, but %s."
            .formatted(nThreads, thrown == null ? "it returned" : "it threw " + thrown));
  }

  private interface Call {
    Object call() throws Exception;
  }

  private static Throwable catchFrom(Call call) {
    try {
      call.call();
      return null;
    } catch (Throwable e) {
      return e;
    }
  }
}
