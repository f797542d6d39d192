package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class WordCount {

  private static final List<Long> RESULTS = new ArrayList<>();

  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1");
    }
    RESULTS.clear();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(Thread.ofPlatform().start(() -> RESULTS.add(Chunks.countWords(chunk))));
    }
    for (var thread : threads) {
      thread.join();
    }
    long total = 0;
    for (long n : RESULTS) {
      total += n;
    }
    return total;
  }
}
