package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1: " + nThreads);
    }
    var counts = new ConcurrentHashMap<String, Long>();
    var chunks = Chunks.split(text, nThreads);
    if (chunks.isEmpty()) {
      return Map.of();
    }
    try (var pool = Executors.newFixedThreadPool(chunks.size())) {
      for (var chunk : chunks) {
        pool.execute(() -> Words.forEach(chunk, word -> counts.merge(word, 1L, Long::sum)));
      }
    }
    return Map.copyOf(counts);
  }
}
