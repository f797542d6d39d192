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

  private static long words(String chunk) {
    long n = 0;
    for (var w : chunk.split("\\s+")) if (!w.isEmpty()) n++;
    return n;
  }

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) throw new IllegalArgumentException("nThreads must be at least 1");
    var chunks = Chunks.split(text, nThreads);
    BlockingQueue<Long> results = new LinkedBlockingQueue<>();
    var threads = new ArrayList<Thread>();
    for (var chunk : chunks) {
      threads.add(Thread.ofPlatform().start(() -> results.add(words(chunk))));
    }
    for (var t : threads) t.join();
    long sum = 0;
    for (int i = 0; i < chunks.size(); i++) sum += results.take();
    return sum;
  }
}
