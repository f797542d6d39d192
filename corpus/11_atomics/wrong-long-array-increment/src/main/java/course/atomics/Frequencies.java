package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    var counts = new ConcurrentHashMap<String, long[]>();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> Words.forEach(chunk, w -> counts.computeIfAbsent(w, k -> new long[1])[0]++)));
    }
    for (var t : threads) {
      t.join();
    }
    var result = new HashMap<String, Long>();
    counts.forEach((w, slot) -> result.put(w, slot[0]));
    return Map.copyOf(result);
  }
}
