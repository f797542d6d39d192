package course.cancellation;

import course.support.Chunks;
import course.support.InterruptibleWork;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text);
    if (nThreads <= 0) {
      throw new IllegalArgumentException("nThreads: " + nThreads);
    }
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<Long>>();
      for (var chunk : Chunks.split(text, nThreads)) {
        futures.add(executor.submit(() -> InterruptibleWork.countWords(chunk)));
      }
      try {
        long total = 0;
        for (var f : futures) {
          total += f.get();
        }
        return total;
      } catch (InterruptedException | ExecutionException e) {
        executor.shutdownNow();
        throw e;
      }
    }
  }
}
