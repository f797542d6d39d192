package course.executors;

import course.support.Chunks;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1");
    }
    long[] total = {0};
    try (var pool = Executors.newFixedThreadPool(nThreads)) {
      for (var chunk : Chunks.split(text, nThreads)) {
        pool.submit(
            () -> {
              long n = Chunks.countWords(chunk);
              total[0] += n;
            });
      }
    }
    return total[0];
  }
}
