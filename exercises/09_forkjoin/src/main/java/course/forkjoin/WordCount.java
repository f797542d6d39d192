package course.forkjoin;

import java.util.concurrent.ForkJoinPool;

/**
 * Exercise 09, part 2: run the task in a pool, and count with a parallel stream. Read
 * book/09_forkjoin.md first.
 *
 * <p>Given to you, in the support module: {@code course.support.Chunks.split(text, n)} and {@code
 * course.support.Chunks.countWords(chunk)}.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with a {@link WordCountTask} in the common pool, {@code
   * ForkJoinPool.commonPool()}.
   *
   * @param text the text to count; may be empty or blank (0 words)
   * @return the number of words in {@code text}
   * @throws NullPointerException if {@code text} is null
   */
  public static long count(String text) {
    // TODO: the same as count(text, pool), in the common pool (book/09_forkjoin.md, "The common
    //       pool and your own pools").
    throw new UnsupportedOperationException("TODO: count in the common pool");
  }

  /**
   * Counts the words of {@code text} with a {@link WordCountTask} in {@code pool}: every piece is
   * counted by one of the pool's workers. The pool belongs to the caller: do not close it.
   *
   * @param text the text to count; may be empty or blank (0 words)
   * @param pool the pool that runs the task
   * @return the number of words in {@code text}
   * @throws NullPointerException if {@code text} or {@code pool} is null
   */
  public static long count(String text, ForkJoinPool pool) {
    // TODO: check the arguments, then run a WordCountTask of the whole text in that pool
    //       (book/09_forkjoin.md, "The common pool and your own pools").
    throw new UnsupportedOperationException("TODO: invoke a WordCountTask in the pool");
  }

  /**
   * Counts the words of {@code text} with a <b>parallel</b> stream over chunks of about {@link
   * WordCountTask#DEFAULT_THRESHOLD} chars that cut no word (the support code's splitter makes
   * them), each counted with {@code Chunks.countWords}. The stream's lambdas share no mutable
   * state.
   *
   * @param text the text to count; may be empty or blank (0 words)
   * @return the number of words in {@code text}
   * @throws NullPointerException if {@code text} is null
   */
  public static long countWithParallelStream(String text) {
    // TODO: count the chunks in a parallel stream, with a reduction that is right in any grouping
    //       (book/09_forkjoin.md, "Parallel streams").
    throw new UnsupportedOperationException("TODO: count with a parallel stream");
  }
}
