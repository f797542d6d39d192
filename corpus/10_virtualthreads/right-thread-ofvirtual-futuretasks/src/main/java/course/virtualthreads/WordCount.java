package course.virtualthreads;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class WordCount {

  private WordCount() {}

  public static long countAll(List<SlowSource> sources)
      throws InterruptedException, ExecutionException {
    var tasks = tasksFor(sources);
    var futures = new ArrayList<Future<Long>>();
    var threads = new ArrayList<Thread>();
    for (var task : tasks) {
      var future = new java.util.concurrent.FutureTask<>(task);
      futures.add(future);
      threads.add(Thread.ofVirtual().start(future));
    }
    for (var thread : threads) {
      thread.join();
    }
    return sum(futures);
  }

  public static long countAllOnPlatformThreads(List<SlowSource> sources, int nThreads)
      throws InterruptedException, ExecutionException {
    var tasks = tasksFor(sources);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    try (var pool = Executors.newFixedThreadPool(nThreads)) {
      return sum(pool.invokeAll(tasks));
    }
  }

  private static List<Callable<Long>> tasksFor(List<SlowSource> sources) {
    Objects.requireNonNull(sources, "sources must not be null");
    var tasks = new ArrayList<Callable<Long>>(sources.size());
    for (var source : sources) {
      Objects.requireNonNull(source, "sources must not hold null");
      tasks.add(() -> Chunks.countWords(source.read()));
    }
    return tasks;
  }

  private static long sum(List<Future<Long>> futures)
      throws InterruptedException, ExecutionException {
    long total = 0;
    for (var future : futures) {
      total += future.get();
    }
    return total;
  }
}
