package course.forkjoin;

import java.util.Objects;
import java.util.concurrent.RecursiveTask;

/**
 * Exercise 09, part 1: word count as a fork/join task. Read book/09_forkjoin.md first.
 *
 * <p>A task counts the words of one range {@code [from, to)} of a text. A short range is counted
 * directly; a long one is cut in two at a whitespace character, one half is {@code fork()}ed (so
 * that an idle worker of the pool can steal it) while this thread computes the other half, and the
 * two counts are added.
 *
 * <p>The constructors are given; you write {@link #compute()}.
 */
public final class WordCountTask extends RecursiveTask<Long> {

  /** Ranges of at most this many chars are counted directly, without splitting further. */
  public static final int DEFAULT_THRESHOLD = 8_192;

  private final String text;
  private final int from;
  private final int to;
  private final int threshold;

  /** A task that counts all of {@code text}, splitting down to {@link #DEFAULT_THRESHOLD}. */
  public WordCountTask(String text) {
    this(text, DEFAULT_THRESHOLD);
  }

  /**
   * A task that counts all of {@code text}, splitting down to {@code threshold} chars.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code threshold < 1}
   */
  public WordCountTask(String text, int threshold) {
    this(Objects.requireNonNull(text, "text must not be null"), 0, text.length(), threshold);
  }

  /**
   * A task that counts {@code text[from, to)}: use it for the two halves. Neither end may fall
   * inside a word.
   */
  private WordCountTask(String text, int from, int to, int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    this.text = text;
    this.from = from;
    this.to = to;
    this.threshold = threshold;
  }

  /**
   * Counts the words of {@code text[from, to)}.
   *
   * <ul>
   *   <li>If the range holds at most {@code threshold} chars, return {@code
   *       course.support.Chunks.countWords(text.substring(from, to))}.
   *   <li>Otherwise find a cut near the middle that is a whitespace character ({@code
   *       Character.isWhitespace}): look forward from the middle, then backward. If the range holds
   *       no whitespace strictly inside it (one long word), count it directly as above.
   *   <li>Make two tasks, {@code [from, cut)} and {@code [cut, to)}; {@code fork()} one, {@code
   *       compute()} the other on this thread, then {@code join()} the forked one and add.
   * </ul>
   *
   * <p>Both halves must be shorter than the range, or the recursion never ends. An empty range has
   * 0 words.
   *
   * @return the number of words in the range
   */
  @Override
  protected Long compute() {
    // TODO: small range: count it with Chunks.countWords (the tests watch that call).
    // TODO: large range: cut at a whitespace near the middle (book/09_forkjoin.md, "Splitting
    //       without cutting a word").
    // TODO: fork() one half, compute() the other, then join() the first and add them
    //       (book/09_forkjoin.md, "Fork, compute, join").
    throw new UnsupportedOperationException("TODO: split, fork one half, compute the other");
  }
}
