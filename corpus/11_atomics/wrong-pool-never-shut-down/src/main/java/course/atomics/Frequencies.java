package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    var counts = new ConcurrentHashMap<String, Long>();
    var pool = Executors.newFixedThreadPool(nThreads);
    var futures = new ArrayList<Future<?>>();
    for (var chunk : Chunks.split(text, nThreads)) {
      futures.add(pool.submit(() -> Words.forEach(chunk, w -> counts.merge(w, 1L, Long::sum))));
    }
    for (var f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return Map.copyOf(counts);
  }
}
