package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("need at least one thread, got " + nThreads);
    }
    ConcurrentMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var chunk : Chunks.split(text, nThreads)) {
        executor.submit(
            () ->
                Words.forEach(
                    chunk, word -> counts.computeIfAbsent(word, k -> new AtomicLong()).incrementAndGet()));
      }
    }
    var result = new HashMap<String, Long>();
    counts.forEach((word, count) -> result.put(word, count.get()));
    return Map.copyOf(result);
  }
}
