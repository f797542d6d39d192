package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

public final class Frequencies {

  private static final Map<String, Long> COUNTS = new ConcurrentHashMap<>();

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    COUNTS.clear();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> Words.forEach(chunk, Frequencies::count)));
    }
    for (var t : threads) {
      t.join();
    }
    return Map.copyOf(COUNTS);
  }

  private static void count(String word) {
    COUNTS.merge(word, 1L, Long::sum);
  }
}
