package course.atomics;

import course.support.Chunks;
import course.support.Words;
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
    var chunks = Chunks.split(text, nThreads);
    var worker =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (var chunk : chunks) {
                    Words.forEach(chunk, w -> counts.merge(w, 1L, Long::sum));
                  }
                });
    worker.join();
    return Map.copyOf(counts);
  }
}
