package course.conditions;

import course.support.Chunks;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Objects;

/** A reader (the calling thread) feeds lines to worker threads through a {@link BoundedBuffer}. */
public final class Pipeline {

  private Pipeline() {}

  /** One worker: counts lines until the buffer is closed and drained. */
  private static final class Worker implements Runnable {
    private final BoundedBuffer<String> buffer;
    private long words; // read by the caller after join(), which makes it visible

    Worker(BoundedBuffer<String> buffer) {
      this.buffer = buffer;
    }

    @Override
    public void run() {
      try {
        for (String line = buffer.take(); line != null; line = buffer.take()) {
          words += Chunks.countWords(line);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // nobody interrupts a worker here; end quietly
      }
    }
  }

  /**
   * Counts the words of every line, read on the calling thread and counted by {@code nWorkers}
   * worker threads.
   *
   * @param lines where the lines come from
   * @param nWorkers how many worker threads count; at least 1
   * @param capacity the capacity of the buffer; at least 1
   * @return the number of words in all the lines
   * @throws NullPointerException if {@code lines} is null
   * @throws IllegalArgumentException if {@code nWorkers < 1} or {@code capacity < 1}
   * @throws IOException if reading throws
   * @throws InterruptedException if interrupted while waiting
   */
  public static long count(BufferedReader lines, int nWorkers, int capacity)
      throws IOException, InterruptedException {
    Objects.requireNonNull(lines, "lines must not be null");
    if (nWorkers < 1) {
      throw new IllegalArgumentException("nWorkers must be at least 1, got " + nWorkers);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    var buffer = new BoundedBuffer<String>(capacity);
    var workers = new ArrayList<Worker>();
    var threads = new ArrayList<Thread>();
    for (int i = 0; i < nWorkers; i++) {
      var worker = new Worker(buffer);
      workers.add(worker);
      threads.add(Thread.ofPlatform().name("pipeline-worker-" + i).start(worker));
    }
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        buffer.put(line);
      }
    } finally {
      // Whatever happened, the workers must learn that no more lines will come, and end.
      buffer.close();
      joinAll(threads);
    }
    long total = 0;
    for (var worker : workers) {
      total += worker.words;
    }
    return total;
  }

  /**
   * Joins every thread, even when interrupted on the way: the threads end anyway once the buffer is
   * closed, and the interrupt is passed on afterwards.
   */
  private static void joinAll(Iterable<Thread> threads) throws InterruptedException {
    boolean interrupted = false;
    for (var thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      throw new InterruptedException("interrupted while waiting for the workers");
    }
  }
}
