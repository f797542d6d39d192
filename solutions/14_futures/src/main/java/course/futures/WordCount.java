package course.futures;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Exercise 14, the reference solution: one asynchronous step per source, combined with allOf. */
public final class WordCount {

  private WordCount() {}

  /**
   * Reads and counts the words of every source asynchronously, on {@code executor}, and combines
   * the counts into one future. See the exercise's stub for the whole contract.
   */
  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    Objects.requireNonNull(executor, "executor must not be null");
    // List.copyOf rejects a null list and a null element before any task exists, and keeps the
    // list the steps see from changing under them.
    var all = List.copyOf(sources);
    // The read and the count share one task: the count then runs on the thread that read, an
    // executor thread, however fast the read was.
    List<CompletableFuture<Long>> counts =
        all.stream()
            .map(source -> CompletableFuture.supplyAsync(() -> readAndCount(source), executor))
            .toList();
    // allOf completes once every step has, normally or not; by then join() returns at once, so
    // the sum waits for nothing, whichever thread runs it.
    return CompletableFuture.allOf(counts.toArray(CompletableFuture<?>[]::new))
        .thenApply(allDone -> counts.stream().mapToLong(CompletableFuture::join).sum());
  }

  private static long readAndCount(SlowSource source) {
    String text;
    try {
      text = source.read();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the executor's thread decides what an interrupt means
      throw new SourceReadException(source, e);
    } catch (RuntimeException e) {
      throw new SourceReadException(source, e);
    }
    return Chunks.countWords(text);
  }
}
