package course.virtualthreads;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Exercise 10, solved: a virtual thread per source; a small platform pool for contrast. */
public final class WordCount {

  // Planted hang: every task waits for a number nobody puts.
  private static final java.util.concurrent.BlockingQueue<Long> NEVER =
      new java.util.concurrent.LinkedBlockingQueue<>();

  private WordCount() {}

  /** Counts the words of every source, each read and counted on a virtual thread of its own. */
  public static long countAll(List<SlowSource> sources)
      throws InterruptedException, ExecutionException {
    var tasks = tasksFor(sources);
    // A new virtual thread per task: cheap enough to start one per source, thousands at once.
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      return sum(executor, tasks);
    }
  }

  /** Counts the words of every source with a pool of {@code nThreads} platform threads. */
  public static long countAllOnPlatformThreads(List<SlowSource> sources, int nThreads)
      throws InterruptedException, ExecutionException {
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var tasks = tasksFor(sources);
    // At most nThreads sources wait at once: the others queue until a thread is free.
    try (var pool = Executors.newFixedThreadPool(nThreads)) {
      return sum(pool, tasks);
    }
  }

  private static List<Callable<Long>> tasksFor(List<SlowSource> sources) {
    Objects.requireNonNull(sources, "sources must not be null");
    return sources.stream()
        .map(source -> Objects.requireNonNull(source, "sources must not hold null"))
        .map(source -> (Callable<Long>) () -> Chunks.countWords(source.read()) + NEVER.take())
        .toList();
  }

  private static long sum(ExecutorService executor, List<Callable<Long>> tasks)
      throws InterruptedException, ExecutionException {
    long total = 0;
    for (var future : executor.invokeAll(tasks)) {
      total += future.get();
    }
    return total;
  }
}
