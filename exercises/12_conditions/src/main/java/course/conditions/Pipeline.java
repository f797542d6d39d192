package course.conditions;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Exercise 12, part 2: count the words of a stream of lines with a producer and consumers. Read
 * book/12_conditions.md, "A pipeline", first.
 *
 * <p>One reader takes lines from a {@link BufferedReader} and puts them into your {@link
 * BoundedBuffer}; worker threads take them out and count their words. The buffer's capacity bounds
 * how far the reader can run ahead of the workers, so a huge input never sits in memory at once.
 *
 * <p>Given to you, in the support module: {@code course.support.Chunks.countWords(chunk)}. Count
 * every line with it: the tests watch it to see which threads counted, and hold your workers inside
 * it to see what the reader does meanwhile.
 */
public final class Pipeline {

  private Pipeline() {}

  /**
   * Counts the words of every line of {@code lines}, read by one thread and counted by {@code
   * nWorkers} others.
   *
   * <p>The lines are read with {@code lines.readLine()}, to the end, on one thread: the calling
   * thread, or one thread that this method starts. Each line goes into one {@link BoundedBuffer} of
   * the given {@code capacity} as one item. {@code nWorkers} worker threads, started by this method
   * (or run by a pool it closes), take the lines out and count each one with {@code
   * Chunks.countWords(line)}; no line is counted on the reader's thread or the calling thread, and
   * all {@code nWorkers} workers can count at the same time. The reader never runs more than {@code
   * capacity} lines ahead of the workers: when the buffer is full, it waits.
   *
   * <p>Every line is counted exactly once, and every thread this method started has ended when it
   * returns, normally or by throwing. The reader is not closed: it belongs to the caller.
   *
   * @param lines where the lines come from; may hold no lines (0 words)
   * @param nWorkers how many worker threads count; at least 1
   * @param capacity the capacity of the buffer between the reader and the workers; at least 1
   * @return the number of words in all the lines
   * @throws NullPointerException if {@code lines} is null
   * @throws IllegalArgumentException if {@code nWorkers < 1} or {@code capacity < 1}; both checked
   *     before any line is read or any thread started
   * @throws IOException if {@code readLine()} throws: the same exception, once the workers have
   *     ended
   * @throws InterruptedException if the calling thread is interrupted while it waits
   */
  public static long count(BufferedReader lines, int nWorkers, int capacity)
      throws IOException, InterruptedException {
    // TODO: check the arguments.
    // TODO: start the workers: each takes lines from the buffer until there are no more, and
    //       counts them with Chunks.countWords.
    // TODO: read the lines into the buffer; then tell the workers that no more will come, even
    //       when reading throws (book/12_conditions.md, "A clean shutdown"), and wait for them.
    throw new UnsupportedOperationException("TODO: count the lines with a reader and workers");
  }
}
