package course.forkjoin;

import course.support.Chunks;
import java.util.Objects;
import java.util.concurrent.RecursiveTask;

/** Exercise 09, solved: halve the range at a whitespace, fork one half, compute the other. */
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

  /** A task that counts {@code text[from, to)}; {@code from} and {@code to} never cut a word. */
  private WordCountTask(String text, int from, int to, int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    this.text = text;
    this.from = from;
    this.to = to;
    this.threshold = threshold;
  }

  @Override
  protected Long compute() {
    if (to - from <= threshold) {
      // Counted where it lies: text.substring(from, to) works too, but copies every leaf, which
      // costs about as much as counting it (book/bench.md measures the difference).
      return Chunks.countWords(text, from, to);
    }
    int cut = cutNear(from + (to - from) / 2);
    if (cut <= from || cut >= to) {
      return Chunks.countWords(text, from, to); // one long word: nothing to split
    }
    var left = new WordCountTask(text, from, cut, threshold);
    var right = new WordCountTask(text, cut, to, threshold);
    left.fork(); // queued on this worker's deque, where an idle worker can steal it
    long rightWords = right.compute(); // this thread keeps working instead of waiting
    return rightWords + left.join();
  }

  /**
   * The first whitespace at or after {@code middle}, or else the last one before it: a cut there
   * leaves every word whole. Returns {@code from} when the range holds no whitespace at all.
   */
  private int cutNear(int middle) {
    for (int i = middle; i < to; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    for (int i = middle - 1; i > from; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return from;
  }
}
