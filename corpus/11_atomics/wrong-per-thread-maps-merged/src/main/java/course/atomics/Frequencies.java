package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    List<Map<String, Long>> partials = new ArrayList<>();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      var mine = new HashMap<String, Long>();
      partials.add(mine);
      threads.add(
          Thread.ofPlatform().start(() -> Words.forEach(chunk, w -> mine.merge(w, 1L, Long::sum))));
    }
    for (var t : threads) {
      t.join();
    }
    var total = new HashMap<String, Long>();
    for (var partial : partials) {
      partial.forEach((w, n) -> total.merge(w, n, Long::sum));
    }
    return Map.copyOf(total);
  }
}
