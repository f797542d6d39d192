package course.executors;

import java.util.concurrent.ExecutionException;

/**
 * Exercise 08: count words with a thread pool. Read book/08_executors.md first.
 *
 * <p>In chapter 03 you created, started and joined every thread yourself, and passed results back
 * through a queue. Here an {@link java.util.concurrent.ExecutorService} owns the threads: you hand
 * it tasks, it gives you a {@link java.util.concurrent.Future} for each result, and you close it
 * when you are done so that its threads end.
 *
 * <p>Given to you, in the support module: {@code course.support.Chunks.split(text, n)} and {@code
 * course.support.Chunks.countWords(chunk)}. Count with {@code countWords}: the tests watch it to
 * see which threads did the work.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with a pool of at most {@code nThreads} threads, one task per
   * chunk, all running at once.
   *
   * <ol>
   *   <li>Split the text with {@code Chunks.split(text, nThreads)}.
   *   <li>Create a pool, for example {@code Executors.newFixedThreadPool(n)}, in a
   *       try-with-resources block: {@code close()} waits for the tasks and shuts the pool down,
   *       even when something throws. An empty text splits into no chunks, and {@code
   *       newFixedThreadPool(0)} throws: return 0 before you make a pool when there is nothing to
   *       count.
   *   <li>Hand the pool one {@code Callable<Long>} per chunk that returns {@code
   *       Chunks.countWords(chunk)}: all of them at once with {@code invokeAll}, or with one {@code
   *       submit} each, <b>before</b> you ask any future for its result.
   *   <li>Add up {@code future.get()} of every future.
   * </ol>
   *
   * <p>Every chunk is counted on a pool thread, never on the calling thread or on a thread you
   * start yourself, and the pool's threads have ended when this method returns, normally or not. An
   * empty or blank text has 0 words. More threads than words is fine: {@code Chunks.split} returns
   * fewer chunks.
   *
   * <p>When a task throws, {@code future.get()} throws an {@link ExecutionException} whose cause is
   * the task's exception: let it reach the caller as it is, without wrapping or swallowing it.
   *
   * @param text the text to count
   * @param nThreads the largest number of pool threads to use; at least 1
   * @return the number of words in {@code text}
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if interrupted while waiting for the tasks
   * @throws ExecutionException if a task threw; its cause is the task's exception
   */
  public static long count(String text, int nThreads)
      throws InterruptedException, ExecutionException {
    // TODO: check the arguments (Objects.requireNonNull, IllegalArgumentException).
    // TODO: split the text; open a fixed pool with try-with-resources (book/08_executors.md,
    //       "Closing the pool").
    // TODO: one Callable<Long> per chunk, calling Chunks.countWords; invokeAll, then sum get().
    throw new UnsupportedOperationException("TODO: count the words with an ExecutorService");
  }
}
