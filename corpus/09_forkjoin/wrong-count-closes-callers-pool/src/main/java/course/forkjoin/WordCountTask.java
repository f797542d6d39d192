package course.forkjoin;

import course.support.Chunks;
import java.util.Objects;
import java.util.concurrent.RecursiveTask;

public final class WordCountTask extends RecursiveTask<Long> {

  public static final int DEFAULT_THRESHOLD = 8_192;

  private final String text;
  private final int from;
  private final int to;
  private final int threshold;

  public WordCountTask(String text) {
    this(text, DEFAULT_THRESHOLD);
  }

  public WordCountTask(String text, int threshold) {
    this(Objects.requireNonNull(text, "text must not be null"), 0, text.length(), threshold);
  }

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
      return Chunks.countWords(text.substring(from, to));
    }
    int cut = cutNearMiddle();
    if (cut == from) {
      return Chunks.countWords(text.substring(from, to)); // one long word
    }
    var left = new WordCountTask(text, from, cut, threshold);
    var right = new WordCountTask(text, cut, to, threshold);
    left.fork();
    long rightWords = right.compute();
    return left.join() + rightWords;
  }

  /** A whitespace index strictly inside (from, to), nearest the middle going forward, then back. */
  private int cutNearMiddle() {
    int middle = from + (to - from) / 2;
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
