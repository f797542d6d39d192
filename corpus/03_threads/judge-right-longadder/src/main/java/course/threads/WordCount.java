package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1");
    }
    var total = new LongAdder();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(Thread.ofPlatform().start(() -> total.add(Chunks.countWords(chunk))));
    }
    for (var thread : threads) {
      thread.join();
    }
    return total.sum();
  }
}
