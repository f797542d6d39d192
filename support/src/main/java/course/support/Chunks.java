package course.support;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splitting a text into chunks and counting the words of one chunk.
 *
 * <p>This is chapter 01's answer, given to you from chapter 02 on, so that every later chapter is
 * only about <em>who</em> counts the chunks: child processes, threads, a pool, a fork/join task.
 *
 * <p>A <b>word</b> is a maximal run of code points that are not whitespace according to {@link
 * Character#isWhitespace(int)}. That definition includes Unicode spaces such as U+2003 (EM SPACE)
 * and excludes U+00A0 (NO-BREAK SPACE), which Java does not count as whitespace.
 */
public final class Chunks {

  private Chunks() {}

  /**
   * Splits {@code text} into at most {@code n} chunks, never cutting a word in two.
   *
   * <p>The chunks, joined in order, are exactly {@code text}: nothing is lost or added. Each cut is
   * placed at (or just after) {@code i * length / n} and moved forward to the next place that is
   * not inside a word, so the chunks are about the same length when the words are short. A cut
   * never falls between the two halves of a surrogate pair.
   *
   * @param text the text to split; may be empty or hold only whitespace
   * @param n the largest number of chunks wanted; at least 1
   * @return the non-empty chunks, at most {@code n} of them; an empty list for an empty text
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static List<String> split(String text, int n) {
    var cuts = cuts(text, n);
    var chunks = new ArrayList<String>(cuts.length - 1);
    for (int i = 1; i < cuts.length; i++) {
      chunks.add(text.substring(cuts[i - 1], cuts[i]));
    }
    return List.copyOf(chunks);
  }

  /**
   * The same chunks as {@link #split}, cut at the same places, but as views of {@code text}:
   * nothing is copied. A slice reads its characters from the one text that every thread shares, so
   * splitting costs a few objects however long the text is, where {@code split} copies every
   * character once on the calling thread before any worker can start.
   *
   * <p>Hand a slice to {@link #countWords(CharSequence)}, which counts it as fast as a {@code
   * String}. Its {@code toString()} makes the copy, if you ever need one.
   *
   * @param text the text to split; may be empty or hold only whitespace
   * @param n the largest number of chunks wanted; at least 1
   * @return the non-empty slices, at most {@code n} of them; an empty list for an empty text
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static List<CharSequence> slices(String text, int n) {
    var cuts = cuts(text, n);
    var slices = new ArrayList<CharSequence>(cuts.length - 1);
    for (int i = 1; i < cuts.length; i++) {
      slices.add(new Slice(text, cuts[i - 1], cuts[i]));
    }
    return List.copyOf(slices);
  }

  /**
   * Where {@link #split} and {@link #slices} cut: 0, the cuts, and the text's length, in order and
   * without repeats, so that chunk {@code i} is {@code [cuts[i], cuts[i + 1])}.
   */
  private static int[] cuts(String text, int n) {
    Objects.requireNonNull(text, "text must not be null");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    int length = text.length();
    var cuts = new int[Math.min(n, length) + 1];
    int count = 1; // cuts[0] = 0
    int start = 0;
    for (int i = 1; i < n && start < length; i++) {
      int cut = (int) Math.max(start, (long) i * length / n);
      cut = nextCutAtOrAfter(text, cut);
      if (cut > start && cut < length) {
        cuts[count++] = cut;
        start = cut;
      }
    }
    if (start < length) {
      cuts[count++] = length;
    }
    return java.util.Arrays.copyOf(cuts, count);
  }

  /**
   * Counts the words of one chunk: the unit of work that the exercises hand to their workers.
   *
   * <p>Call this from your workers (threads, tasks, child processes) rather than writing your own
   * loop: the course's tests watch its calls through {@link WorkProbe} to see which thread or
   * process counted, and how many counted at the same time.
   *
   * @param chunk the text to count; may be empty
   * @return the number of words in {@code chunk}
   * @throws NullPointerException if {@code chunk} is null
   */
  public static long countWords(String chunk) {
    Objects.requireNonNull(chunk, "chunk must not be null");
    WorkProbe.beforeWork(WorkProbe.COUNT_WORDS, chunk);
    try {
      return countWordsUnobserved(chunk);
    } finally {
      WorkProbe.afterWork(WorkProbe.COUNT_WORDS, chunk);
    }
  }

  /**
   * Counts the words of one chunk given as any {@link CharSequence}: a slice from {@link #slices},
   * a {@code StringBuilder}, a {@code CharBuffer}. A slice is counted in place, as fast as a {@code
   * String}. Like {@link #countWords(String)}, the call is seen by the tests.
   *
   * @param chunk the text to count; may be empty
   * @return the number of words in {@code chunk}
   * @throws NullPointerException if {@code chunk} is null
   */
  public static long countWords(CharSequence chunk) {
    Objects.requireNonNull(chunk, "chunk must not be null");
    WorkProbe.beforeWork(WorkProbe.COUNT_WORDS, chunk);
    try {
      return countWordsUnobserved(chunk);
    } finally {
      WorkProbe.afterWork(WorkProbe.COUNT_WORDS, chunk);
    }
  }

  /**
   * Counts the words of {@code text[from, to)} in place, without copying the range into a new
   * string: what a fork/join leaf wants, when copying each piece would cost about as much as
   * counting it. The tests see the call like any other {@code countWords} call; its input is a view
   * of the range, of length {@code to - from}.
   *
   * <p>The range must not cut a word (nor a surrogate pair) in two, or the two halves count as two
   * words: split as {@link #split} does, at whitespace.
   *
   * @param text the whole text
   * @param from the first index of the range
   * @param to the index after the range
   * @return the number of words in the range
   * @throws NullPointerException if {@code text} is null
   * @throws IndexOutOfBoundsException if the range is not within {@code text}
   */
  public static long countWords(String text, int from, int to) {
    Objects.requireNonNull(text, "text must not be null");
    Objects.checkFromToIndex(from, to, text.length());
    var range = CharBuffer.wrap(text, from, to);
    WorkProbe.beforeWork(WorkProbe.COUNT_WORDS, range);
    try {
      return countWordsOf(text, from, to);
    } finally {
      WorkProbe.afterWork(WorkProbe.COUNT_WORDS, range);
    }
  }

  /**
   * Counts words the same way as {@link #countWords}, without telling any probe. For tests and
   * benchmarks that need the right answer without taking part in the experiment.
   */
  public static long countWordsUnobserved(CharSequence text) {
    return switch (text) {
      case String string -> countWordsOf(string, 0, string.length());
      case Slice slice -> countWordsOf(slice.text, slice.from, slice.to);
      default -> countWordsOf(text);
    };
  }

  /**
   * The loop that every chapter's workers run, so it is written for speed: most characters are not
   * surrogates and can be tested as they are; only a surrogate needs the code point it belongs to.
   * Calling {@code String.charAt} directly (not through {@code CharSequence}) lets the JIT compile
   * it to a plain array read.
   */
  private static long countWordsOf(String text, int from, int to) {
    long words = 0;
    boolean inWord = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean space;
      if (Character.isSurrogate(c)) {
        // A pair is one code point (whitespace or not); a lone surrogate is never whitespace.
        boolean pair =
            Character.isHighSurrogate(c)
                && i + 1 < to
                && Character.isLowSurrogate(text.charAt(i + 1));
        space = pair && Character.isWhitespace(Character.toCodePoint(c, text.charAt(++i)));
      } else {
        space = Character.isWhitespace(c);
      }
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  private static long countWordsOf(CharSequence text) {
    long words = 0;
    boolean inWord = false;
    int length = text.length();
    for (int i = 0; i < length; ) {
      int codePoint = Character.codePointAt(text, i);
      boolean space = Character.isWhitespace(codePoint);
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
      i += Character.charCount(codePoint);
    }
    return words;
  }

  /** The first index at or after {@code index} that is a legal cut: not inside a word. */
  private static int nextCutAtOrAfter(String text, int index) {
    int length = text.length();
    int cut = index;
    // Never cut a surrogate pair in two.
    if (cut > 0
        && cut < length
        && Character.isLowSurrogate(text.charAt(cut))
        && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut++;
    }
    while (cut > 0 && cut < length && insideWord(text, cut)) {
      cut += Character.charCount(text.codePointAt(cut));
    }
    return cut;
  }

  /** Whether a cut at {@code index} would fall between two non-whitespace code points. */
  private static boolean insideWord(String text, int index) {
    int before = text.codePointBefore(index);
    int after = text.codePointAt(index);
    return !Character.isWhitespace(before) && !Character.isWhitespace(after);
  }

  /**
   * A view of {@code text[from, to)}: what {@link #slices} returns. It keeps the whole text alive
   * and copies nothing until {@link #toString()} is called.
   */
  private static final class Slice implements CharSequence {
    private final String text;
    private final int from;
    private final int to;

    Slice(String text, int from, int to) {
      this.text = text;
      this.from = from;
      this.to = to;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      Objects.checkIndex(index, length());
      return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      Objects.checkFromToIndex(start, end, length());
      return new Slice(text, from + start, from + end);
    }

    @Override
    public boolean isEmpty() {
      return from == to;
    }

    @Override
    public String toString() {
      return text.substring(from, to);
    }
  }
}
