package course.conditions;

import course.support.Chunks;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

public final class Pipeline {
  private Pipeline() {}

  public static long count(BufferedReader lines, int nWorkers, int capacity)
      throws IOException, InterruptedException {
    if (lines == null) throw new NullPointerException();
    if (nWorkers < 1 || capacity < 1) throw new IllegalArgumentException();
    var buffer = new BoundedBuffer<String>(capacity);
    var total = new AtomicLong();
    var counted = new AtomicLong();
    for (int i = 0; i < nWorkers; i++) {
      var worker =
          new Thread(
              () -> {
                try {
                  while (true) {
                    String line = buffer.take();
                    total.addAndGet(Chunks.countWords(line));
                    counted.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  // done
                }
              });
      worker.setDaemon(true); // so they do not keep the JVM alive
      worker.start();
    }
    long read = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      buffer.put(line);
      read++;
    }
    while (counted.get() < read) {
      Thread.onSpinWait();
    }
    return total.get();
  }
}
