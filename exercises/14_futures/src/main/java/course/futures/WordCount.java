package course.futures;

import course.support.SlowSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Exercise 14: count the words of many slow sources without waiting for any of them. Read
 * book/14_futures.md first.
 *
 * <p>Chapter 10 waited for every source on a thread of its own. Here nothing waits: you describe
 * the work as asynchronous steps, hand them to an executor that the caller chooses, and give back a
 * {@link CompletableFuture} that completes when the last step is done.
 *
 * <p>Given to you, in the support module: {@code SlowSource.read()} (it blocks, and declares {@code
 * InterruptedException}) and {@code course.support.Chunks.countWords(text)}. Use both: the tests
 * watch them to see which threads read and counted. Given to you in this package: {@link
 * SourceReadException}.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Reads and counts the words of every source asynchronously, on {@code executor}, and combines
   * the counts into one future.
   *
   * <p><b>Returns at once.</b> This method waits for no read, no count and no future: it only sets
   * the work up and returns the future, even while the executor has not yet run a single task.
   *
   * <p><b>Which threads.</b> Every {@code source.read()} and every {@code Chunks.countWords} call
   * runs on a thread of {@code executor}: never on the thread that called this method, never on the
   * common pool or a thread of your own, however quickly the reads finish. When the executor has a
   * thread for every source, all the reads are under way at the same time.
   *
   * <p><b>No task waits for another.</b> The executor may have fewer threads than there are
   * sources, a single one even, and may run its tasks in any order: the future completes all the
   * same, because no task you give it blocks waiting for the result of another.
   *
   * <p><b>The result.</b> The future completes with the total number of words of all sources. If a
   * read fails (it throws anything, {@code InterruptedException} included), the future completes
   * exceptionally with a {@link SourceReadException} whose {@code source()} is a source that failed
   * and whose cause is what that read threw, possibly wrapped in a {@code CompletionException}.
   * Either way, the future completes only once every read has ended.
   *
   * @param sources the sources to read; may be empty (the future completes with 0)
   * @param executor runs every read and every count
   * @return a future of the total number of words of all sources
   * @throws NullPointerException if {@code sources} or {@code executor} is null, or if {@code
   *     sources} holds null: thrown by this call, before any task is given to the executor
   */
  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    // TODO: check the arguments first, all of them (see @throws).
    // TODO: for every source, an asynchronous step on the executor that reads it and counts its
    //       words (book/14_futures.md, "Starting a step" and "Which thread runs a stage").
    // TODO: turn a failed read into a SourceReadException that names its source
    //       (book/14_futures.md, "When a step fails").
    // TODO: combine the steps into one future of the total, without waiting for any of them
    //       (book/14_futures.md, "Combining steps" and "Never wait inside a stage").
    throw new UnsupportedOperationException(
        "TODO: read and count every source asynchronously on the executor");
  }
}
