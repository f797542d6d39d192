package course.sequential;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Exercise 01, solved: a sequential word counter and a splitter that never cuts a word. */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text}: maximal runs of code points that are not whitespace by {@link
   * Character#isWhitespace(int)}.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static long count(String text) {
    Objects.requireNonNull(text, "text must not be null");
    long words = 0;
    boolean previousWasSpace = true; // the start of the text acts like whitespace
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      boolean space = Character.isWhitespace(codePoint);
      if (previousWasSpace && !space) {
        words++; // a word starts here
      }
      previousWasSpace = space;
      i += Character.charCount(codePoint);
    }
    return words;
  }

  /**
   * Splits {@code text} into at most {@code n} chunks of about equal length, cutting only where a
   * cut does not fall inside a word.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static List<String> splitIntoChunks(String text, int n) {
    Objects.requireNonNull(text, "text must not be null");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    var chunks = new ArrayList<String>();
    int from = 0;
    for (int i = 1; i <= n; i++) {
      int to =
          i == n
              ? text.length()
              : safeCut(text, Math.max(from, (int) ((long) i * text.length() / n)));
      if (to > from) {
        chunks.add(text.substring(from, to));
        from = to;
      }
    }
    return List.copyOf(chunks);
  }

  /** Moves {@code index} forward until a cut there splits no word and no surrogate pair. */
  private static int safeCut(String text, int index) {
    while (index > 0 && index < text.length()) {
      int before = text.codePointBefore(index);
      boolean splitsPair =
          Character.isLowSurrogate(text.charAt(index))
              && Character.isHighSurrogate(text.charAt(index - 1));
      if (!splitsPair
          && (Character.isWhitespace(before) || Character.isWhitespace(text.codePointAt(index)))) {
        return index;
      }
      index++;
    }
    return index;
  }
}
