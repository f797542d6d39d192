package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.Objects;

public final class WordCount {

  private WordCount() {}

  private static final class Counter {
    private long total;

    void add(long n) {
      total = total + n;
    }
  }

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1");
    }
    var counter = new Counter();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    long n = Chunks.countWords(chunk);
                    counter.add(n);
                  }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return counter.total;
  }
}
