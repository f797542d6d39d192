package course.cancellation;

import course.support.Chunks;
import course.support.InterruptibleWork;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) {
      throw new IllegalArgumentException("need at least one thread");
    }
    var tasks =
        Chunks.split(text, nThreads).stream()
            .<Callable<Long>>map(chunk -> () -> InterruptibleWork.countWords(chunk))
            .toList();
    if (tasks.isEmpty()) {
      return 0;
    }
    try (var pool = Executors.newFixedThreadPool(nThreads)) {
      long total = 0;
      for (var f : pool.invokeAll(tasks)) {
        total += f.get();
      }
      return total;
    }
  }
}
