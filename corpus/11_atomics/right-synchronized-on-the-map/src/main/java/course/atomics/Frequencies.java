package course.atomics;

import course.support.Chunks;
import course.support.Words;
import java.util.ArrayList;
import java.util.Collections;
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
    Map<String, Long> counts = new HashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (String chunk : Chunks.split(text, nThreads)) {
      Thread t =
          new Thread(
              () ->
                  Words.forEach(
                      chunk,
                      word -> {
                        synchronized (counts) {
                          Long n = counts.get(word);
                          counts.put(word, n == null ? 1L : n + 1);
                        }
                      }));
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return Collections.unmodifiableMap(counts);
  }
}
