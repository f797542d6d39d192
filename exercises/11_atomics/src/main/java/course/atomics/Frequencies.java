package course.atomics;

import java.util.Map;

/**
 * Exercise 11: how often each word occurs, counted by many threads into one shared map. Read
 * book/11_atomics.md first.
 *
 * <p>Until now every worker returned one number and the caller added them up. Here the workers
 * share one table of counts and update it word by word, at the same time: the place where updates
 * get lost.
 *
 * <p>Given to you, in the support module: {@code course.support.Chunks.split(text, n)} and {@code
 * course.support.Words.forEach(chunk, action)}, which hands each word of a chunk to your action.
 * Walk the words with {@code Words.forEach}: the tests watch it to see which threads did the work
 * and what they counted into.
 */
public final class Frequencies {

  private Frequencies() {}

  /**
   * Counts how many times each word occurs in {@code text}.
   *
   * <p>The text is split with {@code Chunks.split(text, nThreads)}, and each chunk is walked with
   * {@code Words.forEach} on a worker thread of its own, all of them at the same time, never on the
   * calling thread. More threads than words is fine: the split returns fewer chunks.
   *
   * <p>All the workers of one call count into <b>one</b> map that they share: the action a worker
   * hands to {@code Words.forEach} adds each word to that map as it is given, so that no update is
   * lost however the workers' steps interleave. No worker keeps counts of its own to merge at the
   * end, and nothing is kept in a static field: two calls at the same time must not see each
   * other's words.
   *
   * <p>Every worker has ended when this method returns, normally or not.
   *
   * @param text the text whose words are counted; may be empty or hold only whitespace
   * @param nThreads the number of worker threads; at least 1
   * @return every word of {@code text} mapped to its number of occurrences (at least 1); an empty
   *     map for an empty or blank text. The map cannot be changed: its mutating methods throw
   *     {@link UnsupportedOperationException}
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if interrupted while waiting for the workers
   */
  public static Map<String, Long> of(String text, int nThreads) throws InterruptedException {
    // TODO: check the arguments.
    // TODO: one worker per chunk of Chunks.split(text, nThreads), all started before you wait for
    //       any; each walks its chunk with Words.forEach into the one map they share. Read
    //       book/11_atomics.md, "A lost update" and "Updating a shared map in one step".
    // TODO: wait for every worker, then return the counts as a map that cannot be changed
    //       (book/11_atomics.md, "Handing the map back").
    throw new UnsupportedOperationException(
        "TODO: count each word's occurrences in one shared map");
  }
}
