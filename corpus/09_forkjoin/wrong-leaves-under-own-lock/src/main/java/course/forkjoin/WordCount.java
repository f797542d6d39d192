package course.forkjoin;

import course.support.Chunks;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

public final class WordCount {

  private WordCount() {}

  public static long count(String text) {
    return count(text, ForkJoinPool.commonPool());
  }

  public static long count(String text, ForkJoinPool pool) {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(pool, "pool must not be null");
    return pool.invoke(new WordCountTask(text));
  }

  public static long countWithParallelStream(String text) {
    Objects.requireNonNull(text, "text must not be null");
    int n = Math.max(1, text.length() / WordCountTask.DEFAULT_THRESHOLD);
    return Chunks.split(text, n).parallelStream().mapToLong(Chunks::countWords).sum();
  }
}
