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
    if (text == null || nThreads < 1) {
      throw new IllegalArgumentException("need a text and at least one thread");
    }
    var chunks = Chunks.split(text, nThreads);
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
