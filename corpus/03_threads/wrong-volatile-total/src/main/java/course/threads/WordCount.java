package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.FutureTask;

public final class WordCount {
  private WordCount() {}

  private static final class Total {
    volatile long value;
  }

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) throw new IllegalArgumentException("nThreads must be at least 1");
    var chunks = Chunks.split(text, nThreads);
    var total = new Total();
    var threads = new ArrayList<Thread>();
    for (var chunk : chunks) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    long n = Chunks.countWords(chunk);
                    total.value += n; // volatile: every thread sees the latest value
                  }));
    }
    for (var t : threads) t.join();
    return total.value;
  }
}
