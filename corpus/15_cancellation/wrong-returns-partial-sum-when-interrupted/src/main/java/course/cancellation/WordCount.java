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
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    List<Future<Long>> futures = new ArrayList<>();
    long sum = 0;
    try {
      for (String chunk : chunks) {
        futures.add(pool.submit(() -> InterruptibleWork.countWords(chunk)));
      }
      for (Future<Long> f : futures) {
        sum += f.get();
      }
    } catch (InterruptedException e) {
      // stopped early: give back what we have so far
      for (Future<Long> f : futures) {
        f.cancel(true);
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    return sum;
  }
}
