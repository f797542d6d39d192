package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    var counts = new ConcurrentHashMap<String, AtomicLong>();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () ->
                      Words.forEach(
                          chunk,
                          w -> {
                            AtomicLong count = counts.get(w);
                            if (count == null) {
                              count = new AtomicLong();
                              counts.put(w, count);
                            }
                            count.incrementAndGet();
                          })));
    }
    for (var t : threads) {
      t.join();
    }
    return counts.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().get()));
  }
}
