package course.conditions;

import course.support.Chunks;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

public final class Pipeline {
  /** A line no reader returns: compared by identity. */
  private static final String POISON = new String("<end>");

  private Pipeline() {}

  public static long count(BufferedReader lines, int nWorkers, int capacity)
      throws IOException, InterruptedException {
    Objects.requireNonNull(lines);
    if (nWorkers < 1) throw new IllegalArgumentException("nWorkers < 1");
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1");
    var buffer = new BoundedBuffer<String>(capacity);
    var total = new AtomicLong();
    var workers = new Thread[nWorkers];
    for (int i = 0; i < nWorkers; i++) {
      workers[i] =
          new Thread(
              () -> {
                try {
                  while (true) {
                    String line = buffer.take();
                    if (line == POISON) return;
                    total.addAndGet(Chunks.countWords(line));
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      workers[i].start();
    }
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        buffer.put(line);
      }
    } finally {
      for (int i = 0; i < nWorkers; i++) {
        buffer.put(POISON);
      }
      for (var worker : workers) {
        worker.join();
      }
    }
    return total.get();
  }
}
