package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

public final class Frequencies {

  private Frequencies() {}

  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    var counts = new ConcurrentHashMap<String, LongAdder>();
    var workers = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () ->
                      Words.forEach(
                          chunk, word -> counts.computeIfAbsent(word, w -> new LongAdder()).increment())));
    }
    for (var worker : workers) {
      worker.join();
    }
    return counts.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }
}
