package course.virtualthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.SlowSource;
import course.support.WorkProbe;
import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.ForcedInterleaving;
import course.support.testing.NoLeftovers;
import course.support.testing.Rendezvous;
import course.support.testing.SharedUpdates;
import course.support.testing.Texts;
import course.support.testing.Threads;
import course.support.testing.WorkLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Virtual threads are invisible to Thread.getAllStackTraces(), so NoLeftovers cannot see them:
 * these tests watch them through the probes instead (WorkLog.Call.virtual(), Thread.isAlive()).
 */
@ExtendWith(NoLeftovers.class)
class WordCountTest {

  private static final String HANG_HINT =
      "Check that you submit (or start) a task for every source before you wait for any result.";

  /** {@code count} sources of {@code words} words each (some with 0), each {@code latency} slow. */
  private static List<SlowSource> sources(int count, int words, Duration latency) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new SlowSource(
                    "source-" + i, i % 10 == 9 ? " \n " : Texts.generate(i, words), latency))
        .toList();
  }

  /** The words all those sources hold. */
  private static long wordsIn(int count, int words) {
    return (long) (count - count / 10) * words;
  }

  private static long countAll(List<SlowSource> sources) {
    return Deadline.call(
        () -> WordCount.countAll(sources),
        "WordCount.countAll(%d sources)".formatted(sources.size()),
        HANG_HINT);
  }

  private static long countOnPlatform(List<SlowSource> sources, int nThreads) {
    return Deadline.call(
        () -> WordCount.countAllOnPlatformThreads(sources, nThreads),
        "WordCount.countAllOnPlatformThreads(%d sources, %d)".formatted(sources.size(), nThreads),
        HANG_HINT);
  }

  @Test
  void counts_the_words_of_every_source() {
    var sources = sources(200, 30, Duration.ofMillis(10));
    assertEquals(
        wordsIn(200, 30),
        countAll(sources),
        "countAll(200 sources) returned the wrong total: add up Chunks.countWords(source.read()) of every source.");
  }

  @Test
  void reports_a_failed_read_as_an_ExecutionException_with_its_cause() {
    // The test makes the read of one source throw, as a broken connection would.
    var sources = sources(6, 5, Duration.ofMillis(1));
    var failing = sources.get(3);
    var failure =
        new IllegalStateException("the test made the read of " + failing.name() + " fail");
    try (var breaker =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                if (work.equals(SlowSource.READ) && input == failing) {
                  throw failure;
                }
              }
            })) {
      for (var call : List.of("countAll", "countAllOnPlatformThreads")) {
        Throwable thrown = null;
        long returned = -1;
        try {
          returned =
              Deadline.call(
                  () ->
                      call.equals("countAll")
                          ? WordCount.countAll(sources)
                          : WordCount.countAllOnPlatformThreads(sources, 2),
                  "WordCount.%s(6 sources)".formatted(call),
                  HANG_HINT);
        } catch (AssertionError hang) {
          throw hang;
        } catch (Throwable t) {
          thrown = t;
        }
        if (!(thrown instanceof java.util.concurrent.ExecutionException)
            || thrown.getCause() != failure) {
          fail(
              ("The read of %s threw %s, but %s(6 sources) %s. The Javadoc: @throws "
                      + "ExecutionException if a read or a count failed, its cause says why. Let the "
                      + "failure reach the caller as the ExecutionException that Future.get() "
                      + "throws, with the read's exception as its cause: do not count a failed "
                      + "source as 0, and do not wrap the exception in another.")
                  .formatted(
                      failing.name(),
                      failure,
                      call,
                      thrown == null
                          ? "returned " + returned
                          : "threw " + thrown + " (cause: " + thrown.getCause() + ")"));
        }
      }
    }
  }

  @Test
  void reads_every_source_on_a_virtual_thread() {
    var sources = sources(100, 10, Duration.ofMillis(10));
    try (var log = WorkLog.start()) {
      countAll(sources);
      var reads = log.calls(SlowSource.READ);
      assertEquals(
          100,
          reads.size(),
          "Expected source.read() to be called once per source (100), but it was called %d times."
              .formatted(reads.size()));
      var platform =
          reads.stream()
              .filter(call -> !call.virtual())
              .map(WorkLog.Call::threadName)
              .collect(Collectors.toCollection(LinkedHashSet::new));
      assertTrue(
          platform.isEmpty(),
          ("%d of 100 sources were read on platform threads %s, not on virtual ones: use "
                  + "Executors.newVirtualThreadPerTaskExecutor() or Thread.ofVirtual(), not a "
                  + "platform pool or the common pool.")
              .formatted(reads.stream().filter(call -> !call.virtual()).count(), first(platform)));
    }
  }

  @Test
  void keeps_a_thousand_sources_waiting_at_once() {
    // Far more than any sane platform pool: only a thread per source gets there.
    var sources = sources(2_000, 5, Duration.ofMillis(5));
    try (var rendezvous = Rendezvous.open(1_000, SlowSource.READ, Duration.ofSeconds(10))) {
      assertEquals(
          wordsIn(2_000, 5), countAll(sources), "countAll(2000 sources) returned the wrong total.");
      rendezvous.assertMet(
          "Give every source a virtual thread of its own, all started before you wait for any: "
              + "a pool of a few threads, or a limit on how many run at once, keeps the rest queued.");
    }
  }

  @Test
  void every_virtual_thread_has_ended_when_countAll_returns() {
    // A thread that has handed over its count is still alive for a moment, too short for a normal
    // run to see. So the test first holds every thread after its read, before each of its
    // remaining steps in turn, and fails if countAll returns meanwhile.
    ForcedInterleaving.assertWaitsForEveryWorker(
        WordCount.class,
        "countAll",
        new Object[] {sources(4, 5, Duration.ofMillis(1))},
        SlowSource.READ,
        "countAll(4 sources)",
        "Every thread has ended when countAll returns, says the Javadoc: close the executor (try-with-resources) or join every thread before returning.");
    var sources = sources(300, 5, Duration.ofMillis(5));
    var caller = new AtomicReference<Thread>();
    try (var workers = Workers.watch()) {
      Deadline.call(
          () -> {
            caller.set(Thread.currentThread());
            return WordCount.countAll(sources);
          },
          "WordCount.countAll(300 sources)",
          HANG_HINT);
      var alive = workers.stillAliveAfterGrace(caller.get());
      assertTrue(
          alive.isEmpty(),
          ("countAll returned, but %d of the threads that read the sources were still alive "
                  + "3 s later: close the executor (try-with-resources) or join every thread before "
                  + "returning.")
              .formatted(alive.size()));
    }
  }

  @Test
  void counts_zero_words_without_sources_and_in_blank_ones() {
    assertEquals(0, countAll(List.of()), "countAll(no sources) must be 0.");
    var blank =
        List.of(
            new SlowSource("empty", "", Duration.ZERO),
            new SlowSource("blank", " \t\u2003\n", Duration.ofMillis(1)));
    assertEquals(0, countAll(blank), "countAll(an empty and a blank source) must be 0.");
  }

  @Test
  @BadInput
  void rejects_null() {
    assertThrows(
        NullPointerException.class,
        () -> WordCount.countAll(null),
        "countAll(null) must throw NullPointerException.");
    var withNull = new ArrayList<SlowSource>(sources(3, 2, Duration.ZERO));
    withNull.add(null);
    assertThrows(
        NullPointerException.class,
        () -> WordCount.countAll(withNull),
        "countAll(a list holding null) must throw NullPointerException.");
    assertThrows(
        NullPointerException.class,
        () -> WordCount.countAllOnPlatformThreads(null, 2),
        "countAllOnPlatformThreads(null, 2) must throw NullPointerException.");
  }

  @Test
  void the_platform_pool_counts_the_words_of_every_source() {
    var sources = sources(40, 20, Duration.ofMillis(10));
    assertEquals(
        wordsIn(40, 20),
        countOnPlatform(sources, 4),
        "countAllOnPlatformThreads(40 sources, 4) returned the wrong total.");
    assertEquals(
        0, countOnPlatform(List.of(), 4), "countAllOnPlatformThreads(no sources, 4) must be 0.");
  }

  @Test
  void the_platform_pool_reads_on_exactly_its_platform_threads() {
    var sources = sources(40, 10, Duration.ofMillis(10));
    try (var log = WorkLog.start();
        var rendezvous = Rendezvous.open(4, SlowSource.READ, Rendezvous.DEFAULT_TIMEOUT)) {
      countOnPlatform(sources, 4);
      var reads = log.calls(SlowSource.READ);
      assertTrue(
          reads.stream().noneMatch(WorkLog.Call::virtual),
          "countAllOnPlatformThreads must read on platform threads, but some reads ran on virtual "
              + "threads: use Executors.newFixedThreadPool(nThreads).");
      Set<Long> threads = log.threadIds();
      assertTrue(
          threads.size() <= 4,
          ("countAllOnPlatformThreads(40 sources, 4) read on %d threads; a pool of 4 has 4: "
                  + "use Executors.newFixedThreadPool(nThreads).")
              .formatted(threads.size()));
      rendezvous.assertMet(
          "A pool of 4 should keep 4 sources waiting at once: submit every "
              + "task before you get() any result.");
    }
  }

  @Test
  @BadInput
  void the_platform_pool_rejects_fewer_than_one_thread() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WordCount.countAllOnPlatformThreads(sources(2, 2, Duration.ZERO), 0),
        "countAllOnPlatformThreads(sources, 0) must throw IllegalArgumentException.");
  }

  private static String first(Set<String> names) {
    var shown = names.stream().limit(3).collect(Collectors.joining("', '", "'", "'"));
    return names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown;
  }

  /** Keeps every thread that read a source, virtual or not, to check that it ended. */
  private static final class Workers implements AutoCloseable {
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final WorkProbe.Registration registration;

    private Workers() {
      registration =
          WorkProbe.install(
              new WorkProbe.Listener() {
                @Override
                public void beforeWork(String work, Object input) {
                  if (work.equals(SlowSource.READ)) {
                    threads.add(Thread.currentThread());
                  }
                }
              });
    }

    static Workers watch() {
      return new Workers();
    }

    /** The threads that read a source and are still alive 3 s later, except {@code caller}. */
    List<Thread> stillAliveAfterGrace(Thread caller) {
      threads.remove(caller);
      return Threads.stillAliveAfter(threads, Duration.ofSeconds(3));
    }

    @Override
    public void close() {
      registration.close();
    }
  }

  @Test
  void adds_up_the_results_without_a_race() {
    // A race with a window of nanoseconds (`total += n` on shared memory, per-call state in a
    // static field) shows in no test run: the course reads the compiled code instead.
    SharedUpdates.assertNone(
        WordCount.class,
        "Return each source's count from its task and add up the futures' results on the calling thread (or use an AtomicLong or LongAdder).");
  }
}
