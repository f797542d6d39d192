package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

public final class WordCount {
  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) throw new IllegalArgumentException("nThreads must be at least 1");
    var chunks = new ArrayList<String>();
    int len = text.length();
    for (int i = 0; i < nThreads; i++) {
      int from = (int) ((long) i * len / nThreads);
      int to = (int) ((long) (i + 1) * len / nThreads);
      if (to > from) chunks.add(text.substring(from, to));
    }
    BlockingQueue<Long> results = new LinkedBlockingQueue<>();
    var threads = new ArrayList<Thread>();
    for (var chunk : chunks) {
      threads.add(Thread.ofPlatform().start(() -> results.add(Chunks.countWords(chunk))));
    }
    for (var t : threads) t.join();
    long sum = 0;
    for (int i = 0; i < chunks.size(); i++) sum += results.take();
    return sum;
  }
}
