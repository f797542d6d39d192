package course.conditions;

import course.support.Chunks;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

public final class Pipeline {
  private Pipeline() {}

  public static long count(BufferedReader lines, int nWorkers, int capacity)
      throws IOException, InterruptedException {
    if (lines == null) throw new NullPointerException("lines");
    if (nWorkers < 1 || capacity < 1) throw new IllegalArgumentException("nWorkers and capacity >= 1");
    var buffer = new BoundedBuffer<String>(capacity);
    var failure = new AtomicReference<IOException>();
    var reader =
        Thread.ofPlatform()
            .name("reader")
            .start(
                () -> {
                  try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                      buffer.put(line);
                    }
                  } catch (IOException e) {
                    failure.set(e);
                  } catch (InterruptedException | IllegalStateException e) {
                    // stopped
                  } finally {
                    buffer.close();
                  }
                });
    long total = 0;
    try (var pool = Executors.newFixedThreadPool(nWorkers)) {
      var futures = new ArrayList<Future<Long>>();
      for (int i = 0; i < nWorkers; i++) {
        futures.add(
            pool.submit(
                () -> {
                  long words = 0;
                  String line;
                  while ((line = buffer.take()) != null) {
                    words += Chunks.countWords(line);
                  }
                  return words;
                }));
      }
      try {
        for (var future : futures) {
          total += future.get();
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        buffer.close();
        reader.interrupt();
        reader.join();
        throw e;
      }
    }
    reader.join();
    if (failure.get() != null) throw failure.get();
    return total;
  }
}
