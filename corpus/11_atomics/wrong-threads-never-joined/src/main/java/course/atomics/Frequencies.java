package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.Collections;
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
    var counts = new ConcurrentHashMap<String, Long>();
    for (var chunk : Chunks.split(text, nThreads)) {
      Thread.ofPlatform().start(() -> Words.forEach(chunk, w -> counts.merge(w, 1L, Long::sum)));
    }
    return Collections.unmodifiableMap(counts);
  }
}
