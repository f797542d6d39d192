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
   * <p>A range of at most {@code threshold} chars is counted directly, in place, with {@code
   * Chunks.countWords(text, from, to)}: the tests watch that call, and no piece it is given is
   * longer than the threshold. A longer range is cut in two at a whitespace character near its
   * middle, so that no word is cut, and its halves are counted in parallel: one by a forked task
   * that an idle worker of the pool may steal, the other on this thread meanwhile. A range with no
   * whitespace strictly inside it is a single word, counted directly whatever its length.
   *
   * <p>Both halves are shorter than the range, so the recursion ends. An empty range has 0 words.
   *
   * @return the number of words in the range
   */
  @Override
  protected Long compute() {
    // TODO: a short range: count it in place (book/09_forkjoin.md, "Divide and conquer").
    // TODO: a long range: cut it at whitespace near the middle, and count the two halves in
    //       parallel, this thread doing one of them (book/09_forkjoin.md, "Splitting without
    //       cutting a word" and "Fork, compute, join").
    throw new UnsupportedOperationException("TODO: split, fork one half, compute the other");
  }
}
