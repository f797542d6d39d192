package course.virtualthreads;

import course.support.SlowSource;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Exercise 10: count the words of many slow sources at once. Read book/10_virtualthreads.md first.
 *
 * <p>Each {@link SlowSource} blocks in {@code read()} for a while before it answers, as a web page
 * or a file on a network drive would. A thread that waits uses no CPU, so the way to go fast is to
 * have every source waiting at the same time: thousands of threads. Platform threads are too heavy
 * for that; virtual threads are made for it.
 *
 * <p>Given to you, in the support module: {@code SlowSource.read()} and {@code
 * course.support.Chunks.countWords(text)}. Use both: the tests watch them to see which threads read
 * and counted.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of every source, each one read ({@code source.read()}) and counted ({@code
   * Chunks.countWords}) on a <b>virtual</b> thread of its own, all of them at the same time.
   *
   * <p>No cap on how many run at once: a thousand sources are a thousand reads waiting together.
   * Every virtual thread has ended when this method returns, normally or not.
   *
   * @param sources the sources to read; may be empty (0 words)
   * @return the total number of words of all sources
   * @throws NullPointerException if {@code sources} is null or holds null
   * @throws InterruptedException if interrupted while waiting
   * @throws ExecutionException if a read or a count failed; its cause says why
   */
  public static long countAll(List<SlowSource> sources)
      throws InterruptedException, ExecutionException {
    // TODO: check the arguments.
    // TODO: read and count every source on a virtual thread of its own, all waiting at once,
    //       and leave none running. Read book/10_virtualthreads.md, "What a virtual thread is".
    throw new UnsupportedOperationException("TODO: read every source on a virtual thread");
  }

  /**
   * The same as {@link #countAll}, on a fixed pool of {@code nThreads} <b>platform</b> threads, for
   * contrast: at most {@code nThreads} sources wait at once, the others queue. The pool's threads
   * have ended when this method returns, as in chapter 08.
   *
   * @param sources the sources to read; may be empty (0 words)
   * @param nThreads the number of platform threads; at least 1
   * @return the total number of words of all sources
   * @throws NullPointerException if {@code sources} is null or holds null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if interrupted while waiting
   * @throws ExecutionException if a read or a count failed; its cause says why
   */
  public static long countAllOnPlatformThreads(List<SlowSource> sources, int nThreads)
      throws InterruptedException, ExecutionException {
    // TODO: check the arguments as countAll does, and nThreads < 1.
    // TODO: the same work on a fixed pool of nThreads platform threads (book/08_executors.md,
    //       "Closing the pool").
    throw new UnsupportedOperationException("TODO: read every source on a small platform pool");
  }
}
