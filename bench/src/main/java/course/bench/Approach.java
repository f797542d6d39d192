package course.bench;

import course.support.Chunks;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * The ways of counting words that the benchmark compares, one constant per chapter.
 *
 * <p>Each constant calls the chapter's {@code WordCount}: the reference solution, or the learner's
 * exercise with {@code ./verify.sh bench --mine} (the two share class names; the build puts one set
 * on the classpath).
 *
 * <p><b>Adding an approach</b> when its chapter lands: add its module as a dependency in {@code
 * bench/pom.xml} ({@code ${bench.code}-NN-topic}) and one constant here, for example
 *
 * <pre>{@code
 * EXECUTORS("executors", course.executors.WordCount::count),
 * FORK_JOIN("fork-join", (text, workers) -> inPool(workers, () -> course.forkjoin.WordCount.count(text))),
 * }</pre>
 *
 * The table, the CSV and the chart pick it up by themselves.
 */
public enum Approach {
  /** Chapter 01: one thread, no splitting. The baseline of every speed-up. */
  SEQUENTIAL("sequential", null),

  /** Chapter 02: one child JVM per chunk, the chunk sent over a pipe. */
  PROCESSES("processes", course.processes.WordCount::count),

  /** Chapter 03: one platform thread per chunk, sharing the text. */
  THREADS("threads", course.threads.WordCount::count),

  /**
   * Chapter 04's starting point: threads that count while holding the course's global lock,
   * concurrent but not parallel, as Python threads are under the GIL. See {@link
   * GlobalLockStartingPoint}.
   */
  GLOBAL_LOCK("global-lock", GlobalLockStartingPoint::count),

  /** Chapter 04, solved: the same threads, counting outside the lock. */
  GLOBAL_LOCK_RELEASED("global-lock-released", course.globallock.WordCount::count),

  /** Chapter 08: a fixed pool of {@code workers} threads and one future per chunk. */
  EXECUTORS("executors", course.executors.WordCount::count),

  /** Chapter 09: a {@code RecursiveTask} in a {@code ForkJoinPool} of {@code workers}. */
  FORK_JOIN(
      "fork-join",
      (text, workers) -> {
        try (var pool = new ForkJoinPool(workers)) {
          return course.forkjoin.WordCount.count(text, pool);
        }
      }),

  /**
   * Chapter 09: a parallel stream over the chunks. Run inside a pool of {@code workers}, a parallel
   * stream uses that pool instead of the common one.
   */
  PARALLEL_STREAMS(
      "parallel-streams",
      (text, workers) ->
          inPool(workers, () -> course.forkjoin.WordCount.countWithParallelStream(text))),

  /**
   * Chapter 09's parallel stream over copies: the same pipeline, with its source built by {@code
   * Chunks.split}, which copies every chunk into a new {@code String} on the calling thread before
   * the stream starts. Beside {@link #PARALLEL_STREAMS} it shows what a serial source costs a
   * parallel stream (book/09_forkjoin.md, "When a parallel stream pays").
   */
  PARALLEL_STREAMS_COPIED(
      "parallel-streams-copied",
      (text, workers) ->
          inPool(
              workers,
              () ->
                  Chunks.split(
                          text,
                          Math.max(
                              1, text.length() / course.forkjoin.WordCountTask.DEFAULT_THRESHOLD))
                      .parallelStream()
                      .mapToLong(Chunks::countWords)
                      .sum()));

  /** Counts the words of a text with a given number of workers. */
  @FunctionalInterface
  public interface Counter {
    long count(String text, int workers) throws Exception;
  }

  private final String label;
  private final Counter counter;

  /**
   * @param label the name in the table, the CSV and the chart
   * @param counter the parallel counter, or null for an approach that takes no worker count
   */
  Approach(String label, Counter counter) {
    this.label = label;
    this.counter = counter;
  }

  /** The name in the table, the CSV and the chart. */
  public String label() {
    return label;
  }

  /** Whether the approach takes a number of workers (all but the sequential baseline). */
  public boolean takesWorkers() {
    return counter != null;
  }

  /** Counts the words of {@code text} with {@code workers} workers (ignored if it takes none). */
  public long count(String text, int workers) throws Exception {
    return counter == null ? course.sequential.WordCount.count(text) : counter.count(text, workers);
  }

  /** The approach with the given label, or its constant's name. */
  public static Approach of(String name) {
    for (var approach : values()) {
      if (approach.label.equalsIgnoreCase(name) || approach.name().equalsIgnoreCase(name)) {
        return approach;
      }
    }
    throw new IllegalArgumentException("no approach named " + name);
  }

  /**
   * Runs {@code work} inside a fork/join pool of {@code workers} threads, for the approaches that
   * take no worker count (fork/join, parallel streams): tasks forked and parallel streams run from
   * a pool's thread stay in that pool instead of the common pool.
   */
  static long inPool(int workers, Callable<Long> work) throws InterruptedException {
    try (var pool = new ForkJoinPool(workers)) {
      return pool.submit(work).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
