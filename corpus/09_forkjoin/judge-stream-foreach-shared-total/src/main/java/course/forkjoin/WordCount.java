package course.forkjoin;

import course.support.Chunks;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/** Exercise 09, solved: the fork/join task in a pool, and a parallel stream over chunks. */
public final class WordCount {

  private WordCount() {}

  /** Counts the words of {@code text} with a {@link WordCountTask} in the common pool. */
  public static long count(String text) {
    return count(text, ForkJoinPool.commonPool());
  }

  /** Counts the words of {@code text} with a {@link WordCountTask} in {@code pool}. */
  public static long count(String text, ForkJoinPool pool) {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(pool, "pool must not be null");
    return pool.invoke(new WordCountTask(text));
  }

  /** Counts the words of {@code text} with a parallel stream over its chunks. */
  public static long countWithParallelStream(String text) {
    Objects.requireNonNull(text, "text must not be null");
    int chunks = Math.max(1, text.length() / WordCountTask.DEFAULT_THRESHOLD);
    long[] total = {0};
    Chunks.split(text, chunks)
        .parallelStream()
        .forEach(
            chunk -> {
              long n = Chunks.countWords(chunk);
              total[0] += n;
            });
    return total[0];
  }
}
