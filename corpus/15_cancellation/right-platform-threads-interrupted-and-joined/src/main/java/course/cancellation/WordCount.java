package course.cancellation;

import course.support.Chunks;
import course.support.InterruptibleWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1: " + nThreads);
    }
    List<String> chunks = Chunks.split(text, nThreads);
    long[] counts = new long[chunks.size()];
    Throwable[] failures = new Throwable[chunks.size()];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      int slot = i;
      threads.add(
          Thread.ofPlatform()
              .name("counter-" + i)
              .start(
                  () -> {
                    try {
                      counts[slot] = InterruptibleWork.countWords(chunks.get(slot));
                    } catch (InterruptedException e) {
                      // asked to stop: this thread just ends
                    } catch (RuntimeException e) {
                      failures[slot] = e;
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
      joinAll(threads);
      throw e;
    }
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (failures[i] != null) {
        throw new ExecutionException(failures[i]);
      }
      total += counts[i];
    }
    return total;
  }

  /** Joins every thread, even if interrupted again meanwhile: the caller gets an IE anyway. */
  private static void joinAll(List<Thread> threads) {
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException again) {
          // already stopping: keep waiting for the threads
        }
      }
    }
  }
}
