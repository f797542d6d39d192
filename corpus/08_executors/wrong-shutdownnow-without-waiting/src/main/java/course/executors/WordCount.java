package course.executors;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var chunks = Chunks.split(text, nThreads);
    if (chunks.isEmpty()) {
      return 0;
    }
    var tasks = new ArrayList<Callable<Long>>();
    for (var chunk : chunks) {
      tasks.add(() -> Chunks.countWords(chunk));
    }
    ExecutorService pool = Executors.newFixedThreadPool(chunks.size());
    try {
      long total = 0;
      for (var future : pool.invokeAll(tasks)) {
        total += future.get();
      }
      return total;
    } finally {
      pool.shutdownNow(); // every task is done by now: stop the threads at once
    }
  }
}
