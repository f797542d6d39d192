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

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    var chunks = Chunks.split(text, nThreads);
    long[] counts = new long[chunks.size()];
    var threads = new Thread[chunks.size()];
    for (int i = 0; i < threads.length; i++) {
      int slot = i;
      threads[i] = Thread.ofPlatform().start(() -> counts[slot] = Chunks.countWords(chunks.get(slot)));
    }
    for (var t : threads) t.join();
    long sum = 0;
    for (long c : counts) sum += c;
    return sum;
  }
}
