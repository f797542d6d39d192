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
    var chunks = Chunks.split(text, nThreads);
    if (chunks.isEmpty()) return 0;
    BlockingQueue<Long> results = new LinkedBlockingQueue<>();
    var threads = new ArrayList<Thread>();
    for (var chunk : chunks.subList(0, chunks.size() - 1)) {
      threads.add(Thread.ofPlatform().start(() -> results.add(Chunks.countWords(chunk))));
    }
    long sum = Chunks.countWords(chunks.get(chunks.size() - 1));
    for (var t : threads) t.join();
    for (int i = 0; i < threads.size(); i++) sum += results.take();
    return sum;
  }
}
