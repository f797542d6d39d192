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
    long[] counts = new long[chunks.size()];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      int slot = i;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      counts[slot] = InterruptibleWork.countWords(chunks.get(slot));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      for (Thread t : threads) {
        t.interrupt();
      }
      throw e;
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
