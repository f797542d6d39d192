package course.cancellation;

import course.support.Chunks;
import course.support.InterruptibleWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
      throw new IllegalArgumentException("nThreads must be >= 1, was " + nThreads);
    }
    var chunks = Chunks.split(text, nThreads);
    if (chunks.isEmpty()) {
      return 0;
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    List<Future<Long>> futures = new ArrayList<>();
    try {
      for (String chunk : chunks) {
        futures.add(pool.submit(() -> InterruptibleWork.countWords(chunk)));
      }
      long sum = 0;
      for (Future<Long> f : futures) {
        sum += f.get();
      }
      return sum;
    } catch (InterruptedException e) {
      for (Future<Long> f : futures) {
        f.cancel(true);
      }
      throw e;
    } finally {
      pool.shutdown();
      // the interrupt flag is clear here (get() cleared it when it threw), so this really waits
      while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    }
  }
}
