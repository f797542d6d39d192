package course.conditions;

import course.support.Chunks;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

public final class Pipeline {
  private Pipeline() {}

  public static long count(BufferedReader lines, int nWorkers, int capacity)
      throws IOException, InterruptedException {
    Objects.requireNonNull(lines, "lines");
    if (nWorkers < 1) throw new IllegalArgumentException("nWorkers");
    if (capacity < 1) throw new IllegalArgumentException("capacity");
    var buffer = new BoundedBuffer<String>(capacity);
    var total = new AtomicLong();
    for (int i = 0; i < nWorkers; i++) {
      Thread.ofPlatform()
          .start(
              () -> {
                try {
                  String line;
                  while ((line = buffer.take()) != null) {
                    total.addAndGet(Chunks.countWords(line));
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        buffer.put(line);
      }
    } finally {
      buffer.close();
    }
    return total.get();
  }
}
