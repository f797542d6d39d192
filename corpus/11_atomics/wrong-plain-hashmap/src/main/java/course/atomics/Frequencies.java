package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    Map<String, Long> counts = new HashMap<>();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(
          Thread.ofPlatform().start(() -> Words.forEach(chunk, w -> counts.merge(w, 1L, Long::sum))));
    }
    for (var t : threads) {
      t.join();
    }
    return Map.copyOf(counts);
  }
}
