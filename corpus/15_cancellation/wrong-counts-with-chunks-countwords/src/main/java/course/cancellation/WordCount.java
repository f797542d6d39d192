package course.cancellation;

import course.support.Chunks;
import course.support.InterruptibleWork;
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
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1");
    }
    List<String> chunks = Chunks.split(text, nThreads);
    if (chunks.isEmpty()) {
      return 0;
    }
    List<Callable<Long>> tasks = new ArrayList<>();
    for (String chunk : chunks) {
      tasks.add(() -> Chunks.countWords(chunk));
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    try {
      long total = 0;
      for (Future<Long> f : pool.invokeAll(tasks)) {
        total += f.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}
