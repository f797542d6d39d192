package course.processes;

import java.io.IOException;

/**
 * Exercise 02: count words in child processes. Read book/02_processes.md first.
 *
 * <p>Each chunk of the text goes to its own child JVM, which counts it and sends the count back.
 * The children run at the same time, on as many cores as the machine has, and share nothing: every
 * byte they need is copied to them through a pipe.
 *
 * <p>Given to you:
 *
 * <ul>
 *   <li>{@code course.support.Chunks.split(text, n)}, in the support module: splits the text into
 *       at most {@code n} chunks (chapter 01's answer);
 *   <li>{@code course.support.ChildJvm.command(CountWorker.class)}, in the support module: the
 *       command line that starts a child JVM running {@link CountWorker};
 *   <li>{@link CountWorker}, beside this file: reads its stdin as UTF-8 to the end, prints the word
 *       count, exits 0.
 * </ul>
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with one child process per chunk of {@code Chunks.split(text,
   * nProcesses)}, all of the children at work at the same time.
   *
   * <p>Every child is a JVM started from {@code ChildJvm.command(CountWorker.class)}: it receives
   * its chunk on its standard input, encoded as UTF-8, and answers with the count on its standard
   * output. A child counts only once its input has ended. Nothing is counted in this JVM.
   *
   * <p>No child outlives this call, whether it returns or throws: every child it started has ended
   * by then, the ones still at work when another failed included. Several threads may call it at
   * the same time; each call counts its own text, with children of its own. An empty or blank text
   * has 0 words (starting no child is fine). More processes than words is fine: {@code
   * Chunks.split} returns fewer chunks.
   *
   * @param text the text to count
   * @param nProcesses the largest number of child processes to use; at least 1
   * @return the number of words in {@code text}
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nProcesses < 1}
   * @throws IOException if a child cannot be started or talked to, or exits with a non-zero status
   *     (say which, and what it printed)
   * @throws InterruptedException if interrupted while waiting for a child
   */
  public static long count(String text, int nProcesses) throws IOException, InterruptedException {
    // TODO: check the arguments.
    // TODO: count every chunk in a child JVM of its own, all the children at work at once, and
    //       add up their answers; leave no child behind. Read book/02_processes.md, "Talking
    //       through pipes" and "Start them all, then wait".
    throw new UnsupportedOperationException("TODO: count the words in child processes");
  }
}
