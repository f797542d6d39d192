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
   * <p>The chunks are those of {@code Chunks.split(text, nThreads)} (or {@code Chunks.slices}),
   * each counted with {@code Chunks.countWords} in a task of its own, and every task is handed to
   * the pool before the first result is awaited.
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
    // TODO: check the arguments.
    // TODO: count every chunk as a task of a thread pool, all queued before you wait for one,
    //       and close the pool on every way out. Read book/08_executors.md, "Futures",
    //       "When a task fails" and "Closing the pool".
    throw new UnsupportedOperationException("TODO: count the words with an ExecutorService");
  }
}
