package course.cancellation;

import course.support.Chunks;
import course.support.InterruptibleWork;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1");
    }
    var chunks = Chunks.split(text, nThreads);
    if (chunks.isEmpty()) {
      return 0;
    }
    var tasks = new ArrayList<Callable<Long>>();
    for (var chunk : chunks) {
      tasks.add(() -> InterruptibleWork.countWords(chunk));
    }
    var pool = Executors.newFixedThreadPool(chunks.size());
    try {
      long total = 0;
      for (var future : pool.invokeAll(tasks)) {
        total += future.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: the workers have been interrupted and will end
      }
    }
  }
}
