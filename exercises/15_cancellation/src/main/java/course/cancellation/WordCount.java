package course.cancellation;

import java.util.concurrent.ExecutionException;

/**
 * Exercise 15: a word count that stops when it is asked to. Read book/15_cancellation.md first.
 *
 * <p>Until now every count ran to its end. Here the thread that calls {@link #count} may be
 * interrupted while the workers are busy: that is a request to stop, and {@code count} must pass it
 * on to its workers, wait for them to end, and report it to its caller.
 *
 * <p>Given to you, in the support module: {@code course.support.Chunks.split(text, n)} and {@code
 * course.support.InterruptibleWork.countWords(chunk)}, a word counter that notices an interrupt
 * within a few thousand characters and throws {@link InterruptedException}. Count with it, not with
 * {@code Chunks.countWords}, which never looks at the interrupt status; the tests watch it to see
 * which threads counted, and when.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with {@code nThreads} workers, and stops promptly when the
   * calling thread is interrupted.
   *
   * <p><b>Who counts.</b> The text is split with {@code Chunks.split(text, nThreads)}, and the
   * chunks are counted with {@code InterruptibleWork.countWords} by worker threads, {@code
   * nThreads} of them at the same time (fewer when there are fewer chunks): a pool or threads you
   * start, as you like, but never the calling thread. An empty or blank text has 0 words.
   *
   * <p><b>When the calling thread is interrupted</b> before or while {@code count} waits for its
   * workers:
   *
   * <ul>
   *   <li>every worker that is still counting is interrupted, and a worker that has been
   *       interrupted counts nothing more: it must not swallow the interrupt and carry on;
   *   <li>{@code count} throws {@link InterruptedException}: never a partial count, never another
   *       exception;
   *   <li>when it throws, the calling thread's interrupt status is <em>cleared</em>, as by every
   *       JDK method that throws {@code InterruptedException}: the exception is the news, and
   *       whoever catches it decides what to do with it.
   * </ul>
   *
   * <p><b>On every path</b>, a normal return, an interrupt or a failure, every worker thread has
   * ended (and any pool is terminated) by the time {@code count} returns or throws: nothing of it
   * is still counting, or waiting for work, afterwards.
   *
   * @param text the text to count
   * @param nThreads how many workers count at once; at least 1
   * @return the number of words in {@code text}
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if the calling thread was interrupted before or during the count;
   *     its interrupt status is then cleared
   * @throws ExecutionException if counting a chunk failed with an exception other than an
   *     interrupt; its cause is that exception
   */
  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    // TODO: check the arguments; split the text; start the workers, all before you wait for any
    //       result (book/15_cancellation.md, "Asking a task to stop").
    // TODO: when the wait is interrupted, interrupt the workers that are still counting and throw
    //       InterruptedException ("Passing the request on", "Keeping the interrupt").
    // TODO: on every path, wait until every worker thread has ended before you return or throw
    //       ("close() is not enough").
    throw new UnsupportedOperationException(
        "TODO: count the words with workers that stop when the caller is interrupted");
  }
}
